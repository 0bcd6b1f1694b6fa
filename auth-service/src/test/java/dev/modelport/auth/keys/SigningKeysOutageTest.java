package dev.modelport.auth.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doThrow;

import dev.modelport.auth.AuthServiceIntegrationTest;
import java.net.http.HttpResponse;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * Resource servers refresh their JWKS now and then; while PostgreSQL is down they must still get the
 * keys, or every worker would start refusing the tokens already handed out.
 */
class SigningKeysOutageTest extends AuthServiceIntegrationTest {

    @MockitoSpyBean
    SigningKeyStore store;

    @Test
    void jwksWhenDatabaseUnreachableThenKeysReadLastStayPublished() throws Exception {
        HttpResponse<String> before = get("/oauth2/jwks");
        assertThat(before.statusCode()).isEqualTo(200);
        assertThat(read(before.body()).get("keys")).asInstanceOf(InstanceOfAssertFactories.LIST).isNotEmpty();

        doThrow(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection")).when(store).newest(anyInt());
        try {
            HttpResponse<String> during = get("/oauth2/jwks");

            assertThat(during.statusCode()).isEqualTo(200);
            assertThat(read(during.body())).isEqualTo(read(before.body()));
        } finally {
            doCallRealMethod().when(store).newest(anyInt());
        }
    }
}
