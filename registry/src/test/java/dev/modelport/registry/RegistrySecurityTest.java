package dev.modelport.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "MODELPORT_INFRA_PASSWORD=registry-test-secret",
        "eureka.client.register-with-eureka=false"})
class RegistrySecurityTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void appsWhenNoCredentialsThenUnauthorized() throws Exception {
        assertThat(get("/eureka/apps", null).statusCode()).isEqualTo(401);
    }

    @Test
    void appsWhenInfraCredentialsThenListed() throws Exception {
        HttpResponse<String> response = get("/eureka/apps", "modelport:registry-test-secret");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("applications");
    }

    @Test
    void appsWhenWrongPasswordThenUnauthorized() throws Exception {
        assertThat(get("/eureka/apps", "modelport:guess").statusCode()).isEqualTo(401);
    }

    @Test
    void healthWhenNoCredentialsThenPublic() throws Exception {
        HttpResponse<String> response = get("/actuator/health", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("UP");
    }

    @Test
    void prometheusWhenNoCredentialsThenUnauthorized() throws Exception {
        assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", "modelport:registry-test-secret").statusCode()).isEqualTo(200);
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
