package dev.modelport.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.modelport.testsupport.RequiredServices;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Live configuration over Spring Cloud Bus: the stack ({@code bin/platform up --workers 2}) runs
 * on a git config repo of the test's own (a copy of {@code config-repo/}) with the bus on
 * RabbitMQ. One commit changes a batching value and a rate limit, one POST to the config
 * server's busrefresh is sent, and each instance (both workers, the gateway) must then use the
 * new values, read from the instance itself, within 30 s. A running stack of the e2e home is
 * reused only when it already runs on that repo with the bus; otherwise it is stopped, and the
 * stack this test starts is stopped at the end.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Order(6) // last: it restarts the platform on its own config repo
class LiveConfigIT {

    private static final String CONFIG_SERVER = "http://localhost:8888";
    private static final String GATEWAY = "http://localhost:8080";
    private static final Map<String, Integer> WORKERS = Map.of("model-service-1", 8081, "model-service-2", 8082);
    private static final Duration WITHIN = Duration.ofSeconds(30);
    private static final String MODEL = "iris";

    private final Platform platform = Platform.fromSystemProperties();
    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Path gitRepo;
    private boolean startedHere;
    private String infra;
    private String token;

    @BeforeAll
    void up() throws Exception {
        boolean rabbit = reachable("127.0.0.1", 5672);
        assumeTrue(RequiredServices.available(rabbit, "RabbitMQ on 127.0.0.1:5672"), "RabbitMQ on 127.0.0.1:5672 is not reachable");
        gitRepo = platform.home().resolve("live-config-repo");
        String status = platform.run(Duration.ofSeconds(30), "status").output();
        boolean compatible = status.matches("(?s).*gateway\\s+\\d+\\s+8080\\s+UP.*")
                && status.matches("(?s).*model-service-2\\s+\\d+\\s+8082\\s+UP.*")
                && status.contains("bus: rabbit") && status.contains("config: " + gitRepo + " (main)");
        if (!compatible) {
            // another test's stack (other config repo, or no bus) holds the ports
            platform.run(Duration.ofMinutes(2), "down");
            createGitRepo();
            // no shutdown drain: this test does not stop a worker under load, and down is 12 s faster
            Platform.Result up = platform.run(Duration.ofMinutes(8),
                    Map.of("CONFIG_GIT_URI", gitRepo.toString(), "CONFIG_GIT_LABEL", "main", "MODELPORT_BUS", "rabbit",
                            "MODELPORT_SHUTDOWN_DRAIN", "0s"),
                    "up", "--workers", "2", "--no-build");
            assertThat(up.exitCode()).as("bin/platform up:\n%s", up.output()).isZero();
            assertThat(up.output()).contains("bus: rabbit");
            startedHere = true;
        }
        infra = "modelport:" + platform.credentials().get("MODELPORT_INFRA_PASSWORD");
        token = cliToken();
    }

    @AfterAll
    void down() throws Exception {
        if (startedHere) {
            platform.run(Duration.ofMinutes(2), "down");
        }
    }

    @Test
    void commitAndOneBusRefreshWhenSentThenEveryInstanceUsesTheNewValuesWithin30Seconds() throws Exception {
        int batchSize = maxBatchSize(WORKERS.get("model-service-1"));
        int newBatchSize = batchSize < 4096 ? batchSize + 1 : 16;
        String tier = tierOf(token);
        int burst = burst();
        int newBurst = burst + 1;
        System.out.printf("changing %s max-batch-size %d -> %d and tier %s burst %d -> %d%n",
                MODEL, batchSize, newBatchSize, tier, burst, newBurst);

        // profile-specific files win over model-service.yml and gateway.yml, so the operator's
        // files stay as they are and the same test can run again on a reused stack
        Files.writeString(gitRepo.resolve("config-repo/model-service-default.yml"), """
                # written by LiveConfigIT
                modelport:
                  inference:
                    models:
                      %s:
                        max-batch-size: %d
                """.formatted(MODEL, newBatchSize));
        Files.writeString(gitRepo.resolve("config-repo/gateway-default.yml"), """
                # written by LiveConfigIT
                modelport:
                  gateway:
                    rate-limit:
                      tiers:
                        %s:
                          burst: %d
                """.formatted(tier, newBurst));
        git("add", "-A");
        git("commit", "-q", "-m", "LiveConfigIT: " + MODEL + " max-batch-size " + newBatchSize + ", " + tier + " burst " + newBurst);

        long sent = System.nanoTime();
        HttpResponse<String> refresh = http.send(HttpRequest.newBuilder(URI.create(CONFIG_SERVER + "/actuator/busrefresh"))
                .timeout(Duration.ofSeconds(10)).header("Authorization", basic(infra))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(refresh.statusCode()).as("POST busrefresh: %s", refresh.body()).isIn(200, 204);

        Map<String, Long> seenAfterMillis = new LinkedHashMap<>();
        long deadline = sent + WITHIN.toNanos();
        while (seenAfterMillis.size() < WORKERS.size() + 1 && System.nanoTime() < deadline) {
            for (Map.Entry<String, Integer> worker : WORKERS.entrySet()) {
                if (!seenAfterMillis.containsKey(worker.getKey()) && maxBatchSize(worker.getValue()) == newBatchSize) {
                    seenAfterMillis.put(worker.getKey(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent));
                }
            }
            if (!seenAfterMillis.containsKey("gateway") && burst() == newBurst) {
                seenAfterMillis.put("gateway", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent));
            }
            Thread.sleep(200);
        }
        System.out.printf("one bus refresh; new values in use after (ms): %s%n", seenAfterMillis);
        assertThat(seenAfterMillis).as("instances using the new values within %s", WITHIN)
                .containsOnlyKeys("model-service-1", "model-service-2", "gateway");
        for (int port : WORKERS.values()) {
            assertThat(refreshInfo(port)).as("worker on %d says what changed", port)
                    .contains("modelport.inference.models." + MODEL + ".max-batch-size");
        }
        assertThat(refreshInfo(8080)).contains("modelport.gateway.rate-limit.tiers." + tier + ".burst");
    }

    /** What the worker's batch queue for the model uses now: its override, else the defaults. */
    private int maxBatchSize(int port) throws Exception {
        HttpResponse<String> response = get("http://localhost:" + port + "/actuator/batching", basic(infra));
        assertThat(response.statusCode()).as("GET /actuator/batching on %d: %s", port, response.body()).isEqualTo(200);
        JsonNode batching = json.readTree(response.body());
        JsonNode effective = batching.path("serving").path(MODEL);
        if (effective.isMissingNode()) {
            effective = batching.path("overrides").path(MODEL);
        }
        if (effective.isMissingNode()) {
            effective = batching.path("defaults");
        }
        return effective.path("maxBatchSize").asInt();
    }

    /** The burst the gateway applies to the CLI client now, from its rate-limit headers. */
    private int burst() throws Exception {
        HttpResponse<String> response = get(GATEWAY + "/v2", "Bearer " + token);
        return Integer.parseInt(response.headers().firstValue("X-RateLimit-Limit")
                .orElseThrow(() -> new AssertionError("no X-RateLimit-Limit on GET /v2: " + response.statusCode())));
    }

    private String refreshInfo(int port) throws Exception {
        return json.readTree(get("http://localhost:" + port + "/actuator/info", basic(infra)).body()).path("config").toString();
    }

    private String cliToken() throws Exception {
        String secret = platform.credentials().get("MODELPORT_CLI_SECRET");
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:9000/oauth2/token"))
                .timeout(Duration.ofSeconds(10)).header("Authorization", basic("modelport-cli:" + secret))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body()).path("access_token").asString();
    }

    /** The token's rate-limit tier; without one the gateway applies its default tier, standard. */
    private String tierOf(String jwt) {
        JsonNode claims = json.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
        return claims.path("tier").isString() ? claims.path("tier").asString() : "standard";
    }

    private void createGitRepo() throws Exception {
        if (Files.exists(gitRepo)) {
            try (Stream<Path> old = Files.walk(gitRepo)) {
                old.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        Path configRepo = Files.createDirectories(gitRepo.resolve("config-repo"));
        try (Stream<Path> files = Files.list(platform.root().resolve("config-repo"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, configRepo.resolve(file.getFileName()));
            }
        }
        git("init", "-q", "-b", "main");
        git("add", "-A");
        git("commit", "-q", "-m", "copy of config-repo/");
    }

    private void git(String... arguments) throws Exception {
        List<String> command = Stream.concat(Stream.of("git", "-C", gitRepo.toString(), "-c", "user.name=LiveConfigIT",
                "-c", "user.email=e2e@localhost", "-c", "commit.gpgsign=false"), Stream.of(arguments)).toList();
        Process git = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(git.waitFor()).as("%s: %s", command, output).isZero();
    }

    private HttpResponse<String> get(String url, String authorization) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Authorization", authorization).header("Accept", "application/json").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean reachable(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
