package dev.modelport.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Secrets in the config repo: a {@code {cipher}} value committed to git reaches the client
 * decrypted, with the key from {@code MODELPORT_CONFIG_ENCRYPT_KEY}; {@code /encrypt} and
 * {@code /decrypt} are for the infrastructure user only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "MODELPORT_INFRA_PASSWORD=config-test-secret",
        "MODELPORT_CONFIG_ENCRYPT_KEY=test-encrypt-key-0123456789",
        "eureka.client.enabled=false"})
class EncryptedConfigTest {

    private static final String CREDENTIALS = "modelport:config-test-secret";
    private static final String SECRET = "pg-Pa55word/with:odd=chars";
    private static TestGitRepo repo;

    @LocalServerPort
    int port;

    @BeforeAll
    static void createRepo() throws Exception {
        repo = TestGitRepo.create("config-cipher-test");
    }

    @AfterAll
    static void deleteRepo() throws Exception {
        repo.close();
    }

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

    private static String awaitConfig(ConfigServerClient server, String expected) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        String body = "";
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> response = server.get("/model-service/default", CREDENTIALS);
            assertThat(response.statusCode()).isEqualTo(200);
            body = response.body().replace(" ", "");
            if (body.contains(expected)) {
                return body;
            }
            Thread.sleep(200);
        }
        return body;
    }
}
