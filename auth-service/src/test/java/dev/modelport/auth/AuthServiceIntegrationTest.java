package dev.modelport.auth;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import dev.modelport.testsupport.TestDatabase;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The running auth-service on a fresh PostgreSQL database. Every integration test extends this
 * class, so they share one application context and one database: tests create their own
 * clients and never assume an empty table.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "MODELPORT_INFRA_PASSWORD=auth-test-infra",
        "MODELPORT_ADMIN_PASSWORD=" + AuthServiceIntegrationTest.ADMIN_PASSWORD,
        "MODELPORT_CLI_SECRET=" + AuthServiceIntegrationTest.CLI_SECRET,
        "MODELPORT_CONSOLE_SECRET=" + AuthServiceIntegrationTest.CONSOLE_SECRET,
        "MODELPORT_KEY_ENCRYPTION_SECRET=auth-test-key-encryption-secret",
        "modelport.auth.issuer-uri=" + AuthServiceIntegrationTest.ISSUER,
        "spring.datasource.hikari.maximum-pool-size=5",
        "eureka.client.enabled=false",
        "spring.cloud.config.enabled=false"})
public abstract class AuthServiceIntegrationTest {

    protected static final String ISSUER = "http://issuer.test";
    protected static final String ADMIN_PASSWORD = "auth-test-admin-password";
    protected static final String CLI_SECRET = "auth-test-cli-secret";
    protected static final String CONSOLE_SECRET = "auth-test-console-secret";

    protected final HttpClient http = HttpClient.newHttpClient();
    protected final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.Coordinates db = TestDatabase.create("auth_it");
        registry.add("spring.datasource.url", db::url);
        registry.add("spring.datasource.username", db::username);
        registry.add("spring.datasource.password", db::password);
    }

    protected HttpResponse<String> requestToken(String clientId, String secret, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(uri("/oauth2/token"))
                        .header("Authorization", basic(clientId, secret))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A client_credentials access token; fails the test if there is none. */
    protected String accessToken(String clientId, String secret) throws Exception {
        HttpResponse<String> response = requestToken(clientId, secret, "grant_type=client_credentials");
        if (response.statusCode() != 200) {
            throw new AssertionError("no token for " + clientId + ": " + response.statusCode() + " " + response.body());
        }
        return (String) read(response.body()).get("access_token");
    }

    protected String adminToken() throws Exception {
        return accessToken("modelport-cli", CLI_SECRET);
    }

    protected HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    protected HttpResponse<String> api(String method, String path, String token, String jsonBody) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(jsonBody))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Verifies a JWT against the keys {@code /oauth2/jwks} publishes right now. */
    protected boolean verifiesAgainstJwks(String token) throws Exception {
        SignedJWT jwt = SignedJWT.parse(token);
        RSAKey key = (RSAKey) JWKSet.parse(get("/oauth2/jwks").body()).getKeyByKeyId(jwt.getHeader().getKeyID());
        return key != null && !key.isPrivate() && jwt.verify(new RSASSAVerifier(key));
    }

    @SuppressWarnings("unchecked")
    protected Map<String, Object> read(String body) {
        return json.readValue(body, Map.class);
    }

    protected URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    protected static String basic(String user, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    protected static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
