package dev.modelport.e2e;

import static dev.modelport.e2e.AuthorizationMatrix.NOT_RUN;
import static dev.modelport.e2e.AuthorizationMatrix.expect;
import static dev.modelport.e2e.AuthorizationMatrix.withToken;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.modelport.e2e.AuthorizationMatrix.Caller;
import dev.modelport.e2e.AuthorizationMatrix.Row;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every route of model-service and auth-service, as their OpenAPI descriptions list them, against
 * every kind of caller, through the gateway of the real stack. Each cell must answer its exact
 * status; a refusal answers a JSON error (an expired token's says so), leaves the models, versions,
 * rollouts, clients and audit trail as they were, and a limited caller's listing names nothing
 * outside its reach. A route the descriptions list without a row here fails the test.
 *
 * <p>Models: {@code mx-a} (v1 in production, v2 idle), {@code mx-b} (another team's), {@code mx-c}
 * (set up afresh for each cell that creates, changes or deletes it).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(4)
class AuthorizationMatrixIT {

    private static final String GATEWAY = "http://localhost:8080";
    private static final String AUTH = "http://localhost:9000";
    private static final String ISSUER = "http://localhost:9000";
    private static final String A = "mx-a";
    private static final String B = "mx-b";
    private static final String C = "mx-c";
    private static final String INFER_BODY =
            "{\"inputs\":[{\"name\":\"features\",\"shape\":[1,4],\"datatype\":\"FP32\",\"data\":[1,2,3,4]}]}";

    private final Platform platform = Platform.fromSystemProperties();
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<Caller, String> tokens = new EnumMap<>(Caller.class);
    private String admin;
    private Path model;

    @BeforeAll
    void up() throws Exception {
        platform.up(2);
        Map<String, String> credentials = platform.credentials();
        admin = token("modelport-cli", credentials.get("MODELPORT_CLI_SECRET"));
        model = Files.createTempFile("matrix", ".onnx");
        Files.write(model, LinearScorer.onnx());
        ensureModel(A, 2);
        ensureModel(B, 1);
        assertThat(send("PUT", "/api/models/" + A + "/rollout", admin, "{\"production\": 1}").statusCode()).isEqualTo(200);
        awaitReadyEverywhere(A);

        tokens.put(Caller.NO_TOKEN, null);
        tokens.put(Caller.EXPIRED, expiredPlatformAdminToken(credentials.get("MODELPORT_KEY_ENCRYPTION_SECRET")));
        tokens.put(Caller.INFER_LIMITED, clientToken("matrix inferer", List.of("models.infer"), List.of(A)));
        tokens.put(Caller.READ_LIMITED, clientToken("matrix reader", List.of("models.read"), List.of(A)));
        tokens.put(Caller.MODEL_ADMIN, clientToken("matrix model admin",
                List.of("models.admin", "models.read", "models.infer"), List.of(A, C)));
        tokens.put(Caller.PLATFORM_ADMIN, admin);
        tokens.put(Caller.OTHER_MODEL, clientToken("matrix other team",
                List.of("models.admin", "models.read", "models.infer"), List.of(B)));
    }

    @Test
    @Order(1)
    void everyRouteWhenCalledByEveryKindOfCallerThenExactlyTheReachRulesAnswer() throws Exception {
        AuthorizationMatrix matrix = matrix();
        assertThat(matrix.routes()).as("routes in the services' OpenAPI descriptions and rows here")
                .containsExactlyElementsOf(documentedRoutes());

        List<String> failures = new ArrayList<>();
        for (Row row : matrix.rows()) {
            for (Caller caller : Caller.values()) {
                int expected = row.expected().get(caller);
                if (expected == NOT_RUN) {
                    matrix.record(row, caller, NOT_RUN);
                    continue;
                }
                AuthorizationMatrix.Call call = row.setup().prepare();
                State before = row.writes() ? state() : null;
                HttpResponse<String> response = call.send(tokens.get(caller));
                matrix.record(row, caller, response.statusCode());
                String cell = row.label() + " as " + caller.column;
                if (response.statusCode() != expected) {
                    failures.add(cell + ": " + response.statusCode() + " instead of " + expected + " " + response.body());
                    continue;
                }
                if (expected >= 400) {
                    checkRefusal(cell, caller, response, before, failures);
                } else if (row.listsSomething() && caller.modelLimited()) {
                    outsideReach(caller).stream().filter(response.body()::contains).forEach(leak ->
                            failures.add(cell + ": the answer mentions " + leak + " (outside its reach)"));
                } else if (row.listsSomething() && caller == Caller.PLATFORM_ADMIN) {
                    // the check above has teeth: what limited callers must not see is there to be seen
                    for (Caller limited : List.of(Caller.MODEL_ADMIN, Caller.OTHER_MODEL)) {
                        if (outsideReach(limited).stream().noneMatch(response.body()::contains)) {
                            failures.add(cell + ": lists nothing a " + limited.column + " caller must not see");
                        }
                    }
                }
            }
        }
        System.out.printf("Authorization matrix: %d rows (%d routes and %d variants) x %d caller kinds, %d cells run%n%s",
                matrix.rows().size(), matrix.routes().size(), matrix.rows().size() - matrix.routes().size(),
                Caller.values().length, matrix.cellsRun(), matrix.table());
        assertThat(failures).as("cells that broke the reach rules").isEmpty();
    }

    /** The escalations first reported: a models.admin client limited to one model tries to reach past it. */
    @Test
    @Order(2)
    void escalationsWhenTriedByAModelAdminThenRefusedAndNothingLeftBehind() throws Exception {
        JsonNode client = createClient("matrix escalator", List.of("models.admin", "models.read"), List.of(A), "standard");
        String clientId = client.path("clientId").asString();
        String escalator = token(clientId, client.path("clientSecret").asString());
        State before = state();

        HttpResponse<String> escalated = send("POST", "/api/clients", escalator, "{\"name\":\"escalated\",\"scopes\":[\"models.admin\"]}");
        assertThat(escalated.statusCode()).isEqualTo(403);
        assertThat(json.readTree(escalated.body()).path("error").asString()).startsWith("models: every model is beyond");
        HttpResponse<String> rotateCli = send("POST", "/api/clients/modelport-cli/secret", escalator, null);
        assertThat(rotateCli.statusCode()).isEqualTo(404);
        assertThat(rotateCli.body()).isEqualTo("{\"error\":\"no client modelport-cli\"}");
        HttpResponse<String> rotateKeys = send("POST", "/api/keys/rotate", escalator, null);
        assertThat(rotateKeys.statusCode()).isEqualTo(403);
        assertThat(state()).as("nothing changed").isEqualTo(before);
        assertThat(token("modelport-cli", platform.credentials().get("MODELPORT_CLI_SECRET"))).isNotBlank();

        List<String> listedIds = new ArrayList<>();
        json.readTree(send("GET", "/api/clients", escalator, null).body())
                .forEach(listed -> listedIds.add(listed.path("clientId").asString()));
        assertThat(listedIds).contains(clientId).doesNotContain("modelport-cli", "modelport-console");
        JsonNode audit = json.readTree(send("GET", "/api/audit?size=500", escalator, null).body()).path("records");
        assertThat(audit).isNotEmpty().allSatisfy(record -> assertThat(record.path("reach").values())
                .allSatisfy(model -> assertThat(model.asString()).isEqualTo(A)));
        JsonNode workers = json.readTree(send("GET", "/api/workers", escalator, null).body());
        assertThat(workers).isNotEmpty().allSatisfy(worker -> assertThat(worker.path("loaded").values())
                .allSatisfy(loaded -> assertThat(loaded.path("model").asString()).isEqualTo(A)));

        // each refusal wrote one security line, in the one service that refused it, without the token
        for (String route : List.of("\"POST\",\"route\":\"/api/clients\"", "\"route\":\"/api/clients/modelport-cli/secret\"",
                "\"route\":\"/api/keys/rotate\"")) {
            assertThat(securityLines(clientId, route)).as(route).hasSize(1);
        }
        assertThat(securityLines(clientId, "")).allSatisfy(line -> assertThat(line).doesNotContain(escalator));
    }

    private List<String> securityLines(String caller, String route) throws Exception {
        List<String> lines = new ArrayList<>();
        try (var logs = Files.list(platform.home().resolve("logs"))) {
            for (Path log : logs.filter(file -> file.getFileName().toString().endsWith(".log")).toList()) {
                Files.readAllLines(log).stream()
                        .filter(line -> line.contains("\"event\":\"refused\",\"caller\":\"" + caller + "\"") && line.contains(route))
                        .forEach(lines::add);
            }
        }
        return lines;
    }

    private void checkRefusal(String cell, Caller caller, HttpResponse<String> response, State before,
                              List<String> failures) throws Exception {
        JsonNode error;
        try {
            error = json.readTree(response.body()).path("error");
        } catch (RuntimeException notJson) {
            failures.add(cell + ": the refusal is not JSON: " + response.body());
            return;
        }
        if (!error.isString() || error.asString().isBlank()) {
            failures.add(cell + ": the refusal has no {\"error\"}: " + response.body());
        }
        if (caller == Caller.EXPIRED && !error.asString().contains("expired")) {
            failures.add(cell + ": refused, but not for being expired: " + response.body());
        }
        if (before != null) {
            State after = state();
            if (!after.equals(before)) {
                failures.add(cell + ": a refused write changed " + before.differenceTo(after));
            }
        }
    }

    /** What a limited caller's listing must never mention. */
    private static List<String> outsideReach(Caller caller) {
        List<String> others = new ArrayList<>(List.of("\"iris\"", "\"clientId\":\"modelport-cli\"",
                "\"clientId\":\"modelport-console\""));
        switch (caller) {
            case OTHER_MODEL -> others.addAll(List.of(A, C));
            case MODEL_ADMIN -> others.add(B);
            default -> others.addAll(List.of(B, C));
        }
        return others;
    }

    private AuthorizationMatrix matrix() {
        AuthorizationMatrix m = new AuthorizationMatrix();
        // V2 protocol: probes are public; a token that fails validation is refused even there (RFC 6750)
        m.row("GET", "/v2/health/live", () -> get("/v2/health/live"), expect(200, 401, 200, 200, 200, 200, 200));
        m.row("GET", "/v2/health/ready", () -> get("/v2/health/ready"), expect(200, 401, 200, 200, 200, 200, 200));
        m.row("GET", "/v2", () -> get("/v2"), withToken(200, 200, 200, 200, 200));
        m.row("GET", "/v2/models/{name}", () -> get("/v2/models/" + A), withToken(200, 200, 200, 200, 403));
        m.row("GET", "/v2/models/{name}/ready", () -> get("/v2/models/" + A + "/ready"), withToken(200, 200, 200, 200, 403));
        m.row("GET", "/v2/models/{name}/versions/{version}", () -> get("/v2/models/" + A + "/versions/1"),
                withToken(200, 200, 200, 200, 403));
        m.row("GET", "/v2/models/{name}/versions/{version}/ready", () -> get("/v2/models/" + A + "/versions/1/ready"),
                withToken(200, 200, 200, 200, 403));
        m.row("POST", "/v2/models/{name}/infer", () -> call("POST", "/v2/models/" + A + "/infer", INFER_BODY),
                withToken(200, 403, 200, 200, 403));
        m.row("POST", "/v2/models/{name}/versions/{version}/infer",
                () -> call("POST", "/v2/models/" + A + "/versions/1/infer", INFER_BODY), withToken(200, 403, 200, 200, 403));

        // the model registry
        m.listing("GET", "/api/models", () -> get("/api/models"), withToken(403, 200, 200, 200, 200));
        m.row("POST", "/api/models", () -> {
            resetC(false, false, true);
            return call("POST", "/api/models", "{\"name\": \"" + C + "\", \"description\": \"matrix\"}");
        }, withToken(403, 403, 201, 201, 403));
        m.row("GET", "/api/models/{name}", () -> get("/api/models/" + A), withToken(403, 200, 200, 200, 403));
        m.row("PATCH", "/api/models/{name}", () -> call("PATCH", "/api/models/" + A, "{\"description\": \"matrix\"}"),
                withToken(403, 403, 200, 200, 403));
        m.row("DELETE", "/api/models/{name}", () -> {
            resetC(true, false, false);
            return call("DELETE", "/api/models/" + C, null);
        }, withToken(403, 403, 204, 204, 403));
        m.row("POST", "/api/models/{name}/versions", () -> {
            resetC(false, false, false);
            return token -> platform.upload(GATEWAY + "/api/models/" + C + "/versions", token, model);
        }, withToken(403, 403, 201, 201, 403));
        m.row("GET", "/api/models/{name}/versions", () -> get("/api/models/" + A + "/versions"),
                withToken(403, 200, 200, 200, 403));
        m.row("GET", "/api/models/{name}/versions/{version}", () -> get("/api/models/" + A + "/versions/1"),
                withToken(403, 200, 200, 200, 403));
        m.row("DELETE", "/api/models/{name}/versions/{version}", () -> {
            resetC(true, false, false);
            return call("DELETE", "/api/models/" + C + "/versions/1", null);
        }, withToken(403, 403, 204, 204, 403));
        m.row("GET", "/api/models/{name}/rollout", () -> get("/api/models/" + A + "/rollout"),
                withToken(403, 200, 200, 200, 403));
        m.row("PUT", "/api/models/{name}/rollout", () -> call("PUT", "/api/models/" + A + "/rollout", "{\"production\": 1}"),
                withToken(403, 403, 200, 200, 403));
        m.row("DELETE", "/api/models/{name}/rollout", () -> {
            resetC(true, true, false);
            return call("DELETE", "/api/models/" + C + "/rollout", null);
        }, withToken(403, 403, 200, 200, 403));
        m.row("GET", "/api/models/{name}/metrics", () -> get("/api/models/" + A + "/metrics"),
                withToken(403, 200, 200, 200, 403));
        m.listing("GET", "/api/workers", () -> get("/api/workers"), withToken(403, 200, 200, 200, 200));
        m.listing("GET", "/api/audit", () -> get("/api/audit?size=500"), withToken(403, 403, 200, 200, 200));

        // API clients and signing keys (auth-service)
        m.listing("GET", "/api/clients", () -> get("/api/clients"), withToken(403, 403, 200, 200, 200));
        m.row("POST", "/api/clients", () -> call("POST", "/api/clients",
                "{\"name\": \"matrix delegated\", \"scopes\": [\"models.read\"], \"models\": [\"" + A + "\"], \"tier\": \"free\"}"),
                withToken(403, 403, 201, 201, 403));
        m.variant("POST", "/api/clients", "every model", () -> call("POST", "/api/clients",
                "{\"name\": \"matrix escalated\", \"scopes\": [\"models.admin\"]}"), withToken(403, 403, 403, 201, 403), null);
        m.variant("POST", "/api/clients", "higher tier", () -> call("POST", "/api/clients",
                "{\"name\": \"matrix premium\", \"scopes\": [\"models.read\"], \"models\": [\"" + A + "\"], \"tier\": \"premium\"}"),
                withToken(403, 403, 403, 201, 403), null);
        m.row("DELETE", "/api/clients/{clientId}", () -> call("DELETE", "/api/clients/" + clientInsideModelAdmin(), null),
                withToken(403, 403, 204, 204, 404));
        m.variant("DELETE", "/api/clients/{clientId}", "modelport-console",
                () -> call("DELETE", "/api/clients/modelport-console", null), withToken(403, 403, 404, 409, 404), null);
        m.row("POST", "/api/clients/{clientId}/secret",
                () -> call("POST", "/api/clients/" + clientInsideModelAdmin() + "/secret", null),
                withToken(403, 403, 200, 200, 404));
        m.variant("POST", "/api/clients/{clientId}/secret", "unlimited client",
                () -> call("POST", "/api/clients/" + unlimitedClient() + "/secret", null), withToken(403, 403, 404, 200, 404), null);
        m.variant("POST", "/api/clients/{clientId}/secret", "modelport-cli",
                () -> call("POST", "/api/clients/modelport-cli/secret", null), withToken(403, 403, 404, NOT_RUN, 404),
                "as the platform admin it would rotate the very secret this test runs on");
        m.row("POST", "/api/keys/rotate", () -> call("POST", "/api/keys/rotate", null), withToken(403, 403, 403, 200, 403));
        return m;
    }

    /** Every {@code METHOD /path} model-service's and auth-service's OpenAPI descriptions list. */
    private List<String> documentedRoutes() throws Exception {
        TreeSet<String> routes = new TreeSet<>();
        for (String service : List.of("model-service", "auth-service")) {
            HttpResponse<String> docs = send("GET", "/docs/" + service + "/v3/api-docs", null, null);
            assertThat(docs.statusCode()).as(service + " API docs").isEqualTo(200);
            for (Map.Entry<String, JsonNode> path : json.readTree(docs.body()).path("paths").properties()) {
                for (Iterator<String> methods = path.getValue().propertyNames().iterator(); methods.hasNext(); ) {
                    routes.add(methods.next().toUpperCase() + " " + path.getKey());
                }
            }
        }
        return List.copyOf(routes);
    }

    // --- fixtures, all set up by the platform admin -------------------------------------------------------------

    private AuthorizationMatrix.Call get(String path) {
        return token -> send("GET", path, token, null);
    }

    private AuthorizationMatrix.Call call(String method, String path, String body) {
        return token -> send(method, path, token, body);
    }

    private void ensureModel(String name, int versions) throws Exception {
        HttpResponse<String> listed = send("GET", "/api/models/" + name + "/versions", admin, null);
        int existing = listed.statusCode() == 200 ? json.readTree(listed.body()).size() : 0;
        for (int i = existing; i < versions; i++) {
            HttpResponse<String> uploaded = platform.upload(GATEWAY + "/api/models/" + name + "/versions", admin, model);
            assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        }
    }

    /** {@code mx-c} afresh: absent, or present with version 1 (and that in production), or present without versions. */
    private void resetC(boolean withVersion, boolean inProduction, boolean absent) throws Exception {
        send("DELETE", "/api/models/" + C + "/rollout", admin, null);
        int deleted = send("DELETE", "/api/models/" + C, admin, null).statusCode();
        assertThat(deleted).as("mx-c deleted or absent").isIn(204, 404);
        if (absent) {
            return;
        }
        if (withVersion) {
            assertThat(platform.upload(GATEWAY + "/api/models/" + C + "/versions", admin, model).statusCode()).isEqualTo(201);
        } else {
            assertThat(send("POST", "/api/models", admin, "{\"name\": \"" + C + "\"}").statusCode()).isEqualTo(201);
        }
        if (inProduction) {
            assertThat(send("PUT", "/api/models/" + C + "/rollout", admin, "{\"production\": 1}").statusCode()).isEqualTo(200);
        }
    }

    /** A fresh client the model admin may see and change: read on mx-a, free tier. */
    private String clientInsideModelAdmin() throws Exception {
        return createClient("matrix target " + UUID.randomUUID(), List.of("models.read"), List.of(A), "free")
                .path("clientId").asString();
    }

    private String unlimitedClient() throws Exception {
        return createClient("matrix unlimited " + UUID.randomUUID(), List.of("models.read"), null, "free")
                .path("clientId").asString();
    }

    private JsonNode createClient(String name, List<String> scopes, List<String> models, String tier) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("name", name, "scopes", scopes, "tier", tier));
        if (models != null) {
            body.put("models", models);
        }
        HttpResponse<String> created = send("POST", "/api/clients", admin, json.writeValueAsString(body));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json.readTree(created.body());
    }

    private String clientToken(String name, List<String> scopes, List<String> models) throws Exception {
        JsonNode client = createClient(name, scopes, models, "standard");
        return token(client.path("clientId").asString(), client.path("clientSecret").asString());
    }

    private String token(String clientId, String secret) throws Exception {
        return platform.token(clientId, secret);
    }

    /** The platform admin's claims, signed with the platform's own key, expired well beyond the clock skew. */
    private String expiredPlatformAdminToken(String keyEncryptionSecret) throws Exception {
        Instant issued = Instant.now().minus(Duration.ofMinutes(20));
        return PlatformSigner.newestKey(keyEncryptionSecret).sign(new JWTClaimsSet.Builder()
                .issuer(ISSUER).subject("modelport-cli").audience("modelport")
                .claim("client_id", "modelport-cli").claim("tier", "premium")
                .claim("scope", List.of("models.infer", "models.read", "models.admin"))
                .issueTime(Date.from(issued)).notBeforeTime(Date.from(issued))
                .expirationTime(Date.from(issued.plus(Duration.ofMinutes(10))))
                .jwtID(UUID.randomUUID().toString())
                .build());
    }

    private void awaitReadyEverywhere(String name) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        int consecutive = 0;
        while (consecutive < 10) {
            assertThat(System.nanoTime()).as(name + " ready on every worker").isLessThan(deadline);
            consecutive = send("GET", "/v2/models/" + name + "/ready", admin, null).statusCode() == 200 ? consecutive + 1 : 0;
            if (consecutive == 0) {
                Thread.sleep(250);
            }
        }
    }

    private HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        return platform.sendJson(method, GATEWAY + path, token, body);
    }

    /** What a refused write must leave as it was: models, mx-a's and mx-c's versions and rollouts, clients, audit. */
    private State state() throws Exception {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("models", send("GET", "/api/models", admin, null).body());
        for (String name : List.of(A, C)) {
            parts.put(name + " versions", send("GET", "/api/models/" + name + "/versions", admin, null).body());
            parts.put(name + " rollout", send("GET", "/api/models/" + name + "/rollout", admin, null).body());
        }
        parts.put("clients", send("GET", "/api/clients", admin, null).body());
        parts.put("signing keys", platform.get(AUTH + "/oauth2/jwks", null, null).body());
        parts.put("audit records", json.readTree(send("GET", "/api/audit?size=1", admin, null).body()).path("total").asString());
        return new State(parts);
    }

    /** A snapshot of platform state. */
    private record State(Map<String, String> parts) {

        String differenceTo(State after) {
            return parts.keySet().stream().filter(key -> !parts.get(key).equals(after.parts().get(key))).toList().toString();
        }
    }
}
