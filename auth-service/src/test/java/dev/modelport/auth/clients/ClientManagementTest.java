package dev.modelport.auth.clients;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import dev.modelport.auth.AuthServiceIntegrationTest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@SuppressWarnings("unchecked")
class ClientManagementTest extends AuthServiceIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void apiDocsWhenNoTokenThenDescribeTheManagementApiOnly() throws Exception {
        HttpResponse<String> docs = get("/v3/api-docs");
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("\"openapi\"", "/api/clients", "/api/keys/rotate");
        assertThat(docs.body()).as("the login page is not part of the API").doesNotContain("\"/login\"");
    }

    @Test
    void createWhenValidThenTokenHasExactlyItsScopesModelsAndTier() throws Exception {
        HttpResponse<String> response = api("POST", "/api/clients", adminToken(), """
                {"name": "fraud scoring", "scopes": ["models.infer", "models.read"],
                 "models": ["fraud-v2", "churn"], "tier": "premium"}""");

        assertThat(response.statusCode()).isEqualTo(201);
        Map<String, Object> created = read(response.body());
        String clientId = (String) created.get("clientId");
        String secret = (String) created.get("clientSecret");
        assertThat(clientId).startsWith("mp-");
        assertThat(secret).hasSizeGreaterThanOrEqualTo(40);
        assertThat(response.headers().firstValue("Location")).hasValue("/api/clients/" + clientId);
        assertThat(created).containsEntry("name", "fraud scoring").containsEntry("tier", "premium")
                .containsEntry("models", List.of("fraud-v2", "churn"));
        assertThat((List<Object>) created.get("scopes")).containsExactlyInAnyOrder("models.infer", "models.read");

        var claims = SignedJWT.parse(accessToken(clientId, secret)).getJWTClaimsSet();
        assertThat(claims.getStringListClaim("scope")).containsExactlyInAnyOrder("models.infer", "models.read");
        assertThat(claims.getStringListClaim("models")).containsExactly("fraud-v2", "churn");
        assertThat(claims.getStringClaim("tier")).isEqualTo("premium");
        assertThat(claims.getStringClaim("client_id")).isEqualTo(clientId);
        assertThat(claims.getAudience()).containsExactly("modelport");
    }

    @Test
    void createWhenNoModelsOrTierThenAllModelsAndDefaultTier() throws Exception {
        Map<String, Object> created = create("{\"name\": \"reader\", \"scopes\": [\"models.read\"]}");

        assertThat(created.get("models")).isNull();
        assertThat(created).containsEntry("tier", "standard");
        var claims = SignedJWT.parse(accessToken((String) created.get("clientId"), (String) created.get("clientSecret")))
                .getJWTClaimsSet();
        assertThat(claims.getClaims()).doesNotContainKey("models");
        assertThat(claims.getStringListClaim("scope")).containsExactly("models.read");
    }

    @Test
    void tokenWhenScopeBeyondClientsThenRejected() throws Exception {
        Map<String, Object> created = create("{\"name\": \"reader\", \"scopes\": [\"models.read\"]}");
        HttpResponse<String> response = requestToken((String) created.get("clientId"), (String) created.get("clientSecret"),
                "grant_type=client_credentials&scope=models.admin");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("invalid_scope");
    }

    @Test
    void listWhenClientsExistThenShowsThemWithoutSecrets() throws Exception {
        Map<String, Object> created = create("{\"name\": \"listed\", \"scopes\": [\"models.read\"]}");

        HttpResponse<String> response = api("GET", "/api/clients", adminToken(), null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains((String) created.get("clientId")).contains("modelport-cli")
                .contains("modelport-console")
                .doesNotContain((String) created.get("clientSecret"))
                .doesNotContain(CLI_SECRET).doesNotContainIgnoringCase("secret").doesNotContain("{bcrypt}");
    }

    @Test
    void revokeWhenClientExistsThenNoNewTokens() throws Exception {
        Map<String, Object> created = create("{\"name\": \"short-lived\", \"scopes\": [\"models.infer\"]}");
        String clientId = (String) created.get("clientId");
        String secret = (String) created.get("clientSecret");
        accessToken(clientId, secret);

        assertThat(api("DELETE", "/api/clients/" + clientId, adminToken(), null).statusCode()).isEqualTo(204);

        assertThat(requestToken(clientId, secret, "grant_type=client_credentials").statusCode()).isEqualTo(401);
        assertThat(api("DELETE", "/api/clients/" + clientId, adminToken(), null).statusCode()).isEqualTo(204);
        assertThat(api("POST", "/api/clients/" + clientId + "/secret", adminToken(), null).statusCode()).isEqualTo(409);
        assertThat(api("GET", "/api/clients", adminToken(), null).body()).contains("\"revoked\":true");
    }

    @Test
    void revokeWhenUnknownClientThenNotFound() throws Exception {
        HttpResponse<String> response = api("DELETE", "/api/clients/mp-nope", adminToken(), null);
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(read(response.body())).containsEntry("error", "no client mp-nope");
        assertThat(api("POST", "/api/clients/mp-nope/secret", adminToken(), null).statusCode()).isEqualTo(404);
    }

    @Test
    void revokeWhenConsoleClientThenConflict() throws Exception {
        HttpResponse<String> response = api("DELETE", "/api/clients/modelport-console", adminToken(), null);
        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(read(response.body()).get("error").toString()).contains("modelport-console");
    }

    @Test
    void rotateSecretWhenClientExistsThenOldFailsNewWorks() throws Exception {
        Map<String, Object> created = create("{\"name\": \"rotating\", \"scopes\": [\"models.infer\"]}");
        String clientId = (String) created.get("clientId");
        String oldSecret = (String) created.get("clientSecret");

        HttpResponse<String> response = api("POST", "/api/clients/" + clientId + "/secret", adminToken(), null);

        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, Object> rotated = read(response.body());
        assertThat(rotated).containsEntry("clientId", clientId).containsOnlyKeys("clientId", "clientSecret");
        String newSecret = (String) rotated.get("clientSecret");
        assertThat(newSecret).isNotEqualTo(oldSecret);
        assertThat(requestToken(clientId, oldSecret, "grant_type=client_credentials").statusCode()).isEqualTo(401);
        assertThat(requestToken(clientId, newSecret, "grant_type=client_credentials").statusCode()).isEqualTo(200);
    }

    @Test
    void changesWhenMadeThenEachWritesOneAuditRecordNamingTheCaller() throws Exception {
        Instant before = Instant.now().minusSeconds(1);
        Map<String, Object> created = create("{\"name\": \"audited\", \"scopes\": [\"models.read\"], \"models\": [\"iris\"]}");
        String clientId = (String) created.get("clientId");
        api("POST", "/api/clients/" + clientId + "/secret", adminToken(), null);
        api("DELETE", "/api/clients/" + clientId, adminToken(), null);
        api("DELETE", "/api/clients/" + clientId, adminToken(), null);

        List<Map<String, Object>> records = jdbc.sql(
                        "SELECT actor, action, details::text AS details, occurred_at FROM audit.audit_record"
                                + " WHERE target = :target ORDER BY id")
                .param("target", clientId)
                .query((row, n) -> Map.<String, Object>of("actor", row.getString("actor"),
                        "action", row.getString("action"), "details", row.getString("details"),
                        "when", row.getTimestamp("occurred_at").toInstant()))
                .list();
        Instant after = Instant.now().plusSeconds(1);
        assertThat(records).extracting(r -> r.get("action"))
                .containsExactly("client.create", "client.secret.rotate", "client.revoke");
        assertThat(records).allSatisfy(r -> assertThat(r.get("actor")).isEqualTo("modelport-cli"));
        assertThat(records).allSatisfy(r -> assertThat((Instant) r.get("when")).isBetween(before, after));
        assertThat(records.getFirst().get("details").toString()).contains("audited").contains("iris");
        assertThat(records.toString()).doesNotContain((String) created.get("clientSecret"));
    }

    @Test
    void apiWhenNoTokenThenUnauthorized() throws Exception {
        HttpResponse<String> response = api("GET", "/api/clients", null, null);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(read(response.body())).containsKey("error");
    }

    @Test
    void apiWhenBadTokenThenUnauthorized() throws Exception {
        String token = adminToken();
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertThat(api("GET", "/api/clients", tampered, null).statusCode()).isEqualTo(401);
        assertThat(api("GET", "/api/clients", "not-a-jwt", null).statusCode()).isEqualTo(401);
    }

    @Test
    void apiWhenTokenLacksAdminScopeThenForbidden() throws Exception {
        Map<String, Object> reader = create("{\"name\": \"no admin\", \"scopes\": [\"models.read\", \"models.infer\"]}");
        String token = accessToken((String) reader.get("clientId"), (String) reader.get("clientSecret"));

        HttpResponse<String> response = api("POST", "/api/clients", token, "{\"name\": \"x\", \"scopes\": [\"models.read\"]}");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(read(response.body()).get("error").toString()).contains("models.admin");
        assertThat(api("GET", "/api/clients", token, null).statusCode()).isEqualTo(403);
        assertThat(api("POST", "/api/keys/rotate", token, null).statusCode()).isEqualTo(403);
    }

    @Test
    void createWhenUnknownScopeThenBadRequestNamingScopes() throws Exception {
        assertBadRequestNaming("{\"name\": \"x\", \"scopes\": [\"models.read\", \"models.delete\"]}", "scopes");
    }

    @Test
    void createWhenNoScopesThenBadRequestNamingScopes() throws Exception {
        assertBadRequestNaming("{\"name\": \"x\", \"scopes\": []}", "scopes");
        assertBadRequestNaming("{\"name\": \"x\"}", "scopes");
    }

    @Test
    void createWhenEmptyNameThenBadRequestNamingName() throws Exception {
        assertBadRequestNaming("{\"name\": \"\", \"scopes\": [\"models.read\"]}", "name");
        assertBadRequestNaming("{\"scopes\": [\"models.read\"]}", "name");
    }

    @Test
    void createWhenOversizeNameThenBadRequestNamingName() throws Exception {
        assertBadRequestNaming("{\"name\": \"" + "n".repeat(101) + "\", \"scopes\": [\"models.read\"]}", "name");
    }

    @Test
    void createWhenOversizeAllowlistThenBadRequestNamingModels() throws Exception {
        String models = IntStream.range(0, 101).mapToObj(i -> "\"model-" + i + "\"").collect(Collectors.joining(","));
        assertBadRequestNaming("{\"name\": \"x\", \"scopes\": [\"models.read\"], \"models\": [" + models + "]}", "models");
    }

    @Test
    void createWhenBadModelNameThenBadRequestNamingTheEntry() throws Exception {
        assertBadRequestNaming("{\"name\": \"x\", \"scopes\": [\"models.read\"], \"models\": [\"ok\", \"Bad Name\"]}",
                "models[1]");
        assertBadRequestNaming("{\"name\": \"x\", \"scopes\": [\"models.read\"], \"models\": [\"" + "m".repeat(65) + "\"]}",
                "models[0]");
        assertBadRequestNaming("{\"name\": \"x\", \"scopes\": [\"models.read\"], \"models\": []}", "models");
    }

    @Test
    void createWhenUnknownTierThenBadRequestNamingTier() throws Exception {
        assertBadRequestNaming("{\"name\": \"x\", \"scopes\": [\"models.read\"], \"tier\": \"platinum\"}", "tier");
    }

    @Test
    void createWhenMalformedJsonThenBadRequest() throws Exception {
        HttpResponse<String> response = api("POST", "/api/clients", adminToken(), "{\"name\": ");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(read(response.body())).containsKey("error");
    }

    private Map<String, Object> create(String body) throws Exception {
        HttpResponse<String> response = api("POST", "/api/clients", adminToken(), body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return read(response.body());
    }

    private void assertBadRequestNaming(String body, String field) throws Exception {
        long before = jdbc.sql("SELECT count(*) FROM api_client").query(Long.class).single();
        HttpResponse<String> response = api("POST", "/api/clients", adminToken(), body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(read(response.body())).containsOnlyKeys("error");
        assertThat(read(response.body()).get("error").toString()).startsWith(field + ":");
        assertThat(jdbc.sql("SELECT count(*) FROM api_client").query(Long.class).single()).isEqualTo(before);
    }
}
