package dev.modelport.admin.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.modelport.admin.models.ModelRecords.Rollout;
import dev.modelport.admin.models.ModelRecords.RolloutChange;
import dev.modelport.admin.platform.GatewayClients;
import dev.modelport.admin.platform.PlatformApi;
import dev.modelport.admin.workers.WorkersClient;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** The rollout calls as the gateway receives them. */
class ModelsClientTest {

    /** "METHOD path body" of every request the stand-in gateway received. */
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private HttpServer gateway;
    private ModelsClient models;

    @BeforeEach
    void startGateway() throws IOException {
        gateway = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        gateway.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " " + body);
            byte[] answer = ("DELETE".equals(exchange.getRequestMethod())
                    ? "{\"production\": null, \"canary\": null, \"canaryPercent\": 0, \"shadow\": null}"
                    : "{\"production\": 2, \"canary\": null, \"canaryPercent\": 0, \"shadow\": null}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        gateway.start();
        PlatformApi api = GatewayClients.pointedAt("http://localhost:" + gateway.getAddress().getPort(), "admins-access-token");
        models = new ModelsClient(api, new WorkersClient(api));
        SecurityContextHolder.getContext().setAuthentication(
                new TestingAuthenticationToken("admin", null, "SCOPE_models.admin", "ROLE_ADMIN"));
    }

    @AfterEach
    void stopGateway() {
        gateway.stop(0);
        SecurityContextHolder.clearContext();
    }

    @Test
    void rolloutWhenProductionSetThenPutsTheChange() {
        Rollout after = models.rollout("iris", new RolloutChange(2, null, null, null));

        assertThat(after.production()).isEqualTo(2);
        assertThat(requests).singleElement().asString().startsWith("PUT /api/models/iris/rollout {").contains("\"production\":2");
    }

    @Test
    void rolloutWhenNoProductionThenDeletesTheRollout() {
        Rollout after = models.rollout("iris", new RolloutChange(null, null, null, null));

        assertThat(after.production()).isNull();
        assertThat(requests).containsExactly("DELETE /api/models/iris/rollout ");
    }
}
