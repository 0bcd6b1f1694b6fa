package dev.modelport.model.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.modelport.model.testing.ModelServiceTest;
import dev.modelport.model.testing.OnnxModels;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Inference over REST JSON against a real worker: answers equal ONNX Runtime's, bad requests are 400s that say why. */
class InferenceApiTest extends ApiTestSupport {

    static final String INFERRER = TOKENS.token("scorer", "models.infer");

    @Test
    void inferWhenJsonRequestThenOutputsEqualDirectOnnxRuntime() throws Exception {
        String model = deploy(OnnxModels.addConstant());
        float[] x = {0.5f, -1.25f, 3f, 7.75f, 1f, 2f, 3f, 4f};

        HttpResponse<String> response = infer(model, """
                {"id": "req-1", "inputs": [{"name": "x", "shape": [2, 4], "datatype": "FP32",
                  "data": [[0.5, -1.25, 3, 7.75], [1, 2, 3, 4]]}]}""");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.path("model_name").asString()).isEqualTo(model);
        assertThat(body.path("model_version").asString()).isEqualTo("1");
        assertThat(body.path("id").asString()).isEqualTo("req-1");
        JsonNode y = body.path("outputs").get(0);
        assertThat(y.path("name").asString()).isEqualTo("y");
        assertThat(y.path("shape").toString()).isEqualTo("[2,4]");
        float[] expected = direct(OnnxModels.addConstant(), "x", x, new long[] {2, 4});
        for (int i = 0; i < expected.length; i++) {
            assertThat(y.path("data").get(i).asDouble()).isCloseTo(expected[i], within(1e-6));
        }
    }

    @Test
    void inferWhenBinaryTensorsThenOutputsEqualDirectOnnxRuntime() throws Exception {
        String model = deploy(OnnxModels.addConstant());
        float[] x = {0.25f, -3.5f, 1e-3f, 42f, 7f, 8f, 9f, 10f};
        byte[] header = ("{\"inputs\":[{\"name\":\"x\",\"shape\":[2,4],\"datatype\":\"FP32\","
                + "\"parameters\":{\"binary_data_size\":32}}],\"outputs\":[{\"name\":\"y\",\"parameters\":{\"binary_data\":true}}]}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.nio.ByteBuffer body = java.nio.ByteBuffer.allocate(header.length + 32).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        body.put(header);
        for (float value : x) {
            body.putFloat(value);
        }
        HttpResponse<byte[]> response = http().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + "/v2/models/" + model + "/infer"))
                .header("Authorization", "Bearer " + INFERRER)
                .header("Content-Type", "application/octet-stream")
                .header("Inference-Header-Content-Length", String.valueOf(header.length))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body.array())).build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        int jsonLength = Integer.parseInt(response.headers().firstValue("Inference-Header-Content-Length").orElseThrow());
        JsonNode json = JSON.readTree(new String(response.body(), 0, jsonLength, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(json.path("outputs").get(0).path("parameters").path("binary_data_size").asInt()).isEqualTo(32);
        java.nio.ByteBuffer raw = java.nio.ByteBuffer.wrap(response.body(), jsonLength, 32).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        float[] expected = direct(OnnxModels.addConstant(), "x", x, new long[] {2, 4});
        for (float value : expected) {
            assertThat(raw.getFloat()).isCloseTo(value, within(1e-6f));
        }
    }

    @Test
    void inferWhenInt64ModelThenExactIntegers() throws Exception {
        String model = deploy(OnnxModels.int64Model());
        HttpResponse<String> response = infer(model, """
                {"inputs": [{"name": "ids", "shape": [1, 5], "datatype": "INT64", "data": [1, 2, 3, 40000000000, -5]}]}""");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json(response).path("outputs").get(0).path("data").toString()).isEqualTo("[2,4,6,80000000000,-10]");
    }

    @Test
    void inferWhenBadRequestsThenBadRequestNamingTheInput() throws Exception {
        String model = deploy(OnnxModels.addConstant());
        Map<String, String> cases = new HashMap<>();
        cases.put("""
                {"inputs": [{"name": "nope", "shape": [1, 4], "datatype": "FP32", "data": [1, 2, 3, 4]}]}""", "unknown input 'nope'");
        cases.put("""
                {"inputs": [{"name": "x", "shape": [1, 4], "datatype": "INT32", "data": [1, 2, 3, 4]}]}""", "input 'x' must be FP32");
        cases.put("""
                {"inputs": [{"name": "x", "shape": [1, 5], "datatype": "FP32", "data": [1, 2, 3, 4, 5]}]}""", "input 'x' has shape [1, 5]");
        cases.put("""
                {"inputs": [{"name": "x", "shape": [1, 4], "datatype": "FP32", "data": [1, 2, 3]}]}""", "'x'");
        cases.put("""
                {"inputs": [{"name": "x", "shape": [1, 4], "datatype": "FLOAT", "data": [1, 2, 3, 4]}]}""", "FLOAT");
        cases.put("{\"inputs\": []}", "inputs");
        cases.put("{not json", "JSON");
        for (Map.Entry<String, String> bad : cases.entrySet()) {
            HttpResponse<String> response = infer(model, bad.getKey());
            assertThat(response.statusCode()).as(bad.getKey() + " -> " + response.body()).isEqualTo(400);
            assertThat(json(response).path("error").asString()).as(bad.getKey()).contains(bad.getValue());
        }
        assertThat(get(ADMIN, "/v2/health/ready").statusCode()).as("the worker stays healthy").isEqualTo(200);
    }

    @Test
    void inferWhenModelNotDeployedThenNotFound() throws Exception {
        HttpResponse<String> response = infer("no-such-model", """
                {"inputs": [{"name": "x", "shape": [1, 4], "datatype": "FP32", "data": [1, 2, 3, 4]}]}""");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).path("error").asString()).contains("no-such-model");
    }

    @Test
    void inferWhenReadScopeOnlyThenForbidden() throws Exception {
        String model = deploy(OnnxModels.addConstant());
        HttpResponse<String> response = postJson(READER, "/v2/models/" + model + "/infer", """
                {"inputs": [{"name": "x", "shape": [1, 4], "datatype": "FP32", "data": [1, 2, 3, 4]}]}""");
        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void metadataAndReadyWhenDeployedThenDescribeTheProductionVersion() throws Exception {
        String model = deploy(OnnxModels.addConstant());
        JsonNode metadata = json(get(READER, "/v2/models/" + model));
        assertThat(metadata.path("platform").asString()).isEqualTo("onnxruntime_onnx");
        assertThat(metadata.path("versions").toString()).isEqualTo("[\"1\"]");
        assertThat(metadata.path("inputs").get(0).path("shape").toString()).isEqualTo("[-1,4]");
        assertThat(get(READER, "/v2/models/" + model + "/ready").statusCode()).isEqualTo(200);
        assertThat(get(READER, "/v2/models/" + model + "/versions/1/ready").statusCode()).isEqualTo(200);
        assertThat(get(READER, "/v2/models/" + model + "/versions/9/ready").statusCode()).isEqualTo(503);
    }

    @Test
    void promoteWhenNewVersionThenAnswersWithinTwoSecondsWithoutFailedRequests() throws Exception {
        String model = deploy(OnnxModels.addConstant());
        upload(ADMIN, model, OnnxModels.addConstant(), "retrained");
        String request = """
                {"inputs": [{"name": "x", "shape": [1, 4], "datatype": "FP32", "data": [1, 2, 3, 4]}]}""";
        assertThat(json(infer(model, request)).path("model_version").asString()).isEqualTo("1");

        Instant promoted = Instant.now();
        assertThat(putJson(ADMIN, "/api/models/" + model + "/rollout", "{\"production\": 2}").statusCode()).isEqualTo(200);
        Duration switched = null;
        int failures = 0;
        while (Duration.between(promoted, Instant.now()).compareTo(Duration.ofSeconds(10)) < 0) {
            HttpResponse<String> response = infer(model, request);
            if (response.statusCode() != 200) {
                failures++;
            } else if (json(response).path("model_version").asString().equals("2")) {
                switched = Duration.between(promoted, Instant.now());
                break;
            }
        }
        System.out.printf("promotion took effect after %d ms, %d failed requests meanwhile%n",
                switched == null ? -1 : switched.toMillis(), failures);
        assertThat(failures).isZero();
        assertThat(switched).isNotNull().isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void shadowWhenSetThenCallerGetsProductionAndDiffsAreRecorded() throws Exception {
        String model = deploy(OnnxModels.addConstant());
        upload(ADMIN, model, OnnxModels.addConstant(), "shadow candidate");
        assertThat(putJson(ADMIN, "/api/models/" + model + "/rollout", "{\"production\": 1, \"shadow\": 2}").statusCode())
                .isEqualTo(200);
        awaitReady(model, 2);
        String request = """
                {"inputs": [{"name": "x", "shape": [2, 4], "datatype": "FP32", "data": [1, 2, 3, 4, 5, 6, 7, 8]}]}""";
        for (int i = 0; i < 20; i++) {
            assertThat(json(infer(model, request)).path("model_version").asString()).isEqualTo("1");
        }
        String prometheus = awaitMetric("modelport_shadow_max_abs_diff_count{");
        // the same bytes in both versions: every shadow answer equals production's
        assertThat(prometheus).containsPattern("modelport_shadow_max_abs_diff_max\\{[^}]*model=\"" + model
                + "\"[^}]*shadow_version=\"2\"[^}]*} 0.0");
        assertThat(prometheus).containsPattern("modelport_shadow_argmax_agreements_total\\{[^}]*model=\"" + model + "\"");
    }

    @Test
    void metricsWhenRequestsServedThenCountedPerVersion() throws Exception {
        String model = deploy(OnnxModels.addConstant());
        for (int i = 0; i < 5; i++) {
            infer(model, """
                    {"inputs": [{"name": "x", "shape": [1, 4], "datatype": "FP32", "data": [1, 2, 3, 4]}]}""");
        }
        infer(model, """
                {"inputs": [{"name": "x", "shape": [1, 4], "datatype": "INT64", "data": [1, 2, 3, 4]}]}""");
        JsonNode version = json(get(READER, "/api/models/" + model + "/metrics")).path("versions").get(0);
        assertThat(version.path("version").asInt()).isEqualTo(1);
        assertThat(version.path("requests").asLong()).isEqualTo(6);
        assertThat(version.path("errors").asLong()).isEqualTo(1);
        assertThat(version.path("latencyMs").path("p99").asDouble()).isPositive();
    }

    private String deploy(byte[] bytes) throws Exception {
        String model = uniqueName("infer");
        assertThat(upload(ADMIN, model, bytes, null).statusCode()).isEqualTo(201);
        assertThat(putJson(ADMIN, "/api/models/" + model + "/rollout", "{\"production\": 1}").statusCode()).isEqualTo(200);
        awaitReady(model, 1);
        return model;
    }

    private String awaitMetric(String fragment) {
        HttpRequest prometheus = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ModelServiceTest.INFRA_CREDENTIALS.getBytes(StandardCharsets.UTF_8)))
                .build();
        return await("metric " + fragment).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> send(prometheus).body(), body -> body.contains(fragment));
    }

    private HttpResponse<String> infer(String model, String body) throws Exception {
        return postJson(INFERRER, "/v2/models/" + model + "/infer", body);
    }

    private static float[] direct(byte[] model, String input, float[] data, long[] shape) throws Exception {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(model);
             OnnxTensor tensor = OnnxTensor.createTensor(env, java.nio.FloatBuffer.wrap(data), shape);
             OrtSession.Result result = session.run(Map.of(input, tensor))) {
            float[][] out = (float[][]) result.get(0).getValue();
            float[] flat = new float[out.length * out[0].length];
            for (int r = 0; r < out.length; r++) {
                System.arraycopy(out[r], 0, flat, r * out[0].length, out[0].length);
            }
            return flat;
        }
    }
}
