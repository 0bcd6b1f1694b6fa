package dev.modelport.admin.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.modelport.admin.security.IssuedTokens;
import dev.modelport.admin.security.SignInExpiredException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.client.RestClient;

class PlatformApiTest {

    /** The Authorization header of every request the stand-in gateway received. */
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private HttpServer gateway;
    private PlatformApi api;

    @BeforeEach
    void startGateway() throws IOException {
        gateway = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        gateway.createContext("/", exchange -> {
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst(HttpHeaders.AUTHORIZATION)));
            byte[] body = "[]".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add(HttpHeaders.CONTENT_TYPE, "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        gateway.start();
        api = new PlatformApi(RestClient.builder(), new PlatformApi.GatewayProperties(
                "http://localhost:" + gateway.getAddress().getPort()), IssuedTokens.issuing("admins-access-token"));
    }

    @AfterEach
    void stopGateway() {
        gateway.stop(0);
        SecurityContextHolder.clearContext();
    }

    @Test
    void restWhenAdminSignedInThenSendsTheirBearerToken() {
        SecurityContextHolder.getContext().setAuthentication(
                new TestingAuthenticationToken("admin", null, "SCOPE_models.admin", "ROLE_ADMIN"));

        api.rest().get().uri("/api/models").retrieve().body(String.class);
        api.quick().get().uri("/api/workers").retrieve().body(String.class);

        assertThat(authorizations).containsExactly("Bearer admins-access-token", "Bearer admins-access-token");
    }

    @Test
    void restWhenNobodySignedInThenNoRequestLeaves() {
        assertThatThrownBy(() -> api.rest().get().uri("/api/models").retrieve().body(String.class))
                .isInstanceOf(SignInExpiredException.class);
        assertThat(authorizations).isEmpty();
    }

    @Test
    void errorOfWhenJsonErrorThenItsText() throws Exception {
        assertThat(PlatformApi.errorOf(response(400, "{\"error\": \"not an ONNX file\"}"))).isEqualTo("not an ONNX file");
    }

    @Test
    void errorOfWhenNoBodyThenStatus() throws Exception {
        assertThat(PlatformApi.errorOf(response(404, ""))).isEqualTo("404");
    }

    private static ClientHttpResponse response(int status, String body) {
        return new ClientHttpResponse() {
            @Override
            public HttpStatusCode getStatusCode() {
                return HttpStatus.valueOf(status);
            }

            @Override
            public String getStatusText() {
                return "";
            }

            @Override
            public void close() {
            }

            @Override
            public InputStream getBody() {
                return new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8));
            }

            @Override
            public HttpHeaders getHeaders() {
                return new HttpHeaders();
            }
        };
    }
}
