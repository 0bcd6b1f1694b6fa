package dev.modelport.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class PlatformClientTest {

    private static final Secret CLI_SECRET = new Secret("MODELPORT_CLI_SECRET", "s3cret", "/home/me/.modelport/credentials");

    private final PlatformClient client = PlatformClient.create();

    @Test
    void tokenWhenAuthServiceAcceptsThenSendsClientCredentialsAsBasicAuthAndReturnsAccessToken() throws IOException {
        try (StubServer auth = new StubServer().answer("/oauth2/token", 200, "{\"access_token\":\"eyJ.abc\",\"token_type\":\"Bearer\"}")) {
            String token = client.token(auth.endpoint("auth-service"), Authorization.Basic.client("modelport-cli", CLI_SECRET));

            assertThat(token).isEqualTo("eyJ.abc");
            StubServer.Received call = auth.received.getFirst();
            assertThat(call.method()).isEqualTo("POST");
            assertThat(call.authorization()).isEqualTo("Basic "
                    + Base64.getEncoder().encodeToString("modelport-cli:s3cret".getBytes(StandardCharsets.UTF_8)));
            assertThat(call.contentType()).isEqualTo("application/x-www-form-urlencoded");
            assertThat(call.body()).isEqualTo("grant_type=client_credentials");
        }
    }

    @Test
    void tokenWhenAuthServiceAnswers401ThenMessageNamesTheClientAndTheSecretToCheckButNotItsValue() throws IOException {
        try (StubServer auth = new StubServer().answer("/oauth2/token", 401, "{\"error\":\"invalid_client\"}")) {
            Endpoint endpoint = auth.endpoint("auth-service");

            assertThatThrownBy(() -> client.token(endpoint, Authorization.Basic.client("modelport-cli", CLI_SECRET)))
                    .isInstanceOf(PlatformException.class)
                    .hasMessageContaining("auth-service refused client 'modelport-cli'")
                    .hasMessageContaining("check MODELPORT_CLI_SECRET (from /home/me/.modelport/credentials)")
                    .hasMessageContaining("401 to POST " + endpoint.base() + "/oauth2/token")
                    .hasMessageNotContaining("s3cret")
                    .extracting(e -> ((PlatformException) e).status()).isEqualTo(401);
        }
    }

    @Test
    void tokenWhenAnswerIsNotJsonThenMessageNamesTheCallAndShowsTheBody() throws IOException {
        try (StubServer auth = new StubServer().answer("/oauth2/token", 200, "<html>proxy error</html>")) {
            Endpoint endpoint = auth.endpoint("auth-service");

            assertThatThrownBy(() -> client.token(endpoint, Authorization.Basic.client("modelport-cli", CLI_SECRET)))
                    .isInstanceOf(PlatformException.class)
                    .hasMessage("auth-service answered POST " + endpoint.base() + "/oauth2/token with something that is not JSON:"
                            + " <html>proxy error</html>");
        }
    }

    @Test
    void tokenWhenAnswerHasNoAccessTokenThenSaysSo() throws IOException {
        try (StubServer auth = new StubServer().answer("/oauth2/token", 200, "{\"token_type\":\"Bearer\"}")) {
            Endpoint endpoint = auth.endpoint("auth-service");

            assertThatThrownBy(() -> client.token(endpoint, Authorization.Basic.client("modelport-cli", CLI_SECRET)))
                    .hasMessageContaining("without an access_token");
        }
    }

    @Test
    void sendWhenNothingListensThenMessageNamesTheServiceThatIsDownAndItsUrl() throws IOException {
        Endpoint closed = Endpoint.local("config-server", closedPort());

        assertThatThrownBy(() -> client.send(ApiRequest.get(closed, "/actuator/info")))
                .isInstanceOf(PlatformException.class)
                .hasMessage("config-server does not answer on " + closed.base() + " (GET " + closed.base()
                        + "/actuator/info: connection refused); is it running?")
                .extracting(e -> ((PlatformException) e).status()).isEqualTo(0);
    }

    @Test
    void expectWhenOtherStatusThenMessageHasServiceStatusCallAndBodyExcerpt() throws IOException {
        try (StubServer gateway = new StubServer().answer("/api/models/iris", 503, "{\"error\":\n \"no worker\"}")) {
            Endpoint endpoint = gateway.endpoint("gateway");

            assertThatThrownBy(() -> client.json(ApiRequest.get(endpoint, "/api/models/iris"), 200))
                    .hasMessage("gateway answered 503 to GET " + endpoint.base() + "/api/models/iris: {\"error\": \"no worker\"}");
        }
    }

    @Test
    void sendWhenBearerRefusedThenMessageSaysWhoseTokenWasRefused() throws IOException {
        try (StubServer gateway = new StubServer().answer("/api/models", 401, "")) {
            ApiRequest request = ApiRequest.get(gateway.endpoint("gateway"), "/api/models")
                    .as(new Authorization.Bearer("eyJ.abc", "client 'modelport-cli'"));

            assertThatThrownBy(() -> client.send(request).expect(200))
                    .hasMessageStartingWith("gateway refused the token of client 'modelport-cli'")
                    .hasMessageNotContaining("eyJ.abc");
            assertThat(gateway.received.getFirst().authorization()).isEqualTo("Bearer eyJ.abc");
        }
    }

    @Test
    void multipartWhenSentThenCarriesFieldAndFileAsCurlDoes() throws IOException {
        try (StubServer gateway = new StubServer().answer("/api/models/iris/versions", 201, "{\"version\":3}")) {
            Multipart parts = new Multipart().field("description", "demo")
                    .file("file", "iris.onnx", java.net.http.HttpRequest.BodyPublishers.ofString("ONNX"));

            int version = client.json(ApiRequest.post(gateway.endpoint("gateway"), "/api/models/iris/versions").multipart(parts), 201)
                    .path("version").asInt();

            assertThat(version).isEqualTo(3);
            StubServer.Received call = gateway.received.getFirst();
            assertThat(call.contentType()).isEqualTo(parts.contentType());
            String boundary = parts.contentType().substring(parts.contentType().indexOf("boundary=") + 9);
            assertThat(call.body()).isEqualTo("--" + boundary + "\r\nContent-Disposition: form-data; name=\"description\"\r\n\r\ndemo\r\n"
                    + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"iris.onnx\"\r\n"
                    + "Content-Type: application/octet-stream\r\n\r\nONNX\r\n--" + boundary + "--\r\n");
        }
    }

    static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
