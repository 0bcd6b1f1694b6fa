package dev.modelport.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.modelport.e2e.InferenceLoad.Sample;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an operator does to a running platform ({@code bin/platform up --workers 2}) while
 * consumers keep sending 50 inference POSTs a second through the gateway: kill a worker, restart
 * each in turn, change the rollout twenty times, stop PostgreSQL, restart a worker while it is
 * stopped, stop the config server. Each scenario is one row of the table printed at the end
 * (scenario, requests, failed, p99) and asserts what the README's Reliability section promises.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(5)
class FaultsIT {

    private static final String GATEWAY = "http://localhost:8080";
    private static final String AUTH = "http://localhost:9000";
    private static final String MODEL = "faults";
    private static final int RATE = 50;
    private static final Map<String, Integer> WORKERS = Map.of("model-service-1", 8081, "model-service-2", 8082);
    private static final String BODY = "{\"inputs\":[{\"name\":\"features\",\"shape\":[1,4],\"datatype\":\"FP32\","
            + "\"data\":[5.1,3.5,1.4,0.2]}]}";
    private static final Pattern POST_COUNT = Pattern.compile(
            "^http_server_requests_seconds_count\\{[^}]*method=\"POST\"[^}]*uri=\"/v2/models/\\{name}/infer\"[^}]*} ([0-9.E]+)$",
            Pattern.MULTILINE);
    /** How long a rollout change may take to reach every worker (NOTIFY, load, switch) under this load. */
    private static final Duration ROLLOUT_LAG = Duration.ofSeconds(1);

    private final Platform platform = Platform.fromSystemProperties();
    private final JsonMapper json = JsonMapper.builder().build();
    private final List<String> table = new ArrayList<>();
    private Map<String, String> credentials;
    private boolean startedHere;
    private String adminToken;
    private String consumerToken;

    @BeforeAll
    void up() throws Exception {
        startedHere = !platform.gatewayUp();
        platform.up(2);
        credentials = platform.credentials();
        adminToken = token("modelport-cli", credentials.get("MODELPORT_CLI_SECRET"));
        HttpResponse<String> client = platform.postJson(GATEWAY + "/api/clients", adminToken,
                "{\"name\":\"faults-it consumer\",\"scopes\":[\"models.read\",\"models.infer\"],\"tier\":\"premium\"}");
        assertThat(client.statusCode()).as(client.body()).isEqualTo(201);
        JsonNode created = json.readTree(client.body());
        consumerToken = token(created.path("clientId").asString(), created.path("clientSecret").asString());

        // three versions with different bytes (the producer version), so every answer names which one served it
        HttpResponse<String> existing = platform.get(GATEWAY + "/api/models/" + MODEL, null, adminToken);
        int have = existing.statusCode() == 200 ? json.readTree(existing.body()).path("versionCount").asInt(0) : 0;
        for (int version = have + 1; version <= 3; version++) {
            Path file = Files.createTempFile("faults-v" + version, ".onnx");
            Files.write(file, LinearScorer.onnx("faults-" + version));
            HttpResponse<String> uploaded = platform.upload(GATEWAY + "/api/models/" + MODEL + "/versions", adminToken, file);
            Files.delete(file);
            assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        }
        putRollout(new Rollout(1, null, 0));
        awaitBothWorkersServe("1");
        // ten seconds of the same load first, so the rows measure faults, not a JIT still compiling the request path
        try (InferenceLoad warmUp = startLoad()) {
            Thread.sleep(10_000);
            InferenceLoad.Result warm = warmUp.finish();
            System.out.printf("warm-up: %d requests, %d failed, p99 %.1f ms%n", warm.requests(), warm.failures().size(),
                    warm.percentileMillis(99));
        }
    }

    @AfterAll
    void down() throws Exception {
        System.out.println();
        System.out.println("Faults under " + RATE + " inference POSTs/s through the gateway (two workers)");
        System.out.printf("%-44s %9s %7s %9s %9s%n", "scenario", "requests", "failed", "p50 ms", "p99 ms");
        table.forEach(System.out::println);
        System.out.println();
        // a scenario that failed half-way leaves nothing stopped for the next class
        platform.run(Duration.ofMinutes(8), "up", "--workers", "2", "--no-build");
        if (startedHere) {
            platform.run(Duration.ofMinutes(2), "down");
        }
    }

    @Test
    @Order(1)
    void twentyRolloutChangesWhenMadeUnderLoadThenNoneFailsAndEachAnswerIsFromANamedVersion() throws Exception {
        // promote, canary and rollback, over and over: each state differs from the one before
        List<Rollout> cycle = List.of(new Rollout(1, 2, 50), new Rollout(2, null, 0), new Rollout(2, 3, 50),
                new Rollout(3, null, 0), new Rollout(2, null, 0), new Rollout(1, null, 0));
        List<Long> changedAt = new ArrayList<>(List.of(Long.MIN_VALUE));
        List<Rollout> states = new ArrayList<>(List.of(new Rollout(1, null, 0)));
        InferenceLoad.Result result;
        try (InferenceLoad load = startLoad()) {
            Thread.sleep(1500);
            for (int change = 0; change < 20; change++) {
                Rollout next = cycle.get(change % cycle.size());
                changedAt.add(System.nanoTime());
                states.add(next);
                putRollout(next);
                Thread.sleep(1500);
            }
            result = load.finish();
        }
        List<String> strays = new ArrayList<>();
        long lag = ROLLOUT_LAG.toNanos();
        for (Sample sample : result.samples()) {
            if (sample.failed()) {
                continue;
            }
            Set<String> named = new LinkedHashSet<>();
            for (int i = 0; i < states.size(); i++) {
                boolean begunBeforeAnswer = changedAt.get(i) <= sample.answeredNanos();
                boolean endedAfterSend = i + 1 == states.size() || changedAt.get(i + 1) + lag >= sample.sentNanos();
                if (begunBeforeAnswer && endedAfterSend) {
                    named.addAll(states.get(i).versions());
                }
            }
            if (!named.contains(sample.version())) {
                strays.add("version " + sample.version() + " answered while the rollout named " + named);
            }
        }
        record("20 rollout changes (promote, canary, rollback)", result);
        // where the slowest answers fell: how long after the change before them they were sent
        result.samples().stream().sorted(java.util.Comparator.comparingDouble(Sample::millis).reversed()).limit(5)
                .forEach(slow -> {
                    int before = 0;
                    while (before + 1 < changedAt.size() && changedAt.get(before + 1) <= slow.sentNanos()) {
                        before++;
                    }
                    System.out.printf("  slow: %.0f ms, sent %.0f ms after change %d (%s)%n", slow.millis(),
                            before == 0 ? Double.NaN : (slow.sentNanos() - changedAt.get(before)) / 1e6, before, states.get(before));
                });
        assertThat(result.failures()).as("failed: %s", result.failureReasons()).isEmpty();
        assertThat(strays).as("answers from a version the rollout did not name then").isEmpty();
        // the next scenarios serve version 2 from both workers
        putRollout(new Rollout(2, null, 0));
        awaitBothWorkersServe("2");
    }

    @Test
    @Order(2)
    void eachWorkerWhenSigtermedInTurnUnderLoadThenNoRequestFails() throws Exception {
        InferenceLoad.Result result;
        try (InferenceLoad load = startLoad()) {
            Thread.sleep(3000);
            for (Map.Entry<String, Integer> worker : new java.util.TreeMap<>(WORKERS).entrySet()) {
                long pid = pidOf(worker.getKey());
                System.out.printf("SIGTERM to %s (pid %d)%n", worker.getKey(), pid);
                signal("TERM", pid);
                awaitExit(pid, Duration.ofSeconds(45));
                relaunch();
                awaitRoutedTo(worker.getValue());
            }
            Thread.sleep(3000);
            result = load.finish();
        }
        record("SIGTERM each worker in turn", result);
        assertThat(result.failures()).as("failed: %s", result.failureReasons()).isEmpty();
    }

    @Test
    @Order(3)
    void workerWhenSigkilledUnderLoadThenAtMostOneInAThousandFails() throws Exception {
        InferenceLoad.Result result;
        try (InferenceLoad load = startLoad()) {
            Thread.sleep(5000);
            long pid = pidOf("model-service-2");
            System.out.printf("SIGKILL to model-service-2 (pid %d)%n", pid);
            signal("KILL", pid);
            Thread.sleep(15000);
            result = load.finish();
        } finally {
            relaunch();
        }
        awaitRoutedTo(8082);
        record("SIGKILL one worker", result);
        assertThat(100.0 * result.failures().size() / result.requests())
                .as("failed: %s", result.failureReasons()).isLessThanOrEqualTo(0.1);
    }

    @Test
    @Order(4)
    void configServerWhenStoppedAndBackThenNoRequestFailsAndRefreshWorks() throws Exception {
        InferenceLoad.Result result;
        try (InferenceLoad load = startLoad()) {
            Thread.sleep(3000);
            long pid = pidOf("config-server");
            signal("TERM", pid);
            awaitExit(pid, Duration.ofSeconds(30));
            Thread.sleep(12000);
            relaunch();
            Thread.sleep(2000);
            result = load.finish();
        }
        record("config server stopped, then back", result);
        assertThat(result.failures()).as("failed: %s", result.failureReasons()).isEmpty();
        Platform.Result refresh = platform.run(Duration.ofMinutes(2), "refresh");
        assertThat(refresh.exitCode()).as("bin/platform refresh:\n%s", refresh.output()).isZero();
        assertThat(refresh.output()).contains("refreshed");
    }

    @Test
    @Order(5)
    void postgresWhenStoppedFor20sThenInferenceAndReadinessHoldAndManagementFailsFastAndRecovers() throws Exception {
        Map<String, Long> services = servicePids();
        List<String> slowOrWrong = new ArrayList<>();
        double slowestReady = 0;
        double slowestManagement = 0;
        double slowestToken = 0;
        InferenceLoad.Result result;
        try (InferenceLoad load = startLoad()) {
            Thread.sleep(3000);
            stopDatabase();
            long outageEnds = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < outageEnds) {
                for (int port : WORKERS.values()) {
                    Timed<HttpResponse<String>> ready = timed(() -> platform.get("http://localhost:" + port + "/v2/health/ready", null, null));
                    slowestReady = Math.max(slowestReady, ready.millis());
                    if (ready.value().statusCode() != 200 || ready.millis() >= 1000) {
                        slowOrWrong.add("ready on " + port + ": " + ready.value().statusCode() + " in " + ready.millis() + " ms");
                    }
                }
                Timed<HttpResponse<String>> models = timed(() -> platform.get(GATEWAY + "/api/models", null, adminToken));
                slowestManagement = Math.max(slowestManagement, models.millis());
                if (!isUnavailableJson(models.value()) || models.millis() >= 2000) {
                    slowOrWrong.add("GET /api/models: " + models.value().statusCode() + " " + models.value().headers().map()
                            + " " + models.value().body() + " in " + models.millis() + " ms");
                }
                Timed<HttpResponse<String>> token = timed(() -> platform.postForm(AUTH + "/oauth2/token",
                        "modelport-cli:" + credentials.get("MODELPORT_CLI_SECRET"), "grant_type=client_credentials"));
                slowestToken = Math.max(slowestToken, token.millis());
                if (!isUnavailableJson(token.value()) || token.millis() >= 2000) {
                    slowOrWrong.add("POST /oauth2/token: " + token.value().statusCode() + " " + token.value().body()
                            + " in " + token.millis() + " ms");
                }
                Thread.sleep(500);
            }
            for (int port : WORKERS.values()) {
                JsonNode catalog = catalogHealth(port);
                if (catalog.path("details").path("reachable").asBoolean(true)) {
                    slowOrWrong.add("worker " + port + " did not report the catalog unreachable: " + catalog);
                }
            }
            startDatabase();
            Thread.sleep(3000);
            result = load.finish();
        } finally {
            startDatabase();
        }
        record("PostgreSQL stopped for 20 s", result);
        System.out.printf("during the outage: slowest ready %.0f ms, GET /api/models %.0f ms, token %.0f ms%n",
                slowestReady, slowestManagement, slowestToken);
        assertThat(result.failures()).as("failed: %s", result.failureReasons()).isEmpty();
        assertThat(slowOrWrong).as("probes during the outage").isEmpty();

        await("management works again").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> platform.get(GATEWAY + "/api/models", null, adminToken).statusCode() == 200);
        for (int port : WORKERS.values()) {
            await("worker " + port + " reads the catalog again").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                    .until(() -> catalogHealth(port).path("details").path("reachable").asBoolean(false));
        }
        assertThat(servicePids()).as("no service was restarted").isEqualTo(services);
        // and the workers follow rollouts again on their own
        putRollout(new Rollout(3, null, 0));
        awaitBothWorkersServe("3");
    }

    @Test
    @Order(6)
    void workerWhenRestartedWhilePostgresIsDownThenBecomesReadyAndServesTheLastRollout() throws Exception {
        InferenceLoad.Result result;
        try (InferenceLoad load = startLoad()) {
            Thread.sleep(2000);
            stopDatabase();
            long pid = pidOf("model-service-2");
            ProcessLaunch again = ProcessLaunch.of(pid);
            System.out.printf("SIGTERM to model-service-2 (pid %d) while PostgreSQL is down%n", pid);
            signal("TERM", pid);
            awaitExit(pid, Duration.ofSeconds(45));
            long restarted = again.start(platform.home().resolve("logs/model-service-2.log"));
            Files.writeString(platform.home().resolve("pids/model-service-2.pid"), restarted + "\n");
            await("model-service-2 ready while PostgreSQL is down").atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                    .until(() -> platform.get("http://localhost:8082/v2/health/ready", null, null).statusCode() == 200);
            HttpResponse<String> direct = platform.postJson("http://localhost:8082/v2/models/" + MODEL + "/infer", consumerToken, BODY);
            assertThat(direct.statusCode()).as("the restarted worker's first answer: %s", direct.body()).isEqualTo(200);
            assertThat(json.readTree(direct.body()).path("model_version").asString()).as("the last rollout's production").isEqualTo("3");
            assertThat(catalogHealth(8082).path("details").path("snapshotReadAt").isMissingNode())
                    .as("says it serves the local snapshot: %s", catalogHealth(8082)).isFalse();
            awaitRoutedTo(8082);
            startDatabase();
            Thread.sleep(3000);
            result = load.finish();
        } finally {
            startDatabase();
        }
        record("worker restarted while PostgreSQL is down", result);
        assertThat(result.failures()).as("failed: %s", result.failureReasons()).isEmpty();
        await("the restarted worker reads the catalog once it is back").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> catalogHealth(8082).path("details").path("reachable").asBoolean(false));
    }

    // ------------------------------------------------------------------ helpers

    /** A rollout as the test sets it; {@link #versions()} are those that may answer. */
    private record Rollout(int production, Integer canary, int canaryPercent) {

        Set<String> versions() {
            Set<String> versions = new LinkedHashSet<>(List.of(Integer.toString(production)));
            if (canary != null) {
                versions.add(Integer.toString(canary));
            }
            return versions;
        }
    }

    private record Timed<T>(T value, double millis) {
    }

    private interface Call<T> {
        T call() throws Exception;
    }

    private static <T> Timed<T> timed(Call<T> call) throws Exception {
        long started = System.nanoTime();
        T value = call.call();
        return new Timed<>(value, Math.round((System.nanoTime() - started) / 1e5) / 10.0);
    }

    /** How a process was started (command line, environment, directory), read from /proc to start it again alike. */
    private record ProcessLaunch(List<String> command, Map<String, String> environment, Path directory) {

        static ProcessLaunch of(long pid) throws IOException {
            Path proc = Path.of("/proc", Long.toString(pid));
            List<String> command = List.of(Files.readString(proc.resolve("cmdline"), StandardCharsets.UTF_8).split("\0"));
            Map<String, String> environment = new HashMap<>();
            for (String entry : Files.readString(proc.resolve("environ"), StandardCharsets.UTF_8).split("\0")) {
                int equals = entry.indexOf('=');
                if (equals > 0) {
                    environment.put(entry.substring(0, equals), entry.substring(equals + 1));
                }
            }
            return new ProcessLaunch(command, environment, proc.resolve("cwd").toRealPath());
        }

        /** Starts it in a session of its own, as bin/platform does, appending to {@code log}; returns its pid. */
        long start(Path log) throws IOException {
            List<String> setsid = new ArrayList<>(List.of("setsid"));
            setsid.addAll(command);
            ProcessBuilder builder = new ProcessBuilder(setsid).directory(directory.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().clear();
            builder.environment().putAll(environment);
            return builder.start().pid();
        }
    }

    private InferenceLoad startLoad() {
        return InferenceLoad.start(GATEWAY + "/v2/models/" + MODEL + "/infer", consumerToken, BODY, RATE);
    }

    private void record(String scenario, InferenceLoad.Result result) {
        String row = String.format("%-44s %9d %7d %9.1f %9.1f", scenario, result.requests(), result.failures().size(),
                result.percentileMillis(50), result.percentileMillis(99));
        System.out.println("faults: " + row + (result.failures().isEmpty() ? "" : "  " + result.failureReasons()));
        table.add(row);
    }

    private void putRollout(Rollout rollout) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("production", rollout.production());
        if (rollout.canary() != null) {
            body.put("canary", rollout.canary());
            body.put("canaryPercent", rollout.canaryPercent());
        }
        HttpResponse<String> put = platform.putJson(GATEWAY + "/api/models/" + MODEL + "/rollout", adminToken,
                json.writeValueAsString(body));
        assertThat(put.statusCode()).as("PUT rollout %s: %s", body, put.body()).isEqualTo(200);
    }

    /** Until each worker, asked directly, answers from {@code version}. */
    private void awaitBothWorkersServe(String version) {
        for (int port : WORKERS.values()) {
            await("worker " + port + " serves version " + version).atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                    .until(() -> {
                        HttpResponse<String> answer = platform.postJson("http://localhost:" + port + "/v2/models/" + MODEL + "/infer",
                                consumerToken, BODY);
                        return answer.statusCode() == 200
                                && version.equals(json.readTree(answer.body()).path("model_version").asString());
                    });
        }
    }

    /** Until requests sent through the gateway reach this worker: its count of inference POSTs grows. */
    private void awaitRoutedTo(int port) {
        await("the gateway routes to the worker on " + port).atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> {
                    double before = inferencePosts(port);
                    for (int i = 0; i < 10; i++) {
                        platform.postJson(GATEWAY + "/v2/models/" + MODEL + "/infer", consumerToken, BODY);
                    }
                    return inferencePosts(port) > before;
                });
    }

    private double inferencePosts(int port) throws Exception {
        HttpResponse<String> metrics = platform.scrape("http://localhost:" + port + "/actuator/prometheus",
                "modelport:" + credentials.get("MODELPORT_INFRA_PASSWORD"));
        double total = 0;
        Matcher counts = POST_COUNT.matcher(metrics.body());
        while (counts.find()) {
            total += Double.parseDouble(counts.group(1));
        }
        return total;
    }

    private JsonNode catalogHealth(int port) throws Exception {
        HttpResponse<String> health = platform.get("http://localhost:" + port + "/actuator/health",
                "modelport:" + credentials.get("MODELPORT_INFRA_PASSWORD"), null);
        return json.readTree(health.body()).path("components").path("catalog");
    }

    private static boolean isUnavailableJson(HttpResponse<String> response) {
        return response.statusCode() == 503 && response.headers().firstValue("Retry-After").isPresent()
                && response.body().startsWith("{\"error\":");
    }

    private void stopDatabase() throws Exception {
        long pid = pidOf("embedded-db");
        System.out.printf("stopping PostgreSQL (embedded-db, pid %d)%n", pid);
        signal("TERM", pid);
        awaitExit(pid, Duration.ofSeconds(30));
    }

    /** {@code bin/platform up} starts the database again; every other service is already running and left alone. */
    private void startDatabase() throws Exception {
        Path pidFile = platform.home().resolve("pids/embedded-db.pid");
        if (Files.exists(pidFile) && !exited(Long.parseLong(Files.readString(pidFile).trim()))) {
            return;
        }
        System.out.println("starting PostgreSQL again");
        relaunch();
    }

    /** {@code bin/platform up}: starts whatever of the stack is not running. */
    private void relaunch() throws Exception {
        platform.up(2);
    }

    /** Pids of every service but the database, from bin/platform's pid files. */
    private Map<String, Long> servicePids() throws IOException {
        Map<String, Long> pids = new java.util.TreeMap<>();
        try (var files = Files.list(platform.home().resolve("pids"))) {
            for (Path file : files.filter(file -> file.toString().endsWith(".pid")).toList()) {
                String name = file.getFileName().toString().replace(".pid", "");
                if (!name.equals("embedded-db")) {
                    pids.put(name, Long.parseLong(Files.readString(file).trim()));
                }
            }
        }
        return pids;
    }

    private long pidOf(String service) throws IOException {
        return Long.parseLong(Files.readString(platform.home().resolve("pids/" + service + ".pid")).trim());
    }

    private static void signal(String signal, long pid) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
        assertThat(kill.waitFor(5, TimeUnit.SECONDS) && kill.exitValue() == 0).as("kill -%s %d", signal, pid).isTrue();
    }

    private static void awaitExit(long pid, Duration within) {
        await("pid " + pid + " exits").atMost(within).pollInterval(Duration.ofMillis(200)).until(() -> exited(pid));
    }

    /** Gone, or a zombie nobody has reaped yet (bin/platform's services are orphans once its shell ends). */
    private static boolean exited(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException gone) {
            return true;
        }
    }

    private String token(String clientId, String secret) throws Exception {
        return platform.token(clientId, secret);
    }
}
