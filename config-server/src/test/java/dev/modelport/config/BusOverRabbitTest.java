package dev.modelport.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.modelport.testsupport.RequiredServices;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code MODELPORT_BUS=rabbit} against the machine's RabbitMQ (skipped when it is not running,
 * failed in CI and under bin/test): RabbitMQ's health counts, and one POST to
 * busrefresh refreshes the instances on the bus, this one included (its refresh count moves).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "MODELPORT_INFRA_PASSWORD=config-test-secret",
        "modelport.bus=rabbit",
        "management.endpoint.health.show-components=always",
        "eureka.client.enabled=false"})
class BusOverRabbitTest {

    private static final String CREDENTIALS = "modelport:config-test-secret";
    private static TestGitRepo repo;

    @LocalServerPort
    int port;

    @BeforeAll
    static void requireRabbitMq() throws Exception {
        boolean reachable = reachable("127.0.0.1", 5672);
        assumeTrue(RequiredServices.available(reachable, "RabbitMQ on 127.0.0.1:5672"), "RabbitMQ on 127.0.0.1:5672 is not reachable");
        repo = TestGitRepo.create("config-bus-test");
    }

    @AfterAll
    static void deleteRepo() throws Exception {
        if (repo != null) {
            repo.close();
        }
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

    private static String awaitInfo(ConfigServerClient server, String expected) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        String body = "";
        while (Instant.now().isBefore(deadline) && !body.contains(expected)) {
            body = server.get("/actuator/info", CREDENTIALS).body();
            Thread.sleep(100);
        }
        assertThat(body).contains(expected);
        return body;
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
