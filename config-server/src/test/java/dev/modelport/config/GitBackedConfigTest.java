package dev.modelport.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The config server serves what is committed to a git repo, and only to the infrastructure user. */
@ConfigServerTest
class GitBackedConfigTest {

    private static final String CREDENTIALS = ConfigServerTest.INFRA_CREDENTIALS;
    private static final String CONFIG_FILE = "model-service.yml";

    @RegisterExtension
    static final TestGitRepo repo = new TestGitRepo("config-repo-test", CONFIG_FILE, batchSize(8));

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void gitBackend(DynamicPropertyRegistry registry) {
        // a plain path, as bin/platform passes it: cloned, so only commits are served
        registry.add("spring.cloud.config.server.git.uri", () -> repo.root().toString());
        registry.add("spring.cloud.config.server.git.basedir", () -> repo.cloneDirectory().toString());
        registry.add("spring.cloud.config.server.git.refresh-rate", () -> "0");
    }

    @Test
    void configWhenCommittedChangeThenServerReturnsNewValue() throws Exception {
        assertThat(fetchConfig()).contains("\"modelport.batching.max-batch-size\":8");

        repo.commit(CONFIG_FILE, batchSize(16), "raise batch size");

        await("config serving the committed change").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
                .until(() -> fetchConfig().contains("\"modelport.batching.max-batch-size\":16"));
    }

    @Test
    void configWhenChangeNotCommittedThenServerKeepsCommittedValue() throws Exception {
        String before = fetchConfig();
        repo.write(CONFIG_FILE, batchSize(999));
        try {
            assertThat(fetchConfig()).doesNotContain("\"modelport.batching.max-batch-size\":999").isEqualTo(before);
        } finally {
            repo.discardChange(CONFIG_FILE);
        }
    }

    @Test
    void configWhenNoCredentialsThenUnauthorized() throws Exception {
        assertThat(get("/model-service/default", null).statusCode()).isEqualTo(401);
    }

    @Test
    void configWhenWrongCredentialsThenUnauthorized() throws Exception {
        assertThat(get("/model-service/default", "modelport:wrong").statusCode()).isEqualTo(401);
    }

    @Test
    void healthWhenNoCredentialsThenPublic() throws Exception {
        assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
    }

    private String fetchConfig() throws Exception {
        HttpResponse<String> response = get("/model-service/default", CREDENTIALS);
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body().replace(" ", "");
    }

    private HttpResponse<String> get(String path, String credentials) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (credentials != null) {
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String batchSize(int size) {
        return "modelport:\n  batching:\n    max-batch-size: " + size + "\n";
    }
}
