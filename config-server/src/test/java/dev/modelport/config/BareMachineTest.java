package dev.modelport.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * A machine without RabbitMQ and without an encryption key: nothing asks for the bus, so the
 * config server starts healthy with the bus off (RabbitMQ points at a closed port to prove it is
 * never needed); there is no busrefresh, the git hook endpoint {@code /monitor} still answers,
 * for the infrastructure user, and {@code /encrypt} says that no key is installed.
 */
@ConfigServerTest
@TestPropertySource(properties = {
        "spring.rabbitmq.port=9",
        "management.endpoint.health.show-components=always"})
class BareMachineTest {

    private static final String CREDENTIALS = ConfigServerTest.INFRA_CREDENTIALS;

    @RegisterExtension
    static final TestGitRepo repo = new TestGitRepo("config-bus-off-test");

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void gitBackend(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.config.server.git.uri", () -> repo.root().toString());
        registry.add("spring.cloud.config.server.git.basedir", () -> repo.cloneDirectory().toString());
    }

    @Test
    void healthWhenNoRabbitMqThenUpWithoutRabbitCheck() throws Exception {
        HttpResponse<String> health = new ConfigServerClient(port).get("/actuator/health", CREDENTIALS);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).endsWith("\"status\":\"UP\"}").doesNotContain("rabbit").doesNotContain("binders");
    }

    @Test
    void busRefreshWhenBusOffThenNotAnEndpoint() throws Exception {
        ConfigServerClient server = new ConfigServerClient(port);
        HttpResponse<String> endpoints = server.get("/actuator", CREDENTIALS);
        assertThat(endpoints.body()).contains("/actuator/refresh").doesNotContain("busrefresh");
        assertThat(server.post("/actuator/busrefresh", CREDENTIALS, null, "").statusCode()).isBetween(400, 499);
    }

    @Test
    void monitorWhenPushHookPostsChangedPathThenNamesTheServiceForInfraUserOnly() throws Exception {
        ConfigServerClient server = new ConfigServerClient(port);
        String form = "application/x-www-form-urlencoded";
        HttpResponse<String> hook = server.post("/monitor", CREDENTIALS, form, "path=config-repo/gateway.yml");
        assertThat(hook.statusCode()).isEqualTo(200);
        assertThat(hook.body()).contains("gateway");
        assertThat(server.post("/monitor", null, form, "path=gateway.yml").statusCode()).isEqualTo(401);
    }

    @Test
    void encryptWhenNoKeyConfiguredThenNotFoundJsonAndCipherValuesAreNotServed() throws Exception {
        ConfigServerClient server = new ConfigServerClient(port);
        for (String path : new String[] {"/encrypt", "/decrypt"}) {
            HttpResponse<String> response = server.post(path, CREDENTIALS, "text/plain", "00ff00ff00ff00ff00ff00ff00ff00ff00ff");
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.body()).as(path).startsWith("{\"error\":\"no encryption key is installed");
        }
        repo.commit("auth-service.yml", "modelport:\n  auth:\n    cli-secret: '{cipher}00ff00ff00ff00ff00ff00ff00ff00ff'\n",
                "a cipher this server cannot read");
        HttpResponse<String> config = server.get("/auth-service/default", CREDENTIALS);
        assertThat(config.statusCode()).isEqualTo(200);
        assertThat(config.body()).doesNotContain("00ff00ff00ff")
                .contains("\"invalid.modelport.auth.cli-secret\":\"<n/a>\"");
    }

    @Test
    void actuatorBeyondHealthWhenNoCredentialsThenUnauthorized() throws Exception {
        ConfigServerClient server = new ConfigServerClient(port);
        assertThat(server.get("/actuator/info", null).statusCode()).isEqualTo(401);
        assertThat(server.get("/actuator/info", CREDENTIALS).statusCode()).isEqualTo(200);
    }
}
