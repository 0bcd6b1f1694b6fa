package dev.modelport.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelport.model.testing.ModelServiceTest;
import dev.modelport.testsupport.TestDatabase;
import dev.modelport.testsupport.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@ModelServiceTest
class HealthEndpointsTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    private static final TestTokens TOKENS = TestTokens.start();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> TestTokens.ISSUER);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TOKENS::jwksUri);
        TestDatabase.Coordinates db = TestDatabase.create("model_health");
        registry.add("spring.datasource.url", db::url);
        registry.add("spring.datasource.username", db::username);
        registry.add("spring.datasource.password", db::password);
    }

    @Test
    void liveWhenRunningThenOk() throws Exception {
        HttpResponse<String> response = get("/v2/health/live");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"live\":true");
    }

    @Test
    void readyWhenDatabaseAnswersThenOk() throws Exception {
        HttpResponse<String> response = get("/v2/health/ready");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"ready\":true");
    }

    @Test
    void serverMetadataWhenTokenThenNamesModelPortAndTheBinaryTensorExtension() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v2"))
                        .header("Authorization", "Bearer " + TOKENS.token("dashboard", "models.read")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"name\":\"modelport\"", "\"extensions\":[\"binary_tensor_data\"]");
    }

    @Test
    void serverMetadataWhenNoTokenThenUnauthorized() throws Exception {
        assertThat(get("/v2").statusCode()).isEqualTo(401);
    }

    @Test
    void prometheusWhenNoCredentialsThenUnauthorized() throws Exception {
        assertThat(get("/actuator/prometheus").statusCode()).isEqualTo(401);
        assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
    }

    @Test
    void apiDocsWhenNoTokenThenDescribeTheInferenceAndModelApis() throws Exception {
        HttpResponse<String> response = get("/v3/api-docs");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"openapi\"", "/v2/models/{name}/infer", "/api/models");
        assertThat(response.body()).as("actuator is not an API of ours").doesNotContain("/actuator");
    }

    @Test
    void batchingWhenInfrastructureUserThenSettingsInForce() throws Exception {
        HttpResponse<String> response = getAsInfrastructure("/actuator/batching");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).as("batching is off by default").contains("\"defaults\":{\"enabled\":false", "\"overrides\":{", "\"serving\":{");
        assertThat(get("/actuator/batching").statusCode()).isEqualTo(401);
    }

    @Test
    void healthWhenInfrastructureUserThenCatalogDetailsShownWhileProbesSeeOnlyTheStatus() throws Exception {
        HttpResponse<String> infra = getAsInfrastructure("/actuator/health");
        assertThat(infra.statusCode()).isEqualTo(200);
        assertThat(infra.body()).contains("\"catalog\":{", "\"reachable\":", "\"serving\":");

        HttpResponse<String> probe = get("/actuator/health");
        assertThat(probe.statusCode()).isEqualTo(200);
        assertThat(probe.body()).contains("\"status\":\"UP\"").doesNotContain("components", "catalog");
    }

    private HttpResponse<String> getAsInfrastructure(String path) throws Exception {
        String basic = Base64.getEncoder().encodeToString(ModelServiceTest.INFRA_CREDENTIALS.getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Authorization", "Basic " + basic).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
