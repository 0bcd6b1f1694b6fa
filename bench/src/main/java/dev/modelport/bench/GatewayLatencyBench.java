package dev.modelport.bench;

import dev.modelport.client.ApiRequest;
import dev.modelport.client.ApiResponse;
import dev.modelport.client.Authorization;
import dev.modelport.client.Credentials;
import dev.modelport.client.Endpoint;
import dev.modelport.client.PlatformClient;
import dev.modelport.client.PlatformException;
import dev.modelport.client.Secret;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import tools.jackson.databind.JsonNode;
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
    /** Micrometer's process CPU counter as Prometheus exposes it: name (with its unit) and value. */
    private static final Pattern PROCESS_CPU = Pattern.compile("(?m)^process_cpu_time_(seconds|ns)_total(?:\\{[^}]*})? ([0-9.eE+-]+)$");

    private final PlatformClient client = PlatformClient.create();
    private final HttpClient http = client.http();
    private final String gateway = env("GATEWAY_URL", "http://localhost:8080");
    private final String worker = env("WORKER_URL", "http://localhost:8081");
    private final Endpoint gatewayEndpoint = new Endpoint("gateway", URI.create(gateway));
    private final Endpoint auth = new Endpoint("auth-service", URI.create(env("AUTH_URL", "http://localhost:9000")));

    private record Stats(double p50, double p99, int requests, int errors) {
    }

    public static void main(String[] args) throws Exception {
        String path = args.length > 0 ? args[0] : "/v2";
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        new GatewayLatencyBench().run(path, requests);
    }

    private void run(String path, int requests) throws Exception {
        Credentials credentials = Credentials.of(System.getenv());
        Authorization.Bearer admin = client.bearer(auth, credentials.cliClient());
        // the CPU column is optional: without the infrastructure password it says n/a
        Authorization infra = credentials.find(Credentials.INFRA_PASSWORD).isPresent() ? credentials.infrastructureUser() : null;
        List<String> clientIds = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        try {
            for (int i = 0; i < max(CONCURRENCY); i++) {
                JsonNode created = client.json(ApiRequest.post(gatewayEndpoint, "/api/clients").as(admin)
                        .json("{\"name\":\"latency bench " + i
                                + "\",\"scopes\":[\"models.read\",\"models.infer\"],\"tier\":\"premium\"}"), 201);
                String clientId = created.path("clientId").asString();
                clientIds.add(clientId);
                tokens.add(client.token(auth, Authorization.Basic.client(clientId,
                        new Secret("clientSecret", created.path("clientSecret").asString(), "the client the bench created"))));
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
                client.send(ApiRequest.delete(gatewayEndpoint, "/api/clients/" + clientId).as(admin));
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
    private double gatewayCpuSeconds(Authorization infra) {
        if (infra == null) {
            return Double.NaN;
        }
        try {
            ApiResponse metrics = client.send(ApiRequest.get(gatewayEndpoint, "/actuator/prometheus").as(infra));
            Matcher cpu = PROCESS_CPU.matcher(metrics.body());
            if (!metrics.is(200) || !cpu.find()) {
                return Double.NaN;
            }
            double value = Double.parseDouble(cpu.group(2));
            return cpu.group(1).equals("ns") ? value / 1e9 : value;
        } catch (PlatformException e) {
            return Double.NaN;
        }
    }

    private static double percentile(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1_000_000.0;
    }

    private static int max(int[] values) {
        return Arrays.stream(values).max().orElseThrow();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
