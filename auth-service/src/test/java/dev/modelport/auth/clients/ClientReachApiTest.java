package dev.modelport.auth.clients;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import dev.modelport.auth.AuthServiceIntegrationTest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A model admin (models.admin limited to iris) through the management API: it delegates, never escalates. */
@ExtendWith(OutputCaptureExtension.class)
class ClientReachApiTest extends AuthServiceIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    private String modelAdminId;
    private String modelAdmin;

    @BeforeEach
    void modelAdmin() throws Exception {
        Map<String, Object> created = create(adminToken(), """
                {"name": "iris admin", "scopes": ["models.admin", "models.read"], "models": ["iris"], "tier": "standard"}""");
        modelAdminId = (String) created.get("clientId");
        modelAdmin = accessToken(modelAdminId, (String) created.get("clientSecret"));
    }

    @Test
    void createWhenWithinTheModelAdminsReachThenDelegatedClientIsLimitedToIt() throws Exception {
        Map<String, Object> created = create(modelAdmin,
                "{\"name\": \"iris reader\", \"scopes\": [\"models.read\"], \"models\": [\"iris\"], \"tier\": \"free\"}");

        var claims = SignedJWT.parse(accessToken((String) created.get("clientId"), (String) created.get("clientSecret")))
                .getJWTClaimsSet();
        assertThat(claims.getStringListClaim("models")).containsExactly("iris");
        assertThat(claims.getStringListClaim("scope")).containsExactly("models.read");
        assertThat(claims.getStringClaim("tier")).isEqualTo("free");
        assertThat(jdbc.sql("SELECT reach FROM audit.audit_record WHERE target = :id AND action = 'client.create'")
                .param("id", created.get("clientId")).query((row, n) -> List.of((String[]) row.getArray(1).getArray()))
                .single()).containsExactly("iris");
    }

    @Test
    void createWhenBeyondTheCallersReachThenForbiddenNamingThePartAndNothingWritten(CapturedOutput output)
            throws Exception {
        Map<String, String> refusals = Map.of(
                "{\"name\": \"escalated\", \"scopes\": [\"models.admin\"]}", "models: every model is beyond",
                "{\"name\": \"x\", \"scopes\": [\"models.infer\"], \"models\": [\"iris\"]}", "scopes: models.infer beyond",
                "{\"name\": \"x\", \"scopes\": [\"models.read\"], \"models\": [\"iris\", \"fraud\"]}", "models: [fraud] beyond",
                "{\"name\": \"x\", \"scopes\": [\"models.read\"], \"models\": [\"iris\"], \"tier\": \"premium\"}",
                "tier: 'premium' is above the caller's tier 'standard'");
        for (Map.Entry<String, String> refusal : refusals.entrySet()) {
            long clients = count("SELECT count(*) FROM api_client");
            long registeredClients = count("SELECT count(*) FROM oauth2_registered_client");
            long audit = count("SELECT count(*) FROM audit.audit_record");

            HttpResponse<String> response = api("POST", "/api/clients", modelAdmin, refusal.getKey());

            assertThat(response.statusCode()).as(refusal.getKey()).isEqualTo(403);
            assertThat(read(response.body())).containsOnlyKeys("error");
            assertThat(read(response.body()).get("error").toString()).startsWith(refusal.getValue());
            assertThat(count("SELECT count(*) FROM api_client")).isEqualTo(clients);
            assertThat(count("SELECT count(*) FROM oauth2_registered_client")).isEqualTo(registeredClients);
            assertThat(count("SELECT count(*) FROM audit.audit_record")).isEqualTo(audit);
        }
        assertThat(output.getOut().lines().filter(line -> line.contains("\"event\":\"refused\"")
                        && line.contains("\"caller\":\"" + modelAdminId + "\"") && line.contains("\"route\":\"/api/clients\"")
                        && line.contains("\"status\":403")))
                .as("one security line per refused call").hasSize(refusals.size());
    }

    @Test
    void listWhenModelAdminThenOnlyClientsInsideItsReach() throws Exception {
        Map<String, Object> inside = create(modelAdmin, "{\"name\": \"in\", \"scopes\": [\"models.read\"], \"models\": [\"iris\"]}");
        Map<String, Object> wider = create(adminToken(),
                "{\"name\": \"wider\", \"scopes\": [\"models.read\"], \"models\": [\"iris\", \"fraud\"]}");

        List<String> listed = clientIds(api("GET", "/api/clients", modelAdmin, null).body());

        assertThat(listed).contains((String) inside.get("clientId"), modelAdminId)
                .doesNotContain((String) wider.get("clientId"), "modelport-cli", "modelport-console");
        assertThat(clientIds(api("GET", "/api/clients", adminToken(), null).body()))
                .contains((String) wider.get("clientId"), "modelport-cli", "modelport-console");
    }

    private List<String> clientIds(String body) {
        return json.readTree(body).valueStream().map(client -> client.get("clientId").asString()).toList();
    }

    @Test
    void rotateOrRevokeWhenClientOutsideTheReachThenNotFoundAsIfMissingAndUnchanged(CapturedOutput output)
            throws Exception {
        Map<String, Object> wider = create(adminToken(),
                "{\"name\": \"wider\", \"scopes\": [\"models.read\"], \"models\": [\"iris\", \"fraud\"]}");
        String widerId = (String) wider.get("clientId");
        long audit = count("SELECT count(*) FROM audit.audit_record");

        for (String clientId : List.of("modelport-cli", "modelport-console", widerId)) {
            HttpResponse<String> rotate = api("POST", "/api/clients/" + clientId + "/secret", modelAdmin, null);
            assertThat(rotate.statusCode()).as(clientId).isEqualTo(404);
            assertThat(read(rotate.body())).containsExactly(Map.entry("error", "no client " + clientId));
            HttpResponse<String> revoke = api("DELETE", "/api/clients/" + clientId, modelAdmin, null);
            assertThat(revoke.statusCode()).as(clientId).isEqualTo(404);
            assertThat(read(revoke.body())).containsExactly(Map.entry("error", "no client " + clientId));
        }
        assertThat(read(api("DELETE", "/api/clients/mp-missing", modelAdmin, null).body()))
                .as("the same answer as for a client that does not exist")
                .containsExactly(Map.entry("error", "no client mp-missing"));

        assertThat(requestToken("modelport-cli", CLI_SECRET, "grant_type=client_credentials").statusCode()).isEqualTo(200);
        assertThat(accessToken(widerId, (String) wider.get("clientSecret"))).isNotBlank();
        assertThat(count("SELECT count(*) FROM audit.audit_record")).isEqualTo(audit);
        assertThat(output.getOut()).contains("\"caller\":\"" + modelAdminId
                + "\",\"method\":\"POST\",\"route\":\"/api/clients/modelport-cli/secret\",\"status\":404,"
                + "\"reason\":\"the client is outside the caller's reach\"");
    }

    @Test
    void rotateAndRevokeWhenClientInsideTheReachThenAllowed() throws Exception {
        Map<String, Object> inside = create(modelAdmin, "{\"name\": \"in\", \"scopes\": [\"models.read\"], \"models\": [\"iris\"]}");
        String clientId = (String) inside.get("clientId");

        assertThat(api("POST", "/api/clients/" + clientId + "/secret", modelAdmin, null).statusCode()).isEqualTo(200);
        assertThat(api("DELETE", "/api/clients/" + clientId, modelAdmin, null).statusCode()).isEqualTo(204);
    }

    @Test
    void rotateKeysWhenModelAdminThenForbiddenAndNoNewKey() throws Exception {
        long keys = count("SELECT count(*) FROM signing_key");

        HttpResponse<String> response = api("POST", "/api/keys/rotate", modelAdmin, null);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(read(response.body())).containsExactly(Map.entry("error",
                "rotating the signing keys is for platform admins only: this token is limited to models [iris]"));
        assertThat(count("SELECT count(*) FROM signing_key")).isEqualTo(keys);
    }

    private Map<String, Object> create(String token, String body) throws Exception {
        HttpResponse<String> response = api("POST", "/api/clients", token, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return read(response.body());
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
