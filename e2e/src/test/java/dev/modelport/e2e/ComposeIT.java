package dev.modelport.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.modelport.testsupport.RequiredServices;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
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
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code docker-compose.yml} started for real, as the README's Docker section tells a user to,
 * and used from the host only through its published ports: a token at localhost:9000, a model
 * uploaded, promoted and called through localhost:8080 with both workers serving it, the
 * console at localhost:8090 in headless Chromium, both workers up in Prometheus's targets, a
 * committed config change reaching both workers over the bus; then {@code down -v} leaves
 * nothing. {@code e2e/compose/stack} does the Docker side (stand-in images for what Docker Hub
 * would give, {@code e2e/compose/standins.yml}); each step prints its time.
 *
 * <p>Runs last: it stops the platform the other system tests share, whose ports it needs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(7)
class ComposeIT {

    private static final String AUTH = "http://localhost:9000";
    private static final String GATEWAY = "http://localhost:8080";
    private static final String CONSOLE = "http://localhost:8090";
    private static final String PROMETHEUS = "http://127.0.0.1:9090";
    private static final String MODEL = "compose-smoke";
    private static final List<String> WORKERS = List.of("model-service-1", "model-service-2");
    private static final Path DOCKER = Path.of("/usr/bin/docker");
    /** e2e/compose/stack's project name, on every container, network and volume compose makes. */
    private static final String PROJECT_LABEL = "com.docker.compose.project=modelport-compose-test";

    private final Platform platform = Platform.fromSystemProperties();
    private final Path stack = platform.root().resolve("e2e/compose/stack");
    private final Path state = platform.root().resolve(".modelport/compose");
    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<String, Long> stepMillis = new LinkedHashMap<>();
    private boolean upCalled;
    private Map<String, String> secrets;
    private String token;
    private int version;
    private List<String> lastTargets = List.of();

    @BeforeAll
    void up() throws Exception {
        assumeTrue(RequiredServices.available(engineAnswers(), "a Docker engine (/usr/bin/docker info) and docker-compose"),
                "no Docker engine: ComposeIT needs docker.io and docker-compose (bin/test installs and starts them)");
        // the other system tests' platform holds the ports compose publishes
        if (platform.hasStarted()) {
            Platform.Result down = platform.run(Duration.ofMinutes(2), "down");
            assertThat(down.exitCode()).as("bin/platform down:\n%s", down.output()).isZero();
        }
        boolean alreadyUp = !docker("ps", "-q", "--filter", "label=" + PROJECT_LABEL).isBlank();
        for (int port : List.of(8080, 8090, 9000, 9090)) {
            assertThat(alreadyUp || !listening(port)).as("port %d on 127.0.0.1 must be free for docker-compose.yml", port).isTrue();
        }
        upCalled = true;
        long started = System.nanoTime();
        Platform.Result up = stack(Duration.ofMinutes(20), "up");
        assertThat(up.exitCode()).as("e2e/compose/stack up:\n%s", up.output()).isZero();
        record("build and up -d until healthy, demo installed", started);
        secrets = envFile();
    }

    @AfterAll
    void down() throws Exception {
        if (!upCalled) {
            return;
        }
        long started = System.nanoTime();
        Platform.Result down = stack(Duration.ofMinutes(5), "down");
        record("down -v, images removed", started);
        System.out.println("ComposeIT steps (ms):");
        stepMillis.forEach((step, millis) -> System.out.printf("  %-60s %8d%n", step, millis));
        assertThat(down.exitCode()).as("e2e/compose/stack down:\n%s", down.output()).isZero();
        assertThat(docker("ps", "-aq", "--filter", "label=" + PROJECT_LABEL)).as("containers left").isBlank();
        assertThat(docker("volume", "ls", "-q", "--filter", "label=" + PROJECT_LABEL)).as("volumes left").isBlank();
        assertThat(docker("network", "ls", "-q", "--filter", "label=" + PROJECT_LABEL)).as("networks left").isBlank();
        assertThat(docker("images", "-q", "--filter", "label=dev.modelport.compose-test")).as("stand-in images left").isBlank();
        assertThat(docker("images", "-q", "modelport/*")).as("modelport images left").isBlank();
    }

    @Test
    @Order(1)
    void tokenWhenAskedAtPublishedAuthServiceThenIssuedForThePublishedUrl() throws Exception {
        long started = System.nanoTime();
        token = cliToken();
        JsonNode claims = json.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        assertThat(claims.path("iss").asString()).isEqualTo(AUTH);
        record("token at localhost:9000", started);
    }

    @Test
    @Order(2)
    void demoWhenFirstStartThenIrisInProductionAndAnswering() throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> answer = platform.postJson(GATEWAY + "/v2/models/iris/infer", token,
                "{\"inputs\": [{\"name\": \"input\", \"shape\": [1, 4], \"datatype\": \"FP32\", \"data\": [1.4, 0.2, 5.1, 3.5]}]}");
        assertThat(answer.statusCode()).as("the demo job's iris: %s", answer.body()).isEqualTo(200);
        assertThat(json.readTree(answer.body()).path("model_version").asString()).isEqualTo("1");
        record("demo iris answers through localhost:8080", started);
    }

    @Test
    @Order(3)
    void modelWhenUploadedAndPromotedThroughGatewayThenBothWorkersServeIt() throws Exception {
        long started = System.nanoTime();
        Path file = Files.createTempDirectory("compose-it").resolve(MODEL + ".onnx");
        Files.write(file, LinearScorer.onnx());
        HttpResponse<String> uploaded = platform.upload(GATEWAY + "/api/models/" + MODEL + "/versions", token, file);
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        version = json.readTree(uploaded.body()).path("version").asInt();
        HttpResponse<String> rollout = platform.putJson(GATEWAY + "/api/models/" + MODEL + "/rollout", token,
                "{\"production\": " + version + "}");
        assertThat(rollout.statusCode()).as(rollout.body()).isEqualTo(200);

        String request = "{\"inputs\": [{\"name\": \"features\", \"shape\": [1, 4], \"datatype\": \"FP32\","
                + " \"data\": [1.0, 2.0, 3.0, 4.0]}]}";
        Map<String, Long> served = Map.of();
        int calls = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            for (int i = 0; i < 10; i++, calls++) {
                HttpResponse<String> answer = platform.postJson(GATEWAY + "/v2/models/" + MODEL + "/infer", token, request);
                if (answer.statusCode() == 200) {
                    assertThat(json.readTree(answer.body()).path("model_version").asString()).isEqualTo(String.valueOf(version));
                } else {
                    // a worker that has not yet loaded the new rollout answers 404 for a moment
                    assertThat(answer.statusCode()).as("%s", answer.body()).isIn(404, 503);
                }
            }
            served = servedPerWorker();
            if (served.values().stream().allMatch(count -> count > 0)) {
                break;
            }
        }
        System.out.printf("compose: %d calls to %s v%d through the gateway; served per worker: %s%n", calls, MODEL, version, served);
        assertThat(served).as("requests each worker served").containsOnlyKeys(WORKERS)
                .allSatisfy((worker, count) -> assertThat(count).as(worker).isPositive());
        record("upload, promote, infer through localhost:8080 on both workers", started);
    }

    @Test
    @Order(4)
    void consoleWhenAdminSignsInAtPublishedAuthServiceThenModelsPageListsTheModels() throws Exception {
        long started = System.nanoTime();
        ChromeDriver browser = HeadlessChromium.open("ComposeIT");
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(45));
            browser.get(CONSOLE + "/");
            // the console sends the browser to the published issuer, not to a name inside compose
            wait.until(ExpectedConditions.urlContains("localhost:9000/login"));
            browser.findElement(By.id("username")).sendKeys("admin");
            browser.findElement(By.id("password")).sendKeys(secrets.get("MODELPORT_ADMIN_PASSWORD"));
            browser.findElement(By.cssSelector("button[type=submit]")).click();
            // back at the console: it exchanged the code with auth-service by service name
            wait.until(ExpectedConditions.urlContains("localhost:8090"));
            wait.until(driver -> String.valueOf(driver.findElement(By.tagName("body")).getText()).contains(MODEL));
            String page = browser.findElement(By.tagName("body")).getText();
            Path screenshots = Files.createDirectories(Path.of("target/screenshots").toAbsolutePath());
            Files.write(screenshots.resolve("compose-models.png"), browser.getScreenshotAs(OutputType.BYTES));
            assertThat(page).contains("Models", "iris", MODEL, "Sign out");
        } finally {
            browser.quit();
        }
        record("console sign-in at localhost:8090, models page", started);
    }

    @Test
    @Order(5)
    void prometheusWhenScrapingThenBothWorkersUp() throws Exception {
        long started = System.nanoTime();
        List<String> up = List.of();
        // Eureka service discovery refreshes every 15 s and scrapes every 15 s
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            up = workerTargetsUp();
            if (up.size() == WORKERS.size()) {
                break;
            }
            Thread.sleep(2000);
        }
        System.out.printf("compose: model-service targets up in Prometheus: %s%n", up);
        assertThat(up).as("model-service targets up; Prometheus's targets: %s", lastTargets).hasSize(WORKERS.size());
        record("both workers up in Prometheus's targets", started);
    }

    @Test
    @Order(6)
    void configWhenCommittedAndBusRefreshSentThenBothWorkersUseIt() throws Exception {
        long started = System.nanoTime();
        int batchSize = maxBatchSize(WORKERS.getFirst());
        int newBatchSize = batchSize < 4096 ? batchSize + 1 : 16;
        Path repo = state.resolve("config-source");
        Files.writeString(repo.resolve("config-repo/model-service-default.yml"), """
                # written by ComposeIT
                modelport:
                  inference:
                    models:
                      %s:
                        max-batch-size: %d
                """.formatted(MODEL, newBatchSize));
        git(repo, "add", "-A");
        git(repo, "-c", "user.name=ComposeIT", "-c", "user.email=compose-it@modelport.invalid",
                "commit", "-q", "-m", "ComposeIT: " + MODEL + " max-batch-size " + newBatchSize);
        // the operator's refresh: one bus refresh from the config server, inside compose
        Platform.Result refresh = inContainer("config-server",
                "curl -fsS -o /dev/null -w '%{http_code}' -u \"modelport:$MODELPORT_INFRA_PASSWORD\" -X POST"
                        + " http://localhost:8888/actuator/busrefresh");
        assertThat(refresh.exitCode()).as("busrefresh: %s", refresh.output()).isZero();

        Map<String, Long> seenAfterMillis = new LinkedHashMap<>();
        long sent = System.nanoTime();
        while (seenAfterMillis.size() < WORKERS.size() && System.nanoTime() - sent < TimeUnit.SECONDS.toNanos(30)) {
            for (String worker : WORKERS) {
                if (!seenAfterMillis.containsKey(worker) && maxBatchSize(worker) == newBatchSize) {
                    seenAfterMillis.put(worker, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent));
                }
            }
            Thread.sleep(500);
        }
        System.out.printf("compose: max-batch-size %d -> %d in use after (ms): %s%n", batchSize, newBatchSize, seenAfterMillis);
        assertThat(seenAfterMillis).containsOnlyKeys(WORKERS);
        record("config commit + bus refresh reach both workers", started);
    }

    // ------------------------------------------------------------------ helpers

    private String cliToken() throws Exception {
        HttpResponse<String> response = platform.postForm(AUTH + "/oauth2/token",
                "modelport-cli:" + secrets.get("MODELPORT_CLI_SECRET"), "grant_type=client_credentials");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body()).path("access_token").asString();
    }

    /** Requests of {@link #MODEL} each worker has timed, read inside its container (workers are not published). */
    private Map<String, Long> servedPerWorker() throws Exception {
        Map<String, Long> served = new LinkedHashMap<>();
        for (String worker : WORKERS) {
            Platform.Result scrape = inContainer(worker, "curl -fsS -u \"modelport:$MODELPORT_INFRA_PASSWORD\""
                    + " http://localhost:8081/actuator/prometheus");
            assertThat(scrape.exitCode()).as("%s /actuator/prometheus: %s", worker, scrape.output()).isZero();
            long count = scrape.output().lines()
                    .filter(line -> line.startsWith("nv_inference_request_duration_seconds_count{")
                            && line.contains("model=\"" + MODEL + "\""))
                    .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                    .sum();
            served.put(worker, count);
        }
        return served;
    }

    private int maxBatchSize(String worker) throws Exception {
        Platform.Result batching = inContainer(worker, "curl -fsS -u \"modelport:$MODELPORT_INFRA_PASSWORD\" http://localhost:8081/actuator/batching");
        assertThat(batching.exitCode()).as("%s /actuator/batching: %s", worker, batching.output()).isZero();
        JsonNode body = json.readTree(batching.output());
        for (String section : List.of("serving", "overrides")) {
            if (body.path(section).has(MODEL)) {
                return body.path(section).path(MODEL).path("maxBatchSize").asInt();
            }
        }
        return body.path("defaults").path("maxBatchSize").asInt();
    }

    private List<String> workerTargetsUp() throws Exception {
        HttpResponse<String> targets = http.send(HttpRequest.newBuilder(URI.create(PROMETHEUS + "/api/v1/targets?state=active"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(targets.statusCode()).as(targets.body()).isEqualTo(200);
        List<String> up = new ArrayList<>();
        lastTargets = new ArrayList<>();
        for (JsonNode target : json.readTree(targets.body()).path("data").path("activeTargets")) {
            lastTargets.add(target.path("labels").path("job").asString() + " " + target.path("scrapeUrl").asString() + " "
                    + target.path("health").asString() + " " + target.path("lastError").asString());
            if ("model-service".equals(target.path("labels").path("job").asString()) && "up".equals(target.path("health").asString())) {
                up.add(target.path("labels").path("instance").asString());
            }
        }
        return up;
    }

    /** A shell command inside a service's container, where its secrets are in the environment. */
    private Platform.Result inContainer(String service, String command) throws Exception {
        return stack(Duration.ofSeconds(30), "compose", "exec", "-T", service, "sh", "-c", command);
    }

    private Map<String, String> envFile() throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : Files.readAllLines(state.resolve("env"))) {
            int equals = line.indexOf('=');
            if (equals > 0 && !line.startsWith("#")) {
                values.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        return values;
    }

    private void record(String step, long startedNanos) {
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
        stepMillis.put(step, millis);
        System.out.printf("compose step: %s (%d ms)%n", step, millis);
    }

    private static boolean engineAnswers() {
        if (!Files.isExecutable(DOCKER)) {
            return false;
        }
        try {
            Process info = new ProcessBuilder(DOCKER.toString(), "info").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return info.waitFor(30, TimeUnit.SECONDS) && info.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    private String docker(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(DOCKER.toString()));
        command.addAll(List.of(arguments));
        Platform.Result result = run(command, Duration.ofSeconds(30), false);
        assertThat(result.exitCode()).as("docker %s: %s", String.join(" ", arguments), result.output()).isZero();
        return result.output().strip();
    }

    private void git(Path repo, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("git", "-C", repo.toString()));
        command.addAll(List.of(arguments));
        Platform.Result result = run(command, Duration.ofSeconds(30), false);
        assertThat(result.exitCode()).as("git %s: %s", String.join(" ", arguments), result.output()).isZero();
    }

    private Platform.Result stack(Duration timeout, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(stack.toString()));
        command.addAll(List.of(arguments));
        // up and down print their progress as they go; exec's output is the answer to parse
        return run(command, timeout, !"compose".equals(arguments[0]));
    }

    private static Platform.Result run(List<String> command, Duration timeout, boolean echo) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        StringBuilder output = new StringBuilder();
        Thread reader = Thread.ofVirtual().start(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (echo) {
                        System.out.println(line);
                    }
                    synchronized (output) {
                        output.append(line).append('\n');
                    }
                }
            } catch (IOException closed) {
                // the process ended
            }
        });
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            reader.join(Duration.ofSeconds(5));
            throw new AssertionError(String.join(" ", command) + " did not finish within " + timeout + ":\n" + output);
        }
        reader.join(Duration.ofSeconds(5));
        synchronized (output) {
            return new Platform.Result(process.exitValue(), output.toString());
        }
    }
}
