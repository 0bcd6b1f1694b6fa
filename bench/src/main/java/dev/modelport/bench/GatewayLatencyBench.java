package dev.modelport.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the gateway adds to a call: the same authenticated GET straight to a model-service
 * worker and through the gateway (JWT check, rate limit, routing, retry and breaker filters,
 * access log), at concurrency 1 and 32, p50 and p99, with the gateway's CPU time per routed
 * request (its Prometheus {@code process_cpu_time}, read as the infrastructure user). Runs against a running stack
 * ({@code bin/platform up}); each of the 32 callers is its own premium API client, as real
 * concurrent consumers are, so the per-client quota never interferes. The clients are revoked
 * at the end.
 *
 * <pre>
 * java -cp bench/target/classes dev.modelport.bench.GatewayLatencyBench [path] [requests]
 * </pre>
 * Environment: {@code MODELPORT_HOME} (credentials; default .modelport), {@code GATEWAY_URL}
 * (http://localhost:8080), {@code WORKER_URL} (http://localhost:8081), {@code AUTH_URL}
 * (http://localhost:9000).
 */
public final class GatewayLatencyBench {

    private static final int[] CONCURRENCY = {1, 32};
    private static final Duration CELL_TIME_LIMIT = Duration.ofSeconds(60);
    /** Warm-up requests per measured request: the JIT needs tens of thousands of calls to settle the gateway's hot path. */
    private static final int WARM_UP_FACTOR = 3;
    private static final Pattern FIELD = Pattern.compile("\"(clientId|clientSecret|access_token)\"\\s*:\\s*\"([^\"]+)\"");
    /** Micrometer's process CPU counter as Prometheus exposes it: name (with its unit) and value. */
    private static final Pattern PROCESS_CPU = Pattern.compile("(?m)^process_cpu_time_(seconds|ns)_total(?:\\{[^}]*})? ([0-9.eE+-]+)$");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String gateway = env("GATEWAY_URL", "http://localhost:8080");
    private final String worker = env("WORKER_URL", "http://localhost:8081");
    private final String auth = env("AUTH_URL", "http://localhost:9000");

    private record Stats(double p50, double p99, int requests, int errors) {
    }

    public static void main(String[] args) throws Exception {
        String path = args.length > 0 ? args[0] : "/v2";
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        new GatewayLatencyBench().run(path, requests);
    }

    private void run(String path, int requests) throws Exception {
        Path home = Path.of(env("MODELPORT_HOME", ".modelport"));
        List<String> credentials = Files.readAllLines(home.resolve("credentials"));
        String cliSecret = credential(credentials, "MODELPORT_CLI_SECRET")
                .orElseThrow(() -> new IllegalStateException("no MODELPORT_CLI_SECRET in " + home));
        String admin = field(token("modelport-cli", cliSecret), "access_token");
        String infra = credential(credentials, "MODELPORT_INFRA_PASSWORD").map(password -> "Basic " + Base64.getEncoder()
                .encodeToString(("modelport:" + password).getBytes(StandardCharsets.UTF_8))).orElse(null);
        List<String> clientIds = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        try {
            for (int i = 0; i < max(CONCURRENCY); i++) {
                String created = send(HttpRequest.newBuilder(URI.create(gateway + "/api/clients"))
                        .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"latency bench " + i
                                + "\",\"scopes\":[\"models.read\",\"models.infer\"],\"tier\":\"premium\"}")).build(), 201);
                clientIds.add(field(created, "clientId"));
                tokens.add(field(token(field(created, "clientId"), field(created, "clientSecret")), "access_token"));
            }
            int warmUp = requests * WARM_UP_FACTOR;
            System.out.printf("GET %s, %d requests per cell after %d warm-up, %d clients taking turns; latency in ms%n%n",
                    path, requests, warmUp, tokens.size());
            System.out.printf("%-11s | %-15s | %-15s | %-15s | %-11s | %s%n", "concurrency", "direct p50/p99", "gateway p50/p99",
                    "added p50/p99", "gateway CPU", "errors");
            System.out.println("-".repeat(92));
            for (int concurrency : CONCURRENCY) {
                measure(worker + path, tokens, concurrency, warmUp);
                Stats direct = measure(worker + path, tokens, concurrency, requests);
                measure(gateway + path, tokens, concurrency, warmUp);
                double cpuBefore = gatewayCpuSeconds(infra);
                Stats routed = measure(gateway + path, tokens, concurrency, requests);
                double cpuPerRequest = (gatewayCpuSeconds(infra) - cpuBefore) * 1000 / routed.requests();
                System.out.printf("%-11d | %6.2f / %6.2f | %6.2f / %6.2f | %6.2f / %6.2f | %-11s | %d direct, %d gateway%n",
                        concurrency, direct.p50(), direct.p99(), routed.p50(), routed.p99(),
                        routed.p50() - direct.p50(), routed.p99() - direct.p99(),
                        Double.isNaN(cpuPerRequest) ? "n/a" : String.format("%.2f ms/req", cpuPerRequest),
                        direct.errors(), routed.errors());
            }
            System.out.printf("%ngateway CPU: the gateway process's CPU time per routed request in the measured cell (its"
                    + "%nPrometheus process_cpu_time). When callers x CPU per request exceeds the cores, added latency is queueing.%n");
        } finally {
            for (String clientId : clientIds) {
                http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/clients/" + clientId))
                        .header("Authorization", "Bearer " + admin).DELETE().build(), HttpResponse.BodyHandlers.discarding());
            }
        }
    }

    /**
     * {@code requests} GETs from {@code concurrency} callers. Request {@code i} carries client
     * {@code i % clients}'s token, so no client's quota runs out however long the run: the table
     * measures the gateway's work, rate limiting included, not its 429s.
     */
    private Stats measure(String url, List<String> tokens, int concurrency, int requests) throws Exception {
        long[] nanos = new long[requests];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        long deadline = System.nanoTime() + CELL_TIME_LIMIT.toNanos();
        List<HttpRequest> byClient = tokens.stream().map(token -> HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + token).build()).toList();
        try (ExecutorService callers = Executors.newFixedThreadPool(concurrency)) {
            List<Future<?>> running = new ArrayList<>();
            for (int caller = 0; caller < concurrency; caller++) {
                running.add(callers.submit(() -> {
                    for (int i = next.getAndIncrement(); i < requests && System.nanoTime() < deadline; i = next.getAndIncrement()) {
                        long started = System.nanoTime();
                        try {
                            if (http.send(byClient.get(i % byClient.size()), HttpResponse.BodyHandlers.discarding())
                                    .statusCode() != 200) {
                                errors.incrementAndGet();
                            }
                        } catch (IOException e) {
                            errors.incrementAndGet();
                        }
                        nanos[i] = System.nanoTime() - started;
                    }
                    return null;
                }));
            }
            for (Future<?> caller : running) {
                caller.get();
            }
        }
        long[] done = Arrays.stream(nanos).filter(value -> value > 0).sorted().toArray();
        return new Stats(percentile(done, 0.50), percentile(done, 0.99), done.length, errors.get());
    }

    /** The gateway's CPU seconds so far (actuator/prometheus, infrastructure user), NaN when unreadable. */
    private double gatewayCpuSeconds(String infraAuthorization) {
        if (infraAuthorization == null) {
            return Double.NaN;
        }
        try {
            HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create(gateway + "/actuator/prometheus"))
                    .header("Authorization", infraAuthorization).build(), HttpResponse.BodyHandlers.ofString());
            Matcher cpu = PROCESS_CPU.matcher(metrics.body());
            if (metrics.statusCode() != 200 || !cpu.find()) {
                return Double.NaN;
            }
            double value = Double.parseDouble(cpu.group(2));
            return cpu.group(1).equals("ns") ? value / 1e9 : value;
        } catch (IOException e) {
            return Double.NaN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Double.NaN;
        }
    }

    private static double percentile(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1_000_000.0;
    }

    private String token(String clientId, String secret) throws Exception {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(auth + "/oauth2/token")).header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(), 200);
    }

    private String send(HttpRequest request, int expected) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " answered " + response.statusCode()
                    + ": " + response.body());
        }
        return response.body();
    }

    private static String field(String json, String name) {
        Matcher matcher = FIELD.matcher(json);
        while (matcher.find()) {
            if (matcher.group(1).equals(name)) {
                return matcher.group(2);
            }
        }
        throw new IllegalStateException("no " + name + " in " + json);
    }

    private static Optional<String> credential(List<String> lines, String key) {
        return lines.stream().filter(line -> line.startsWith(key + "=")).map(line -> line.substring(key.length() + 1)).findFirst();
    }

    private static int max(int[] values) {
        return Arrays.stream(values).max().orElseThrow();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
