package dev.modelport.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelport.testsupport.TestTokens;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Inference POSTs while one of two workers crashes: it reads each request, then resets the
 * connection or closes it without an answer, as a worker killed with requests in flight does.
 * Each such request is retried once, on the other worker, however many arrive at once.
 */
@GatewayTest
@TestPropertySource(properties = {
        "modelport.gateway.security.issuer-uri=" + TestTokens.ISSUER,
        // the breaker must not open on the crashing worker's failures while the test counts them
        "modelport.gateway.resilience.minimum-calls=1000",
        "modelport.gateway.resilience.sliding-window-size=1000"})
class GatewayRetryTest {

    static final TestTokens tokens = TestTokens.start();
    static final CrashingWorker crashing = new CrashingWorker();
    static final StubBackend healthy = new StubBackend();
    static final String INFER = "/v2/models/iris/infer";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String token = tokens.token("retry", "models.infer");

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        registry.add("modelport.gateway.security.jwk-set-uri", tokens::jwksUri);
        registry.add("spring.cloud.discovery.client.simple.instances.model-service[0].uri", crashing::uri);
        registry.add("spring.cloud.discovery.client.simple.instances.model-service[1].uri", healthy::uri);
    }

    @AfterAll
    static void stop() throws IOException {
        tokens.close();
        crashing.close();
        healthy.close();
    }

    @BeforeEach
    void countFromZero() {
        crashing.requestIds.clear();
        healthy.seen.clear();
        healthy.answerAfter(0);
    }

    @Test
    void inferenceWhenAWorkerResetsConnectionsThenEachRequestIsRetriedOnTheOtherAndNoneFails() throws Exception {
        crashing.reset = true;
        assertEveryConcurrentRequestAnsweredByTheHealthyWorker();
    }

    @Test
    void inferenceWhenAWorkerClosesConnectionsBeforeAnsweringThenEachRequestIsRetriedOnTheOtherAndNoneFails()
            throws Exception {
        crashing.reset = false;
        assertEveryConcurrentRequestAnsweredByTheHealthyWorker();
    }

    /**
     * Forty at once: the round robin moves on between a request's first try and its retry, so
     * without remembering the instance that failed, some retries would land on it again.
     */
    private void assertEveryConcurrentRequestAnsweredByTheHealthyWorker() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            calls.add(http.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + port + INFER))
                    .timeout(Duration.ofSeconds(20)).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"inputs\":[]}")).build(), HttpResponse.BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> call : calls) {
            HttpResponse<String> response = call.get(30, TimeUnit.SECONDS);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        }
        assertThat(healthy.seen).as("every request answered once, by the healthy worker").hasSize(40);
        assertThat(healthy.seen).allSatisfy(seen -> assertThat(seen.bodyBytes()).isEqualTo("{\"inputs\":[]}".length()));
        assertThat(crashing.requestIds).as("some requests reached the crashing worker first").isNotEmpty();
        assertThat(crashing.requestIds).as("none was sent to the crashing worker twice").doesNotHaveDuplicates();
    }

    /** Reads a request (headers and body), remembers its X-Request-Id, then resets or closes the connection. */
    static final class CrashingWorker implements AutoCloseable {

        final List<String> requestIds = new CopyOnWriteArrayList<>();
        volatile boolean reset = true;
        private final ServerSocket server;

        CrashingWorker() {
            try {
                server = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            Thread.ofVirtual().name("crashing-worker").start(this::acceptUntilClosed);
        }

        String uri() {
            return "http://127.0.0.1:" + server.getLocalPort();
        }

        private void acceptUntilClosed() {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    Thread.ofVirtual().start(() -> crash(socket));
                } catch (IOException closed) {
                    return;
                }
            }
        }

        private void crash(Socket socket) {
            try (socket) {
                InputStream in = socket.getInputStream();
                int length = 0;
                for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
                    String lower = line.toLowerCase(Locale.ROOT);
                    if (lower.startsWith("content-length:")) {
                        length = Integer.parseInt(line.substring(line.indexOf(':') + 1).trim());
                    } else if (lower.startsWith("x-request-id:")) {
                        requestIds.add(line.substring(line.indexOf(':') + 1).trim());
                    }
                }
                in.readNBytes(length);
                if (reset) {
                    socket.setSoLinger(true, 0);
                }
            } catch (IOException e) {
                // the gateway gave up on this connection first: nothing to crash
            }
        }

        private static String readLine(InputStream in) throws IOException {
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
