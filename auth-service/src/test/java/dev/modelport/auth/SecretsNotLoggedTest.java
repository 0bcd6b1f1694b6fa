package dev.modelport.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.beans.factory.annotation.Autowired;

/** Even with debug logging on, client secrets show up in no log line and no other response. */
@ExtendWith(OutputCaptureExtension.class)
class SecretsNotLoggedTest extends AuthServiceIntegrationTest {

    private static final List<String> DEBUG_LOGGERS = List.of(
            "org.springframework.web", "org.springframework.security", "org.springframework.jdbc", "dev.modelport");

    @Autowired
    JdbcClient jdbc;

    @Test
    void secretsWhenClientsCreatedRotatedAndUsedThenNeverLoggedOrReturnedAgain(CapturedOutput output) throws Exception {
        LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
        DEBUG_LOGGERS.forEach(logger -> logging.setLogLevel(logger, LogLevel.DEBUG));
        String createdSecret;
        String rotatedSecret;
        String clientId;
        try {
            HttpResponse<String> created = api("POST", "/api/clients", adminToken(),
                    "{\"name\": \"logged\", \"scopes\": [\"models.infer\"], \"models\": [\"iris\"]}");
            Map<String, Object> body = read(created.body());
            clientId = (String) body.get("clientId");
            createdSecret = (String) body.get("clientSecret");
            accessToken(clientId, createdSecret);
            rotatedSecret = (String) read(api("POST", "/api/clients/" + clientId + "/secret", adminToken(), null).body())
                    .get("clientSecret");
            accessToken(clientId, rotatedSecret);
            requestToken(clientId, createdSecret, "grant_type=client_credentials");
            requestToken("modelport-cli", "wrong-" + CLI_SECRET, "grant_type=client_credentials");

            assertThat(api("GET", "/api/clients", adminToken(), null).body())
                    .doesNotContain(createdSecret).doesNotContain(rotatedSecret);
        } finally {
            DEBUG_LOGGERS.forEach(logger -> logging.setLogLevel(logger, null));
        }

        assertThat(output.getAll()).contains(clientId)
                .doesNotContain(createdSecret)
                .doesNotContain(rotatedSecret)
                .doesNotContain(CLI_SECRET)
                .doesNotContain(CONSOLE_SECRET)
                .doesNotContain(ADMIN_PASSWORD)
                .doesNotContain("auth-test-key-encryption-secret");
        String audit = String.join("\n", jdbc.sql("SELECT details::text FROM audit.audit_record").query(String.class).list());
        assertThat(audit).doesNotContain(createdSecret).doesNotContain(rotatedSecret).doesNotContain(CLI_SECRET);
    }
}
