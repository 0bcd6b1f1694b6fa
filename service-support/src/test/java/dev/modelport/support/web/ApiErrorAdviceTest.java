package dev.modelport.support.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

class ApiErrorAdviceTest {

    @RestController
    static class Failing {

        @GetMapping("/no-connection")
        String noConnection() {
            throw new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                    new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 2000ms"));
        }

        @GetMapping("/no-transaction")
        String noTransaction() {
            throw new CannotCreateTransactionException("Could not open JDBC Connection for transaction");
        }

        @GetMapping("/page")
        String page(@RequestParam int size) {
            return "size " + size;
        }

        @GetMapping("/broken")
        String broken() {
            throw new IllegalStateException("a bug with internals in its message");
        }
    }

    @RestControllerAdvice
    static class Advice extends ApiErrorAdvice {
        Advice() {
            super("test-service");
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Failing()).setControllerAdvice(new Advice()).build();

    @Test
    void callWhenDatabaseHandsOutNoConnectionThen503WithRetryAfterAndJsonError() throws Exception {
        for (String path : new String[] {"/no-connection", "/no-transaction"}) {
            mvc.perform(get(path))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().string("Retry-After", "5"))
                    .andExpect(jsonPath("$.error").value(
                            "the test-service database is unavailable (down or busy); nothing was changed, retry in 5 s"));
        }
    }

    @Test
    void callWhenParameterMissingOrNotANumberThen400NamingIt() throws Exception {
        mvc.perform(get("/page")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("parameter 'size' is required"));
        mvc.perform(get("/page").param("size", "ten")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("'size' must be a number, not 'ten'"));
    }

    @Test
    void callWhenUnexpectedFailureThen500WithoutItsMessage() throws Exception {
        mvc.perform(get("/broken")).andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.error").value("internal error; see the test-service log"));
    }
}
