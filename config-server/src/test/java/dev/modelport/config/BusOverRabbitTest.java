package dev.modelport.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.modelport.testsupport.RequiredServices;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * {@code MODELPORT_BUS=rabbit} against the machine's RabbitMQ (skipped when it is not running,
 * failed in CI and under bin/test): RabbitMQ's health counts, and one POST to
 * busrefresh refreshes the instances on the bus, this one included (its refresh count moves).
 */
@ConfigServerTest
@TestPropertySource(properties = {
        "modelport.bus=rabbit",
        "management.endpoint.health.show-components=always"})
class BusOverRabbitTest {

    private static final String CREDENTIALS = ConfigServerTest.INFRA_CREDENTIALS;

    @RegisterExtension
    static final TestGitRepo repo = new TestGitRepo("config-bus-test");

    @LocalServerPort
    int port;

    @BeforeAll
    static void requireRabbitMq() {
        boolean reachable = reachable("127.0.0.1", 5672);
        assumeTrue(RequiredServices.available(reachable, "RabbitMQ on 127.0.0.1:5672"), "RabbitMQ on 127.0.0.1:5672 is not reachable");
    }

    @DynamicPropertySource
    static void gitBackend(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.config.server.git.uri", () -> repo.root().toString());
        registry.add("spring.cloud.config.server.git.basedir", () -> repo.cloneDirectory().toString());
    }

    @Test
    void busRefreshWhenPostedThenAcceptedAndThisInstanceRefreshes() throws Exception {
        ConfigServerClient server = new ConfigServerClient(port);
        HttpResponse<String> health = server.get("/actuator/health", CREDENTIALS);
        assertThat(health.body()).endsWith("\"status\":\"UP\"}").contains("\"rabbit\":{\"status\":\"UP\"}");

        HttpResponse<String> refresh = server.post("/actuator/busrefresh", CREDENTIALS, null, "");
        assertThat(refresh.statusCode()).isEqualTo(204);
        assertThat(awaitInfo(server, "\"refreshes\":1")).contains("\"lastRefresh\"");
        assertThat(server.post("/actuator/busrefresh", null, null, "").statusCode()).isEqualTo(401);
    }

    private static String awaitInfo(ConfigServerClient server, String expected) {
        return await("/actuator/info containing " + expected).atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .until(() -> server.get("/actuator/info", CREDENTIALS).body(), body -> body.contains(expected));
    }

    private static boolean reachable(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
