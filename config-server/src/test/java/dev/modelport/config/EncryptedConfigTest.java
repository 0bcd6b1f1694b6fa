package dev.modelport.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Secrets in the config repo: a {@code {cipher}} value committed to git reaches the client
 * decrypted, with the key from {@code MODELPORT_CONFIG_ENCRYPT_KEY}; {@code /encrypt} and
 * {@code /decrypt} are for the infrastructure user only.
 */
@ConfigServerTest
@TestPropertySource(properties = "MODELPORT_CONFIG_ENCRYPT_KEY=test-encrypt-key-0123456789")
class EncryptedConfigTest {

    private static final String CREDENTIALS = ConfigServerTest.INFRA_CREDENTIALS;
    private static final String SECRET = "pg-Pa55word/with:odd=chars";

    @RegisterExtension
    static final TestGitRepo repo = new TestGitRepo("config-cipher-test");

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void gitBackend(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.config.server.git.uri", () -> repo.root().toString());
        registry.add("spring.cloud.config.server.git.basedir", () -> repo.cloneDirectory().toString());
        registry.add("spring.cloud.config.server.git.refresh-rate", () -> "0");
    }

    @Test
    void cipherValueWhenCommittedThenClientGetsPlainValue() throws Exception {
        ConfigServerClient server = new ConfigServerClient(port);
        HttpResponse<String> encrypted = server.post("/encrypt", CREDENTIALS, "text/plain", SECRET);
        assertThat(encrypted.statusCode()).isEqualTo(200);
        String cipher = encrypted.body();
        assertThat(cipher).isNotBlank().doesNotContain(SECRET);

        repo.commit("model-service.yml", "spring:\n  datasource:\n    password: '{cipher}" + cipher + "'\n",
                "database password, encrypted");

        String served = awaitConfig(server, "pg-Pa55word");
        assertThat(served).contains("\"spring.datasource.password\":\"" + SECRET + "\"").doesNotContain("{cipher}");
        HttpResponse<String> decrypted = server.post("/decrypt", CREDENTIALS, "text/plain", cipher);
        assertThat(decrypted.statusCode()).isEqualTo(200);
        assertThat(decrypted.body()).isEqualTo(SECRET);
    }

    @Test
    void encryptAndDecryptWhenNoOrWrongCredentialsThenUnauthorizedJson() throws Exception {
        ConfigServerClient server = new ConfigServerClient(port);
        for (String path : new String[] {"/encrypt", "/decrypt"}) {
            for (String credentials : new String[] {null, "modelport:wrong"}) {
                HttpResponse<String> response = server.post(path, credentials, "text/plain", "anything");
                assertThat(response.statusCode()).as("%s with %s", path, credentials).isEqualTo(401);
                assertThat(response.body()).as(path).startsWith("{\"error\":\"authentication required");
            }
        }
    }

    @Test
    void decryptWhenNotOurCipherThenBadRequestJsonAndServerStaysHealthy() throws Exception {
        ConfigServerClient server = new ConfigServerClient(port);
        for (String notOurs : new String[] {"00ff00ff", "ab".repeat(48), "not hex at all"}) {
            HttpResponse<String> response = server.post("/decrypt", CREDENTIALS, "text/plain", notOurs);
            assertThat(response.statusCode()).as(notOurs).isEqualTo(400);
            assertThat(response.body()).as(notOurs).startsWith("{").containsAnyOf("\"error\"", "\"description\"");
        }
        assertThat(server.get("/actuator/health", null).statusCode()).isEqualTo(200);
    }

    private static String awaitConfig(ConfigServerClient server, String expected) {
        return await("config containing " + expected).atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    HttpResponse<String> response = server.get("/model-service/default", CREDENTIALS);
                    assertThat(response.statusCode()).isEqualTo(200);
                    return response.body().replace(" ", "");
                }, body -> body.contains(expected));
    }
}
