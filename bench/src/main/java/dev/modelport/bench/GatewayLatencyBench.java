package dev.modelport.bench;

import dev.modelport.client.ApiRequest;
import dev.modelport.client.Authorization;
import dev.modelport.client.Credentials;
import dev.modelport.client.Endpoint;
import dev.modelport.client.PlatformClient;
import dev.modelport.client.Secret;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import tools.jackson.databind.JsonNode;

/**
 * What the gateway costs a call, against the worker called directly and against nginx as a
 * reference reverse proxy in the same run: p50/p99 at concurrency 1 and 32, throughput at 32,
 * and CPU time per request of the proxy and of the workers, read from {@code /proc/<pid>/stat}
 * around each measured cell. Then a large JSON body (a PaddleOCR-sized 1×3×48×192 FP32 tensor)
 * through each hop. Runs against a stack started with {@code bin/platform up --workers 2}; each
 * of the 32 callers is its own premium API client, so no quota interferes. The clients are
 * revoked at the end.
 *
 * <pre>
 * bin/bench gateway [path] [requests]
 * </pre>
 * Environment: {@code MODELPORT_HOME} (credentials and pid files; default .modelport),
 * {@code GATEWAY_URL} (http://localhost:8080), {@code WORKER_URLS} (http://localhost:8081,http://localhost:8082),
 * {@code AUTH_URL} (http://localhost:9000), {@code NGINX} (the nginx binary, default nginx on the PATH).
 */
public final class GatewayLatencyBench {

    private static final int[] CONCURRENCY = {1, 32};
    private static final int BODY_CONCURRENCY = 8;
    private static final Duration CELL_TIME_LIMIT = Duration.ofSeconds(60);
    /** Warm-up requests per measured request: the JIT needs tens of thousands of calls to settle the gateway's hot path. */
    private static final int WARM_UP_FACTOR = 3;
    private static final String BODY_MODEL = "bench-ocr-input";

    private final PlatformClient client = PlatformClient.create();
    private final HttpClient http = client.http();
    private final String gateway = env("GATEWAY_URL", "http://localhost:8080");
    private final List<String> workers = List.of(env("WORKER_URLS", "http://localhost:8081,http://localhost:8082").split(","));
    private final Endpoint gatewayEndpoint = new Endpoint("gateway", URI.create(gateway));
    private final Endpoint auth = new Endpoint("auth-service", URI.create(env("AUTH_URL", "http://localhost:9000")));
    private final Path home = Path.of(env("MODELPORT_HOME", ".modelport"));

    /** What one cell measured: latency percentiles, rate, and CPU milliseconds per request of the proxy and the workers. */
    private record Stats(double p50, double p99, double perSecond, int requests, int errors, double proxyCpu, double workerCpu) {
    }

    /** A way in: its name, how request i picks its base URL, and the proxy process in the path (none when direct). */
    private record Hop(String name, IntFunction<String> base, ProcessCpu proxy) {
    }

    public static void main(String[] args) throws Exception {
        String path = args.length > 0 ? args[0] : "/v2";
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 3000;
        new GatewayLatencyBench().run(path, requests);
    }

    private void run(String path, int requests) throws Exception {
        Credentials credentials = Credentials.of(System.getenv());
        Authorization.Bearer admin = client.bearer(auth, credentials.cliClient());
        ProcessCpu gatewayCpu = ProcessCpu.ofPidFile(home.resolve("pids/gateway.pid"));
        List<ProcessCpu> workerCpu = new ArrayList<>();
        for (int i = 1; i <= workers.size(); i++) {
            workerCpu.add(ProcessCpu.ofPidFile(home.resolve("pids/model-service-" + i + ".pid")));
        }
        List<String> clientIds = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        try (Nginx nginx = Nginx.start(workers)) {
            for (int i = 0; i < Arrays.stream(CONCURRENCY).max().orElseThrow(); i++) {
                JsonNode created = client.json(ApiRequest.post(gatewayEndpoint, "/api/clients").as(admin)
                        .json("{\"name\":\"latency bench " + i
                                + "\",\"scopes\":[\"models.read\",\"models.infer\"],\"tier\":\"premium\"}"), 201);
                String clientId = created.path("clientId").asString();
                clientIds.add(clientId);
                tokens.add(client.token(auth, Authorization.Basic.client(clientId,
                        new Secret("clientSecret", created.path("clientSecret").asString(), "the client the bench created"))));
            }
            String first = workers.getFirst();
            List<Hop> hops = List.of(
                    new Hop("worker direct", i -> first, null),
                    new Hop("nginx -> " + workers.size() + " workers", i -> nginx.url(), nginx.cpu()),
                    new Hop("gateway -> " + workers.size() + " workers", i -> gateway, gatewayCpu));
            System.out.printf(Locale.ROOT, "machine: %s; nginx %s, one process%n", Machine.describe(), nginx.version());
            System.out.printf(Locale.ROOT, "GET %s with a cached JWT, %d requests per cell after %d warm-up, %d clients taking"
                    + " turns; CPU per request from /proc/<pid>/stat (proxy + the workers it called)%n%n", path, requests,
                    requests * WARM_UP_FACTOR, tokens.size());
            System.out.printf(Locale.ROOT, "%-22s | %-14s | %-14s | %-16s | %-16s | %-11s | %s%n", "hop", "c=1 p50/p99",
                    "c=32 p50/p99", "req/s at c=32", "proxy CPU/req", "worker CPU", "errors");
            System.out.println("-".repeat(118));
            List<Stats[]> byHop = new ArrayList<>();
            for (Hop hop : hops) {
                Stats[] cells = new Stats[CONCURRENCY.length];
                for (int c = 0; c < CONCURRENCY.length; c++) {
                    measure(hop, path, null, tokens, CONCURRENCY[c], requests * WARM_UP_FACTOR, workerCpu);
                    cells[c] = measure(hop, path, null, tokens, CONCURRENCY[c], requests, workerCpu);
                }
                byHop.add(cells);
                Stats one = cells[0];
                Stats many = cells[1];
                System.out.printf(Locale.ROOT, "%-22s | %5.2f / %6.2f | %5.2f / %6.2f | %16.0f | %-16s | %-11s | %d%n",
                        hop.name(), one.p50(), one.p99(), many.p50(), many.p99(), many.perSecond(),
                        hop.proxy() == null ? "-" : String.format(Locale.ROOT, "%.3f ms", many.proxyCpu()),
                        String.format(Locale.ROOT, "%.3f ms", many.workerCpu()), one.errors() + many.errors());
            }
            Stats[] direct = byHop.get(0);
            Stats[] viaNginx = byHop.get(1);
            Stats[] viaGateway = byHop.get(2);

            // the large body: the same POST straight to the workers (taking turns), through nginx, through the gateway
            byte[] body = ocrBody();
            deployBodyModel(admin);
            String infer = "/v2/models/" + BODY_MODEL + "/infer";
            System.out.printf(Locale.ROOT, "%nPOST %s, a 1x3x48x192 FP32 JSON body (%d KB), c=%d%n", infer, body.length / 1024,
                    BODY_CONCURRENCY);
            List<Hop> bodyHops = List.of(
                    new Hop("workers direct", i -> workers.get(i % workers.size()), null), hops.get(1), hops.get(2));
            List<Stats> bodies = new ArrayList<>();
            int bodyRequests = Math.max(200, requests / 4);
            for (Hop hop : bodyHops) {
                measure(hop, infer, body, tokens, BODY_CONCURRENCY, bodyRequests, workerCpu);
                Stats stats = measure(hop, infer, body, tokens, BODY_CONCURRENCY, bodyRequests, workerCpu);
                bodies.add(stats);
                System.out.printf(Locale.ROOT, "%-22s | p50 %6.2f ms | %7.0f req/s | proxy CPU %-10s | worker CPU %.3f ms | %d errors%n",
                        hop.name(), stats.p50(), stats.perSecond(),
                        hop.proxy() == null ? "-" : String.format(Locale.ROOT, "%.3f ms", stats.proxyCpu()), stats.workerCpu(),
                        stats.errors());
            }

            System.out.printf(Locale.ROOT, "%ngoals (one run; ratios)%n");
            double workerPerRequest = viaGateway[1].workerCpu();
            goal("gateway CPU per request / the workers' CPU for the same call (c=32)",
                    viaGateway[1].proxyCpu() / workerPerRequest, "<=", 1.0);
            double addedGateway = viaGateway[0].p50() - direct[0].p50();
            double addedNginx = viaNginx[0].p50() - direct[0].p50();
            System.out.printf(Locale.ROOT, "%-70s %6.2f ms  (goal <= 1.00 ms: %s; gateway adds %.2f, nginx %.2f)%n",
                    "added p50 at c=1, gateway minus nginx", addedGateway - addedNginx,
                    addedGateway - addedNginx <= 1.0 ? "met" : "NOT met", addedGateway, addedNginx);
            goal("req/s at c=32, gateway -> 2 workers / one worker direct", viaGateway[1].perSecond() / direct[1].perSecond(),
                    ">=", 0.8);
            goal("large JSON body req/s, gateway / workers direct", bodies.get(2).perSecond() / bodies.get(0).perSecond(), ">=", 0.8);
            System.out.printf(Locale.ROOT, "%nfor reference: nginx CPU per request %.3f ms = %.2fx the gateway's%n",
                    viaNginx[1].proxyCpu(), viaNginx[1].proxyCpu() / viaGateway[1].proxyCpu());
        } finally {
            for (String clientId : clientIds) {
                client.send(ApiRequest.delete(gatewayEndpoint, "/api/clients/" + clientId).as(admin));
            }
        }
    }

    private static void goal(String label, double value, String direction, double goal) {
        boolean met = direction.equals("<=") ? value <= goal : value >= goal;
        System.out.printf(Locale.ROOT, "%-70s %6.2fx    (goal %s %.2fx: %s)%n", label, value, direction, goal, met ? "met" : "NOT met");
    }

    /**
     * {@code requests} calls from {@code concurrency} callers, GET when {@code body} is null, else
     * POST. Request {@code i} carries client {@code i % clients}'s token, so no client's quota runs
     * out however long the run.
     */
    private Stats measure(Hop hop, String path, byte[] body, List<String> tokens, int concurrency, int requests,
                          List<ProcessCpu> workerCpu) throws Exception {
        long[] nanos = new long[requests];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        long deadline = System.nanoTime() + CELL_TIME_LIMIT.toNanos();
        long proxyBefore = hop.proxy() == null ? 0 : hop.proxy().ticks();
        long workersBefore = ProcessCpu.sum(workerCpu);
        long started = System.nanoTime();
        try (ExecutorService callers = Executors.newFixedThreadPool(concurrency)) {
            List<Future<?>> running = new ArrayList<>();
            for (int caller = 0; caller < concurrency; caller++) {
                running.add(callers.submit(() -> {
                    for (int i = next.getAndIncrement(); i < requests && System.nanoTime() < deadline; i = next.getAndIncrement()) {
                        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(hop.base().apply(i) + path))
                                .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + tokens.get(i % tokens.size()));
                        if (body != null) {
                            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
                        }
                        long begin = System.nanoTime();
                        try {
                            if (http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
                                errors.incrementAndGet();
                            }
                        } catch (IOException e) {
                            errors.incrementAndGet();
                        }
                        nanos[i] = System.nanoTime() - begin;
                    }
                    return null;
                }));
            }
            for (Future<?> caller : running) {
                caller.get();
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long[] done = Arrays.stream(nanos).filter(value -> value > 0).sorted().toArray();
        double proxyCpu = hop.proxy() == null ? 0 : ProcessCpu.millis(hop.proxy().ticks() - proxyBefore) / done.length;
        double workersCpu = ProcessCpu.millis(ProcessCpu.sum(workerCpu) - workersBefore) / done.length;
        return new Stats(percentile(done, 0.50), percentile(done, 0.99), done.length / seconds, done.length, errors.get(),
                proxyCpu, workersCpu);
    }

    /** A model whose input is the body under test and whose compute is next to nothing: what is measured is the body's trip. */
    private void deployBodyModel(Authorization.Bearer admin) throws InterruptedException {
        Platform platform = Platform.fromCredentials(home, auth.base().toString());
        byte[] model = BenchModels.pooled(3, 48, 192);
        platform.deploy(gateway, workers.getFirst(), BODY_MODEL, model);
        // both workers must serve it before the direct calls take turns between them
        for (String worker : workers) {
            platform.awaitServed(worker, BODY_MODEL);
        }
    }

    /** {"inputs":[{"name":"images","datatype":"FP32","shape":[1,3,48,192],"data":[...]}]} with 4-digit values. */
    private static byte[] ocrBody() {
        Random random = new Random(5);
        StringBuilder json = new StringBuilder(160_000);
        json.append("{\"inputs\":[{\"name\":\"images\",\"datatype\":\"FP32\",\"shape\":[1,3,48,192],\"data\":[");
        for (int i = 0; i < 3 * 48 * 192; i++) {
            if (i > 0) {
                json.append(',');
            }
            json.append(String.format(Locale.ROOT, "%.4f", random.nextFloat()));
        }
        return json.append("]}]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static double percentile(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1_000_000.0;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
