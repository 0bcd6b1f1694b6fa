package dev.modelport.model.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.onnx.proto.OnnxMl.ModelProto;
import dev.modelport.model.testing.ModelServiceTest;
import dev.modelport.testsupport.TestDatabase;
import dev.modelport.testsupport.TestTokens;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ServletContext;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real model-service on a random port, against real PostgreSQL, trusting tokens from
 * {@link TestTokens}. Test classes extending it share one application context.
 */
@ModelServiceTest
@TestPropertySource(properties = {
        "spring.servlet.multipart.max-file-size=3MB",
        "spring.servlet.multipart.max-request-size=3MB"})
abstract class ApiTestSupport {

    static final TestTokens TOKENS = TestTokens.start();
    static final Path SPOOL = temporaryDirectory("spool");
    static final String ADMIN = TOKENS.token("ops-bot", "models.admin", "models.read", "models.infer");
    static final String READER = TOKENS.token("dashboard", "models.read");
    static final JsonMapper JSON = JsonMapper.builder().build();
    /** The upload limit the properties above set. */
    static final long UPLOAD_LIMIT = 3L * 1024 * 1024;

    /** What the registry holds: a refused request must leave every count as it was. */
    record Stored(long models, long versions, long blobs, long chunks, long auditRecords) {
    }

    /** One audit record, the fields the tests compare. */
    record Audited(String actor, String action, String target, String model) {
    }

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MultipartConfigElement multipartConfig;

    @Autowired
    ServletContext servletContext;

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

    /**
     * {@code model} with a doc string no other upload has: its bytes, and so its stored blob, are
     * this test's alone (blobs are shared by sha256 across every model in the test database).
     */
    static byte[] distinct(byte[] model) {
        try {
            return ModelProto.parseFrom(model).toBuilder().setDocString(UUID.randomUUID().toString()).build().toByteArray();
        } catch (IOException e) {
            throw new IllegalArgumentException("not an ONNX model", e);
        }
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

    Stored stored() {
        return new Stored(count("model.model", ""), count("model.model_version", ""), count("model.model_blob", ""),
                count("model.model_blob_chunk", ""), count("audit.audit_record", ""));
    }

    /** Nothing was added or removed: no model, version, blob, chunk or audit record. */
    void assertNothingStored(String label, Stored before) {
        assertThat(stored()).as(label + ": rows stored").isEqualTo(before);
    }

    /** The newest audit record's id: {@link #auditedSince} lists what came after it. */
    long auditMark() {
        return jdbc.sql("SELECT coalesce(max(id), 0) FROM audit.audit_record").query(Long.class).single();
    }

    List<Audited> auditedSince(long mark) {
        return jdbc.sql("SELECT actor, action, target, model FROM audit.audit_record WHERE id > ? ORDER BY id")
                .param(1, mark)
                .query((row, number) -> new Audited(row.getString("actor"), row.getString("action"),
                        row.getString("target"), row.getString("model")))
                .list();
    }

    /** Where an upload can leave files: the service's spool and the servlet container's multipart location. */
    List<Path> uploadTempDirectories() {
        return List.of(SPOOL, containerUploadDirectory());
    }

    /**
     * Where Tomcat writes a multipart part over {@code spring.servlet.multipart.file-size-threshold}:
     * {@code spring.servlet.multipart.location}, resolved against the context's temp directory, which
     * is also the place when no location is set (as in production).
     */
    Path containerUploadDirectory() {
        Path containerTemp = ((File) servletContext.getAttribute(ServletContext.TEMPDIR)).toPath();
        String location = multipartConfig.getLocation();
        return location == null || location.isEmpty() ? containerTemp : containerTemp.resolve(location);
    }

    /**
     * No upload left a file behind. Polls briefly: the container deletes a parsed part after the
     * response has been flushed, so the client can see the answer a moment before the cleanup.
     */
    void assertNoUploadFilesLeft(String label) {
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(uploadFiles()).as(label + ": files left behind").isEmpty());
    }

    /** Waits until this worker serves {@code model}'s {@code version}, as a rollout makes it do shortly after. */
    void awaitReady(String model, int version) {
        await(model + " version " + version + " ready").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> get(READER, "/v2/models/" + model + "/versions/" + version + "/ready").statusCode() == 200);
    }

    /** The files in {@link #uploadTempDirectories()} now. */
    List<Path> uploadFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path directory : uploadTempDirectories()) {
            files.addAll(filesIn(directory));
        }
        return files;
    }

    static List<Path> filesIn(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(Files::isRegularFile).toList();
        }
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
