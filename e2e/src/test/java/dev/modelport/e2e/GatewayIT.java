package dev.modelport.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.modelport.testsupport.RequiredServices;
import java.io.InputStream;
import java.io.OutputStream;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
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
 * The gateway against the real stack ({@code bin/platform up --workers 2}): real auth-service
 * tokens, real model-service workers behind Eureka. Forged tokens are built here with
 * nimbus-jose-jwt. Leaves the stack as it found it: stopped if this test started it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(3)
class GatewayIT {

    private static final String GATEWAY = "http://localhost:8080";
    private static final String AUTH = "http://localhost:9000";
    private static final Pattern POST_COUNT = Pattern.compile(
            "^http_server_requests_seconds_count\\{[^}]*method=\"POST\"[^}]*} ([0-9.E]+)$", Pattern.MULTILINE);

    private final Platform platform = Platform.fromSystemProperties();
    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Map<String, String> credentials;
    private boolean startedHere;
    private String adminToken;

    @BeforeAll
    void up() throws Exception {
        startedHere = !platform.gatewayUp();
        platform.up(2);
        credentials = platform.credentials();
        adminToken = token("modelport-cli", credentials.get("MODELPORT_CLI_SECRET"));
    }

    @AfterAll
    void down() throws Exception {
        if (startedHere) {
            platform.run(Duration.ofMinutes(2), "down");
        }
    }

    @Test
    @Order(1)
    void forgedOrMissingTokensWhenCalledThenUnauthorizedJson() throws Exception {
        RSAKey published = (RSAKey) JWKSet.parse(get(AUTH + "/oauth2/jwks", null).body()).getKeys().getFirst();
        PlatformSigner trusted = PlatformSigner.newestKey(credentials.get("MODELPORT_KEY_ENCRYPTION_SECRET"));
        JWTClaimsSet claims = claims(AUTH_ISSUER).build();
        RSAKey own = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();

        SignedJWT hmac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(published.getKeyID()).build(), claims);
        hmac.sign(new MACSigner(published.toRSAPublicKey().getEncoded()));
        Instant longAgo = Instant.now().minusSeconds(3600);
        // the last three are signed with the platform's own key: each fails for the one reason it is named after
        Map<String, String> forged = Map.of(
                "alg none", new PlainJWT(claims).serialize(),
                "HS256 with the public key", hmac.serialize(),
                "unknown key", signed(own, own.getKeyID(), claims),
                "expired beyond the skew", trusted.sign(claims(AUTH_ISSUER)
                        .issueTime(Date.from(longAgo)).notBeforeTime(Date.from(longAgo))
                        .expirationTime(Date.from(Instant.now().minusSeconds(120))).build()),
                "wrong issuer", trusted.sign(claims("http://evil.test").build()),
                "wrong audience", trusted.sign(claims(AUTH_ISSUER).audience("other").build()));
        Map<String, String> reasons = Map.of(
                "alg none", "invalid token: signature or format not accepted",
                "HS256 with the public key", "invalid token: signature or format not accepted",
                "unknown key", "invalid token: signature or format not accepted",
                "expired beyond the skew", "invalid token: expired",
                "wrong issuer", "invalid token: wrong issuer",
                "wrong audience", "invalid token: wrong audience");
        for (Map.Entry<String, String> token : forged.entrySet()) {
            HttpResponse<String> response = get(GATEWAY + "/v2/models/iris", token.getValue());
            assertThat(response.statusCode()).as(token.getKey()).isEqualTo(401);
            assertThat(json.readTree(response.body()).path("error").asString()).as(token.getKey())
                    .isEqualTo(reasons.get(token.getKey()));
        }
        HttpResponse<String> none = get(GATEWAY + "/v2/models/iris", null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.body()).startsWith("{\"error\":");
        assertThat(get(GATEWAY + "/v2/health/ready", null).statusCode()).isEqualTo(200);
        assertThat(get(GATEWAY + "/v2", adminToken).statusCode()).isEqualTo(200);
        assertThat(get(GATEWAY + "/v2/models/iris", adminToken).statusCode()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void missingScopeOrModelOutsideAllowlistWhenCalledThenForbidden() throws Exception {
        String reader = clientToken("gw-it reader", List.of("models.read"), null, "standard");
        HttpResponse<String> infer = post(GATEWAY + "/v2/models/iris/infer", reader, "{}");
        assertThat(infer.statusCode()).isEqualTo(403);
        assertThat(infer.body()).contains("models.infer");
        assertThat(post(GATEWAY + "/api/models", reader, "{\"name\":\"x\"}").statusCode()).isEqualTo(403);
        assertThat(get(GATEWAY + "/api/clients", reader).statusCode()).isEqualTo(403);

        String limited = clientToken("gw-it limited", List.of("models.read", "models.infer"), List.of("iris"), "standard");
        assertThat(get(GATEWAY + "/v2/models/iris", limited).statusCode()).isEqualTo(200);
        assertThat(get(GATEWAY + "/api/models/iris", limited).statusCode()).isEqualTo(200);
        for (HttpResponse<String> response : List.of(
                post(GATEWAY + "/v2/models/fraud/infer", limited, "{}"),
                post(GATEWAY + "/v2/models/fraud/versions/1/infer", limited, "{}"),
                get(GATEWAY + "/v2/models/fraud", limited),
                get(GATEWAY + "/v2/models/fraud/ready", limited),
                get(GATEWAY + "/api/models/fraud", limited))) {
            assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(403);
            assertThat(response.body()).contains("may not use model 'fraud'");
        }
    }

    @Test
    @Order(3)
    void infrastructureEndpointsWhenAskedThroughGatewayThenNotReachable() throws Exception {
        for (String path : INFRASTRUCTURE_PATHS) {
            assertThat(get(GATEWAY + path, null).statusCode()).as(path).isIn(401, 404);
            assertThat(get(GATEWAY + path, adminToken).statusCode()).as(path + " with a token").isIn(401, 404);
        }
    }

    @Test
    @Order(3)
    void infrastructureEndpointsWhenPostedThroughGatewayThenNotReachable() throws Exception {
        for (String path : INFRASTRUCTURE_PATHS) {
            assertThat(post(GATEWAY + path, adminToken, "x").statusCode()).as("POST " + path).isIn(401, 404);
        }
    }

    @Test
    @Order(4)
    void burstOfThreeTimesTheLimitWhenSentThenTooManyRequestsForThatClientOnly() throws Exception {
        String free = clientToken("gw-it free", List.of("models.read"), null, "free");
        String neighbour = clientToken("gw-it neighbour", List.of("models.read"), null, "free");
        HttpResponse<String> first = get(GATEWAY + "/v2/models/iris", free);
        int burst = Integer.parseInt(first.headers().firstValue("X-RateLimit-Limit").orElseThrow());
        int perSecond = Integer.parseInt(first.headers().firstValue("X-RateLimit-Replenish-Rate").orElseThrow());
        long started = System.nanoTime();
        // all at once, so the bucket's refill during the burst stays small
        List<CompletableFuture<HttpResponse<String>>> burstCalls = new ArrayList<>();
        for (int i = 1; i < 3 * burst; i++) {
            burstCalls.add(http.sendAsync(HttpRequest.newBuilder(URI.create(GATEWAY + "/v2/models/iris"))
                    .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + free).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        int allowed = 1;
        HttpResponse<String> denied = null;
        for (CompletableFuture<HttpResponse<String>> call : burstCalls) {
            HttpResponse<String> response = call.get(60, TimeUnit.SECONDS);
            if (response.statusCode() == 429) {
                denied = response;
            } else {
                allowed++;
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("burst of %d (limit %d, refill %d/s) in %.1f s: %d allowed, %d refused with 429%n",
                3 * burst, burst, perSecond, seconds, allowed, 3 * burst - allowed);
        assertThat(denied).as("some requests were refused").isNotNull();
        assertThat(denied.body()).startsWith("{\"error\":");
        assertThat(denied.headers().firstValue("Retry-After")).isPresent();
        assertThat(denied.headers().firstValue("X-RateLimit-Remaining")).hasValue("0");
        // the bucket plus what it refilled while the burst was under way, nothing more
        assertThat(allowed).isLessThanOrEqualTo(burst + (int) Math.ceil(perSecond * seconds) + 1);
        assertThat(get(GATEWAY + "/v2/models/iris", neighbour).statusCode()).as("another client's quota").isEqualTo(200);
    }

    @Test
    @Order(5)
    void bodyOverLimitWhenDeclaredThenPayloadTooLargeBeforeAnyOfItIsSentAndNoWorkerSeesIt() throws Exception {
        String token = clientToken("gw-it big", List.of("models.infer"), null, "premium");
        double postsBefore = workerPosts();
        long started = System.nanoTime();
        String statusLine;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", 8080), 2000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            // only the head: a gateway that waited for the 9 MB body would never answer
            out.write(("POST /v2/models/iris/infer HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + (9 * 1024 * 1024) + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            statusLine = readLine(socket.getInputStream());
        }
        System.out.printf("9 MB body declared, none sent: '%s' after %d ms%n", statusLine,
                Duration.ofNanos(System.nanoTime() - started).toMillis());
        assertThat(statusLine).startsWith("HTTP/1.1 413");
        assertThat(workerPosts()).as("POSTs the workers served").isEqualTo(postsBefore);
    }

    @Test
    @Order(6)
    void twoGatewaysWithRedisWhenBurstSplitBetweenThemThenQuotaIsShared() throws Exception {
        boolean redis = reachable("127.0.0.1", 6379);
        assumeTrue(RequiredServices.available(redis, "Redis on 127.0.0.1:6379"), "Redis on 127.0.0.1:6379 is not reachable");
        String free = clientToken("gw-it shared " + UUID.randomUUID(), List.of("models.read"), null, "free");
        List<Process> gateways = List.of(startGateway(8180), startGateway(8181));
        try {
            for (int port : List.of(8180, 8181)) {
                awaitRoute(port);
            }
            int allowedOnFirst = countAllowed(8180, free, 40);
            int allowedOnSecond = countAllowed(8181, free, 40);
            System.out.printf("shared quota (burst 20, 1/s): first gateway allowed %d of 40, second %d of 40%n",
                    allowedOnFirst, allowedOnSecond);
            assertThat(allowedOnFirst).isBetween(15, 25);
            // with per-instance buckets the second gateway would allow another 20
            assertThat(allowedOnSecond).isLessThanOrEqualTo(5);
        } finally {
            for (Process gateway : gateways) {
                gateway.destroy();
            }
            for (Process gateway : gateways) {
                if (!gateway.waitFor(30, TimeUnit.SECONDS)) {
                    gateway.destroyForcibly();
                }
            }
        }
    }

    @Test
    @Order(8)
    void dashboardWhenServicesScrapedThenEveryQueriedMetricIsExported() throws Exception {
        String token = clientToken("gw-it dashboard", List.of("models.read", "models.infer"), null, "premium");
        String good = "{\"inputs\":[{\"name\":\"input\",\"shape\":[1,4],\"datatype\":\"FP32\",\"data\":[5.1,3.5,1.4,0.2]}]}";
        String wrongInput = "{\"inputs\":[{\"name\":\"nope\",\"shape\":[1,4],\"datatype\":\"FP32\",\"data\":[5.1,3.5,1.4,0.2]}]}";
        // several, so both workers serve some: each exports only the series it has seen
        for (int i = 0; i < 6; i++) {
            assertThat(post(GATEWAY + "/v2/models/iris/infer", token, good).statusCode()).isEqualTo(200);
            assertThat(post(GATEWAY + "/v2/models/iris/infer", token, wrongInput).statusCode()).isEqualTo(400);
        }
        StringBuilder exposition = new StringBuilder();
        for (int port : List.of(8080, 8081, 8082)) {
            HttpResponse<String> metrics = platform.scrape("http://localhost:" + port + "/actuator/prometheus",
                    "modelport:" + credentials.get("MODELPORT_INFRA_PASSWORD"));
            assertThat(metrics.statusCode()).as("/actuator/prometheus on " + port).isEqualTo(200);
            exposition.append(metrics.body()).append('\n');
        }
        assertThat(dev.modelport.e2e.deploy.DashboardQueries.notExportedBy(exposition.toString()))
                .as("metrics the Grafana dashboard queries but no service exports").isEmpty();
    }

    @Test
    @Order(9)
    void requestThroughGatewayWhenLoggedThenGatewayAndWorkerShareItsTraceId() throws Exception {
        String token = clientToken("gw-it tracing", List.of("models.read", "models.infer"), null, "standard");
        HttpResponse<String> response = post(GATEWAY + "/v2/models/iris/infer", token,
                "{\"inputs\":[{\"name\":\"input\",\"shape\":[1,4],\"datatype\":\"FP32\",\"data\":[6.3,3.3,6.0,2.5]}]}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();

        Path logs = platform.home().resolve("logs");
        Pattern gatewayLine = Pattern.compile("\"request_id\":\"" + Pattern.quote(requestId) + "\",\"trace_id\":\"([0-9a-f]{32})\"");
        String traceId = null;
        String workerLine = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while ((traceId == null || workerLine == null) && System.nanoTime() < deadline) {
            Matcher access = gatewayLine.matcher(Files.readString(logs.resolve("gateway.log")));
            traceId = access.find() ? access.group(1) : null;
            if (traceId != null) {
                for (String worker : List.of("model-service-1.log", "model-service-2.log")) {
                    Path log = logs.resolve(worker);
                    if (Files.exists(log)) {
                        for (String line : Files.readAllLines(log)) {
                            if (line.contains(traceId) && line.contains(requestId)) {
                                workerLine = line;
                            }
                        }
                    }
                }
            }
            Thread.sleep(200);
        }
        assertThat(traceId).as("the gateway's access log line for request " + requestId).isNotNull();
        assertThat(workerLine).as("a model-service log line with trace id " + traceId).isNotNull()
                .contains("/v2/models/iris/infer");
    }

    @Test
    @Order(10)
    void docsWhenOpenedThenEachServicesApiIsDescribedThroughTheGateway() throws Exception {
        HttpResponse<String> models = get(GATEWAY + "/docs/model-service/v3/api-docs", null);
        assertThat(models.statusCode()).isEqualTo(200);
        assertThat(models.body()).contains("/v2/models/{name}/infer", "/api/models/{name}/versions");
        HttpResponse<String> clients = get(GATEWAY + "/docs/auth-service/v3/api-docs", null);
        assertThat(clients.statusCode()).isEqualTo(200);
        assertThat(clients.body()).contains("/api/clients");
        HttpResponse<String> config = get(GATEWAY + "/v3/api-docs/swagger-config", null);
        assertThat(config.body()).contains("/docs/model-service/v3/api-docs", "/docs/auth-service/v3/api-docs");
    }

    // ------------------------------------------------------------------ helpers

    private static final String AUTH_ISSUER = AUTH;

    private static JWTClaimsSet.Builder claims(String issuer) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(issuer).audience("modelport").subject("forger")
                .claim("client_id", "forger").claim("scope", List.of("models.read", "models.infer", "models.admin"))
                .issueTime(Date.from(now)).notBeforeTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(600)));
    }

    private static String signed(RSAKey key, String kid, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private String clientToken(String name, List<String> scopes, List<String> models, String tier) throws Exception {
        Map<String, Object> body = new java.util.LinkedHashMap<>(Map.of("name", name, "scopes", scopes, "tier", tier));
        if (models != null) {
            body.put("models", models);
        }
        HttpResponse<String> created = post(GATEWAY + "/api/clients", adminToken, json.writeValueAsString(body));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode client = json.readTree(created.body());
        return token(client.path("clientId").asString(), client.path("clientSecret").asString());
    }

    private String token(String clientId, String secret) throws Exception {
        return platform.token(clientId, secret);
    }

    private static final List<String> INFRASTRUCTURE_PATHS = List.of("/actuator/env", "/actuator/gateway/routes",
            "/eureka/apps", "/encrypt", "/decrypt", "/model-service/default", "/gateway/default", "/actuator/refresh");

    private HttpResponse<String> get(String url, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String url, String token, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** POSTs both workers have served so far, from their Prometheus endpoints. */
    private double workerPosts() throws Exception {
        double total = 0;
        for (int port : List.of(8081, 8082)) {
            HttpResponse<String> metrics = platform.scrape("http://localhost:" + port + "/actuator/prometheus",
                    "modelport:" + credentials.get("MODELPORT_INFRA_PASSWORD"));
            Matcher counts = POST_COUNT.matcher(metrics.body());
            while (counts.find()) {
                total += Double.parseDouble(counts.group(1));
            }
        }
        return total;
    }

    private Process startGateway(int port) throws Exception {
        Path root = Path.of(System.getProperty("modelport.root", "..")).toAbsolutePath().normalize();
        Path jar = root.resolve("gateway/target/gateway.jar");
        Path log = platform.home().resolve("logs/gateway-" + port + ".log");
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmx256m", "-jar", jar.toString(),
                "--server.port=" + port,
                "--spring.data.redis.host=127.0.0.1", "--spring.data.redis.port=6379",
                "--spring.cloud.config.enabled=false",
                "--eureka.client.register-with-eureka=false",
                "--modelport.gateway.rate-limit.tiers.free.requests-per-second=1",
                "--modelport.gateway.rate-limit.tiers.free.burst=20")
                .directory(root.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("MODELPORT_INFRA_PASSWORD", credentials.get("MODELPORT_INFRA_PASSWORD"));
        return builder.start();
    }

    private void awaitRoute(int port) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (get("http://localhost:" + port + "/v2/health/ready", null).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // still starting
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("the gateway on port " + port + " did not route within 3 minutes; see "
                + platform.home().resolve("logs/gateway-" + port + ".log"));
    }

    private int countAllowed(int port, String token, int requests) throws Exception {
        int allowed = 0;
        for (int i = 0; i < requests; i++) {
            int status = get("http://localhost:" + port + "/v2", token).statusCode();
            assertThat(status).isIn(200, 429);
            allowed += status == 200 ? 1 : 0;
        }
        return allowed;
    }

    private static boolean reachable(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static String readLine(InputStream in) throws java.io.IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }
}
