package dev.modelport.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.modelport.testsupport.TestTokens;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The inference route's circuit breaker and response timeout against one stand-in worker that is
 * slow or drops connections on command. Small windows and short waits so each state is reached in
 * a few calls; the states are read from the breaker itself, never inferred from timing.
 */
@GatewayTest
@TestPropertySource(properties = {
        "modelport.gateway.security.issuer-uri=" + TestTokens.ISSUER,
        "modelport.gateway.resilience.sliding-window-size=4",
        "modelport.gateway.resilience.minimum-calls=4",
        "modelport.gateway.resilience.failure-rate-threshold=50",
        "modelport.gateway.resilience.slow-call-duration=300ms",
        "modelport.gateway.resilience.slow-call-rate-threshold=50",
        "modelport.gateway.resilience.open-state-wait=1s",
        "modelport.gateway.resilience.half-open-calls=2",
        "modelport.gateway.timeouts.inference-millis=1500"})
class GatewayResilienceTest {

    static final TestTokens tokens = TestTokens.start();
    static final StubBackend worker = new StubBackend();
    static final String INFER = "/v2/models/iris/infer";

    private final HttpClient http = HttpClient.newHttpClient();
    private final String token = tokens.token("resilience", "models.infer");

    @Autowired
    ReactiveResilience4JCircuitBreakerFactory breakers;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        registry.add("modelport.gateway.security.jwk-set-uri", tokens::jwksUri);
        registry.add("spring.cloud.discovery.client.simple.instances.model-service[0].uri", worker::uri);
    }

    @AfterAll
    static void stop() {
        tokens.close();
        worker.close();
    }

    @BeforeEach
    void closedAndHealthy() {
        worker.answerAfter(0);
        // the route's filter creates its breaker with the route settings on first use; never create it here
        breakers.getCircuitBreakerRegistry().find("inference").ifPresent(CircuitBreaker::reset);
    }

    @Test
    void breakerWhenCallsFailThenOpensAndAnswers503JsonWithRetryAfterWithoutCallingTheWorker() throws Exception {
        worker.dropConnections();
        for (int i = 0; i < 4; i++) {
            assertThat(infer().statusCode()).as("a dropped connection").isEqualTo(502);
        }
        assertThat(breaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);
        int seen = worker.seen.size();

        HttpResponse<String> refused = infer();

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.body()).isEqualTo("{\"error\":\"service unavailable; retry after the time in Retry-After\"}");
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(worker.seen).as("an open breaker never calls the worker").hasSize(seen);
    }

    @Test
    void breakerWhenCallsAreSlowThenOpensEvenThoughTheyAnswered() throws Exception {
        worker.answerAfter(500);
        for (int i = 0; i < 4; i++) {
            assertThat(infer().statusCode()).as("slow, but answered").isEqualTo(200);
        }

        assertThat(breaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(infer().statusCode()).isEqualTo(503);
    }

    @Test
    void breakerWhenOpenWaitIsOverAndTrialCallsSucceedThenHalfOpensAndCloses() throws Exception {
        worker.dropConnections();
        for (int i = 0; i < 4; i++) {
            infer();
        }
        assertThat(breaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);
        worker.answerAfter(0);

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> infer().statusCode() == 200);
        assertThat(breaker().getState()).as("after the first trial call").isEqualTo(CircuitBreaker.State.HALF_OPEN);
        assertThat(infer().statusCode()).isEqualTo(200);

        assertThat(breaker().getState()).as("after both trial calls succeeded").isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void breakerWhenTrialCallFailsThenOpensAgain() throws Exception {
        worker.dropConnections();
        for (int i = 0; i < 4; i++) {
            infer();
        }
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> infer().statusCode() == 502);
        infer();

        assertThat(breaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);
    }

    @Test
    void responseWhenWorkerAnswersPastTheRouteTimeoutThen504Json() throws Exception {
        worker.answerAfter(3000);

        HttpResponse<String> timedOut = infer();

        assertThat(timedOut.statusCode()).isEqualTo(504);
        assertThat(timedOut.body()).isEqualTo("{\"error\":\"upstream service timed out\"}");
    }

    private CircuitBreaker breaker() {
        return breakers.getCircuitBreakerRegistry().find("inference").orElseThrow();
    }

    private HttpResponse<String> infer() throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + INFER))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void getWhenWorkerSays503ThenMetadataRetriedButManagementAnsweredAtOnce() throws Exception {
        String reader = tokens.token("resilience-reader", "models.read");
        String unavailable = "{\"error\":\"the model-service database is unavailable (down or busy); nothing was changed, retry in 5 s\"}";
        worker.answerWith(503, unavailable);
        try {
            int before = worker.seen.size();
            HttpResponse<String> management = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/models"))
                    .header("Authorization", "Bearer " + reader).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(management.statusCode()).isEqualTo(503);
            assertThat(management.body()).isEqualTo(unavailable);
            assertThat(management.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(worker.seen.size() - before).as("the database is the same on every worker: asked once").isEqualTo(1);

            before = worker.seen.size();
            HttpResponse<String> metadata = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v2/models/iris"))
                    .header("Authorization", "Bearer " + reader).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(metadata.statusCode()).isEqualTo(503);
            assertThat(worker.seen.size() - before).as("a worker not ready yet: the next one is tried, twice").isEqualTo(3);
        } finally {
            worker.answerAfter(0);
        }
    }
}
