package dev.modelport.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/** The config server serves what is committed to a git repo, and only to the infrastructure user. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "MODELPORT_INFRA_PASSWORD=config-test-secret",
        "eureka.client.enabled=false"})
class GitBackedConfigTest {

    private static final String CREDENTIALS = "modelport:config-test-secret";
    private static Path repo;

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @BeforeAll
    static void createRepo() throws Exception {
        repo = Files.createTempDirectory("config-repo-test");
        try (Git git = Git.init().setInitialBranch("main").setDirectory(repo.toFile()).call()) {
            writeBatchSize(8);
            commit(git, "initial config");
        }
    }

    @AfterAll
    static void deleteRepo() throws IOException {
        FileSystemUtils.deleteRecursively(repo);
    }

    @DynamicPropertySource
    static void gitBackend(DynamicPropertyRegistry registry) {
        // a plain path, as bin/platform passes it: cloned, so only commits are served
        registry.add("spring.cloud.config.server.git.uri", () -> repo.toString());
        registry.add("spring.cloud.config.server.git.basedir", () -> repo.resolveSibling(repo.getFileName() + "-clone").toString());
        registry.add("spring.cloud.config.server.git.refresh-rate", () -> "0");
    }

    @Test
    void configWhenCommittedChangeThenServerReturnsNewValue() throws Exception {
        assertThat(fetchConfig()).contains("\"modelport.batching.max-batch-size\":8");

        writeBatchSize(16);
        try (Git git = Git.open(repo.toFile())) {
            commit(git, "raise batch size");
        }

        assertThat(awaitConfigContaining("\"modelport.batching.max-batch-size\":16")).isTrue();
    }

    @Test
    void configWhenChangeNotCommittedThenServerKeepsCommittedValue() throws Exception {
        String before = fetchConfig();
        Files.writeString(repo.resolve("config-repo/model-service.yml"),
                "modelport:\n  batching:\n    max-batch-size: 999\n");
        try {
            assertThat(fetchConfig()).doesNotContain("\"modelport.batching.max-batch-size\":999").isEqualTo(before);
        } finally {
            try (Git git = Git.open(repo.toFile())) {
                git.checkout().addPath("config-repo/model-service.yml").call();
            }
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

    private boolean awaitConfigContaining(String expected) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (Instant.now().isBefore(deadline)) {
            if (fetchConfig().contains(expected)) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
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

    private static void writeBatchSize(int size) throws IOException {
        Path file = repo.resolve("config-repo/model-service.yml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "modelport:\n  batching:\n    max-batch-size: " + size + "\n");
    }

    private static void commit(Git git, String message) throws Exception {
        git.add().addFilepattern(".").call();
        git.commit().setMessage(message).setAuthor("test", "test@localhost").setCommitter("test", "test@localhost")
                .setSign(false).call();
    }
}
