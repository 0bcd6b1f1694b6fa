package dev.modelport.model.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelport.model.testing.OnnxModels;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class UploadApiTest extends ApiTestSupport {

    @Test
    void uploadWhenValidModelsThenSignatureMatchesOnnxRuntime() throws Exception {
        for (Supplier<byte[]> fixture : List.<Supplier<byte[]>>of(OnnxModels::addConstant, OnnxModels::multiInput,
                OnnxModels::int64Model, OnnxModels::mixedTypes, OnnxModels::fixedShape)) {
            byte[] bytes = fixture.get();
            String model = uniqueName("sig");
            HttpResponse<String> response = upload(ADMIN, model, bytes, "first cut");
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            JsonNode body = json(response);
            assertThat(body.path("model").asString()).isEqualTo(model);
            assertThat(body.path("version").asInt()).isEqualTo(1);
            assertThat(body.path("sizeBytes").asLong()).isEqualTo(bytes.length);
            assertThat(body.path("sha256").asString()).hasSize(64);
            assertThat(body.path("uploadedBy").asString()).isEqualTo("ops-bot");
            assertThat(body.path("description").asString()).isEqualTo("first cut");
            List<List<OrtSignature.Spec>> expected = OrtSignature.of(bytes);
            assertThat(specs(body.path("signature").path("inputs"))).containsExactlyElementsOf(expected.get(0));
            assertThat(specs(body.path("signature").path("outputs"))).containsExactlyElementsOf(expected.get(1));

            JsonNode stored = json(get(READER, "/api/models/" + model + "/versions/1"));
            assertThat(stored.path("signature")).isEqualTo(body.path("signature"));
            assertThat(stored.path("onnx").path("irVersion").asLong()).isPositive();
        }
    }

    @Test
    void uploadWhenSymbolicBatchDimThenMinusOne() throws Exception {
        String model = uniqueName("batch");
        JsonNode input = json(upload(ADMIN, model, OnnxModels.addConstant(), null)).path("signature").path("inputs").get(0);
        assertThat(input.path("datatype").asString()).isEqualTo("FP32");
        assertThat(input.path("shape").get(0).asLong()).isEqualTo(-1);
        assertThat(input.path("shape").get(1).asLong()).isEqualTo(4);
    }

    @Test
    void uploadWhenSameBytesTwiceThenNewVersionButOneBlob() throws Exception {
        String model = uniqueName("dedupe");
        byte[] bytes = OnnxModels.multiInput();
        HttpResponse<String> first = upload(ADMIN, model, bytes, null);
        long blobs = count("model.model_blob", "");
        long chunks = count("model.model_blob_chunk", "");
        HttpResponse<String> second = upload(ADMIN, model, bytes, null);

        assertThat(json(second).path("version").asInt()).isEqualTo(2);
        assertThat(json(second).path("sha256").asString()).isEqualTo(json(first).path("sha256").asString());
        assertThat(count("model.model_blob", "")).isEqualTo(blobs);
        assertThat(count("model.model_blob_chunk", "")).isEqualTo(chunks);
        assertThat(json(get(READER, "/api/models/" + model + "/versions"))).hasSize(2);
    }

    @Test
    void uploadWhenInvalidFilesThenBadRequestAndNothingStored() throws Exception {
        record Case(String label, byte[] bytes, String expectedFragment) {
        }
        List<Case> cases = new ArrayList<>(List.of(
                new Case("text renamed .onnx", OnnxModels.textFile(), "not an ONNX model"),
                new Case("truncated", OnnxModels.truncated(), "truncated"),
                new Case("external data", OnnxModels.externalData("../../etc/passwd"), "../../etc/passwd"),
                new Case("custom op domain", OnnxModels.customOp(), "com.example.custom"),
                new Case("empty file", new byte[0], "empty")));
        for (Case bad : cases) {
            long versions = count("model.model_version", "");
            long blobs = count("model.model_blob", "");
            long chunks = count("model.model_blob_chunk", "");
            String model = uniqueName("bad");

            HttpResponse<String> response = upload(ADMIN, model, bad.bytes(), null);

            assertThat(response.statusCode()).as(bad.label() + ": " + response.body()).isEqualTo(400);
            assertThat(json(response).path("error").asString()).as(bad.label()).contains(bad.expectedFragment());
            assertThat(count("model.model_version", "")).as(bad.label()).isEqualTo(versions);
            assertThat(count("model.model_blob", "")).as(bad.label()).isEqualTo(blobs);
            assertThat(count("model.model_blob_chunk", "")).as(bad.label()).isEqualTo(chunks);
            assertThat(count("model.model", "name = ?", model)).as(bad.label()).isZero();
            try (var spooled = Files.list(SPOOL)) {
                assertThat(spooled).as(bad.label() + ": temp files left").isEmpty();
            }
        }
    }

    @Test
    void uploadWhenInvalidModelNameThenBadRequest() throws Exception {
        HttpResponse<String> response = upload(ADMIN, "Bad_Name!", OnnxModels.addConstant(), null);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("error").asString()).contains("invalid model name");
        assertThat(count("model.model", "name = ?", "Bad_Name!")).isZero();
    }

    @Test
    void uploadWhenOverLimitThenPayloadTooLargeAndNothingStored() throws Exception {
        long versions = count("model.model_version", "");
        byte[] oversize = new byte[(int) (3.5 * 1024 * 1024)];
        String model = uniqueName("huge");

        HttpResponse<String> response = upload(ADMIN, model, oversize, null);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(json(response).path("error").asString()).contains("upload limit");
        assertThat(count("model.model_version", "")).isEqualTo(versions);
        assertThat(count("model.model", "name = ?", model)).isZero();
    }

    @Test
    void uploadWhenFilePartMissingThenBadRequestNamingIt() throws Exception {
        HttpResponse<String> response = postJson(ADMIN, "/api/models/" + uniqueName("nofile") + "/versions", "{}");
        assertThat(response.statusCode()).isIn(400, 415);
        assertThat(json(response).path("error").asString()).isNotBlank();
    }

    @Test
    void uploadWhenDoneThenExactlyOneAuditRecordWithTokenActor() throws Exception {
        String model = uniqueName("audited");
        upload(ADMIN, model, OnnxModels.addConstant(), null);
        assertThat(count("audit.audit_record", "model = ?", model)).isEqualTo(1);
        assertThat(count("audit.audit_record", "model = ? AND actor = 'ops-bot' AND action = 'version.uploaded'", model))
                .isEqualTo(1);
    }

    private static List<OrtSignature.Spec> specs(JsonNode array) {
        List<OrtSignature.Spec> specs = new ArrayList<>();
        array.forEach(spec -> {
            List<Long> shape = new ArrayList<>();
            spec.path("shape").forEach(dim -> shape.add(dim.asLong()));
            specs.add(new OrtSignature.Spec(spec.path("name").asString(), spec.path("datatype").asString(), shape));
        });
        return specs;
    }
}
