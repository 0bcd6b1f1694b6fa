package dev.modelport.model.api;

import dev.modelport.testsupport.TestDatabase;
import dev.modelport.testsupport.TestTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real model-service on a random port, against real PostgreSQL, trusting tokens from
 * {@link TestTokens}. Test classes extending it share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "MODELPORT_INFRA_PASSWORD=model-test-secret",
        "eureka.client.enabled=false",
        "spring.cloud.config.enabled=false",
        "spring.servlet.multipart.max-file-size=3MB",
        "spring.servlet.multipart.max-request-size=3MB"})
abstract class ApiTestSupport {

    static final TestTokens TOKENS = TestTokens.start();
    static final Path SPOOL = temporaryDirectory("spool");
    static final String ADMIN = TOKENS.token("ops-bot", "models.admin", "models.read", "models.infer");
    static final String READER = TOKENS.token("dashboard", "models.read");
    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void platform(DynamicPropertyRegistry registry) {
        TestDatabase.Coordinates db = TestDatabase.create("model_api");
        registry.add("spring.datasource.url", db::url);
        registry.add("spring.datasource.username", db::username);
        registry.add("spring.datasource.password", db::password);
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> TestTokens.ISSUER);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TOKENS::jwksUri);
        registry.add("modelport.storage.upload-directory", SPOOL::toString);
        registry.add("modelport.storage.cache-directory", () -> temporaryDirectory("cache").toString());
    }

    /** A model name no other test uses. */
    static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    HttpResponse<String> upload(String token, String model, byte[] file, String description) throws Exception {
        return send(multipart(token, "/api/models/" + model + "/versions", file, description));
    }

    HttpRequest multipart(String token, String path, byte[] file, String description) {
        String boundary = "----modelport" + UUID.randomUUID();
        StringBuilder head = new StringBuilder();
        if (description != null) {
            head.append("--").append(boundary).append("\r\n")
                    .append("Content-Disposition: form-data; name=\"description\"\r\n\r\n")
                    .append(description).append("\r\n");
        }
        head.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"file\"; filename=\"model.onnx\"\r\n")
                .append("Content-Type: application/octet-stream\r\n\r\n");
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        return request(token, path)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(
                        HttpRequest.BodyPublishers.ofString(head.toString()),
                        HttpRequest.BodyPublishers.ofByteArray(file),
                        HttpRequest.BodyPublishers.ofByteArray(tail)))
                .build();
    }

    HttpResponse<String> get(String token, String path) throws Exception {
        return send(request(token, path).GET().build());
    }

    HttpResponse<String> postJson(String token, String path, String body) throws Exception {
        return send(request(token, path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    HttpResponse<String> putJson(String token, String path, String body) throws Exception {
        return send(request(token, path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    HttpResponse<String> patchJson(String token, String path, String body) throws Exception {
        return send(request(token, path).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)).build());
    }

    HttpResponse<String> delete(String token, String path) throws Exception {
        return send(request(token, path).DELETE().build());
    }

    HttpClient http() {
        return http;
    }

    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    long count(String table, String where, Object... params) {
        var sql = jdbc.sql("SELECT count(*) FROM " + table + (where.isEmpty() ? "" : " WHERE " + where));
        for (int i = 0; i < params.length; i++) {
            sql = sql.param(i + 1, params[i]);
        }
        return sql.query(Long.class).single();
    }

    private HttpRequest.Builder request(String token, String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private static Path temporaryDirectory(String name) {
        try {
            return Files.createTempDirectory("model-service-" + name);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
