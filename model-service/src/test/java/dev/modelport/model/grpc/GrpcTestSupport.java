package dev.modelport.model.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.modelport.model.grpc.v2.GRPCInferenceServiceGrpc;
import dev.modelport.model.testing.ModelServiceTest;
import dev.modelport.testsupport.TestDatabase;
import dev.modelport.testsupport.TestTokens;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.grpc.server.lifecycle.GrpcServerLifecycle;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * A real model-service, as {@code api.ApiTestSupport} starts it (random HTTP port, real PostgreSQL, tokens from
 * {@link TestTokens}), with its gRPC server on a free port and a plaintext channel to it. Models are deployed over
 * REST, as an operator would.
 */
@ModelServiceTest
@TestPropertySource(properties = "spring.grpc.server.port=0")
abstract class GrpcTestSupport {

    static final TestTokens TOKENS = TestTokens.start();
    static final String ADMIN = TOKENS.token("ops-bot", "models.admin", "models.read", "models.infer");
    static final String READER = TOKENS.token("dashboard", "models.read");
    static final String INFERRER = TOKENS.token("scorer", "models.infer");

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int httpPort;

    @Autowired
    GrpcServerLifecycle grpcServer;

    ManagedChannel channel;

    @DynamicPropertySource
    static void platform(DynamicPropertyRegistry registry) {
        TestDatabase.Coordinates db = TestDatabase.create("model_grpc");
        registry.add("spring.datasource.url", db::url);
        registry.add("spring.datasource.username", db::username);
        registry.add("spring.datasource.password", db::password);
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> TestTokens.ISSUER);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TOKENS::jwksUri);
        registry.add("modelport.storage.upload-directory", () -> temporaryDirectory("spool").toString());
        registry.add("modelport.storage.cache-directory", () -> temporaryDirectory("cache").toString());
    }

    @BeforeEach
    void openChannel() {
        assertThat(grpcServer.getPort()).as("the gRPC server listens on a port of its own").isPositive();
        channel = Grpc.newChannelBuilderForAddress("localhost", grpcServer.getPort(), InsecureChannelCredentials.create())
                .build();
    }

    @AfterEach
    void closeChannel() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    /** A blocking stub sending {@code authorization: Bearer <token>}; none when the token is null. */
    GRPCInferenceServiceGrpc.GRPCInferenceServiceBlockingStub stub(String token) {
        GRPCInferenceServiceGrpc.GRPCInferenceServiceBlockingStub stub = GRPCInferenceServiceGrpc.newBlockingStub(channel)
                .withDeadlineAfter(30, TimeUnit.SECONDS);
        if (token == null) {
            return stub;
        }
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
        return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    }

    /** Uploads the model over REST as version 1, rolls it out to production and waits until this worker serves it. */
    String deploy(byte[] onnx) throws Exception {
        String model = "grpc-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> uploaded = send(upload(model, onnx));
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        HttpResponse<String> rolledOut = send(request("/api/models/" + model + "/rollout")
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"production\": 1}")).build());
        assertThat(rolledOut.statusCode()).as(rolledOut.body()).isEqualTo(200);
        await(model + " version 1 ready").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> send(request("/v2/models/" + model + "/versions/1/ready").GET().build()).statusCode() == 200);
        return model;
    }

    private HttpRequest upload(String model, byte[] onnx) {
        String boundary = "----modelport" + UUID.randomUUID();
        String head = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"model.onnx\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n";
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        return request("/api/models/" + model + "/versions")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofString(head),
                        HttpRequest.BodyPublishers.ofByteArray(onnx), HttpRequest.BodyPublishers.ofByteArray(tail)))
                .build();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + path))
                .header("Authorization", "Bearer " + ADMIN);
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static Path temporaryDirectory(String name) {
        try {
            return Files.createTempDirectory("model-service-grpc-" + name);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
