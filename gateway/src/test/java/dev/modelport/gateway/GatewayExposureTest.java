package dev.modelport.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What the gateway exposes on its public port beyond the routes: health only. */
@GatewayTest
class GatewayExposureTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void actuatorWhenNoCredentialsThenUnauthorized() throws Exception {
        assertThat(get("/actuator/env", null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
    }

    @Test
    void actuatorWhenInfraCredentialsThenPrometheusServed() throws Exception {
        HttpResponse<String> response = get("/actuator/prometheus", GatewayTest.INFRA_CREDENTIALS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void actuatorWhenWrongPasswordOrUserThenUnauthorized() throws Exception {
        assertThat(get("/actuator/prometheus", "modelport:gateway-test-secreT").statusCode()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", "admin:gateway-test-secret").statusCode()).isEqualTo(401);
    }

    @Test
    void healthWhenNoCredentialsThenPublic() throws Exception {
        assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
    }

    @Test
    void eurekaAndConfigPathsWhenRequestedThenNotRouted() throws Exception {
        // no route exists for them: without a token the gateway says 401 before it looks
        assertThat(get("/eureka/apps", null).statusCode()).isEqualTo(401);
        assertThat(get("/model-service/default", null).statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> get(String path, String credentials) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (credentials != null) {
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
