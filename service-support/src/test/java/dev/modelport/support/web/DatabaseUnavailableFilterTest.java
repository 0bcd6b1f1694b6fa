package dev.modelport.support.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.ServletException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** A filter (the token endpoint, say) that needs the database while it is down answers 503 JSON, not a 500 page. */
class DatabaseUnavailableFilterTest {

    private final DatabaseUnavailableFilter filter = new DatabaseUnavailableFilter("auth-service");
    private final MockHttpServletRequest request = new MockHttpServletRequest("POST", "/oauth2/token");
    private final MockHttpServletResponse response = new MockHttpServletResponse();

    @Test
    void filterWhenChainNeedsAnUnavailableDatabaseThen503JsonWithRetryAfter() throws Exception {
        filter.doFilter(request, response, new MockFilterChain(new jakarta.servlet.http.HttpServlet() { }, (req, res, chain) -> {
            throw new ServletException(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                    new SQLTransientConnectionException("Connection is not available, request timed out after 2000ms")));
        }));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
        assertThat(response.getContentType()).startsWith("application/json");
        assertThat(response.getContentAsString()).isEqualTo(
                "{\"error\":\"the auth-service database is unavailable (down or busy); nothing was changed, retry in 5 s\"}");
    }

    @Test
    void filterWhenChainFailsForAnotherReasonThenFailureUntouched() {
        IllegalStateException bug = new IllegalStateException("a bug");
        assertThatThrownBy(() -> filter.doFilter(request, response,
                new MockFilterChain(new jakarta.servlet.http.HttpServlet() { }, (req, res, chain) -> {
                    throw bug;
                }))).isSameAs(bug);
        assertThat(response.getStatus()).isEqualTo(200);
    }
}
