package dev.modelport.model.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.modelport.model.testing.OnnxModels;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        List<Case> cases = List.of(
                new Case("text renamed .onnx", OnnxModels.textFile(), "not an ONNX model"),
                new Case("truncated", OnnxModels.truncated(), "truncated"),
                new Case("external data", OnnxModels.externalData("../../etc/passwd"), "../../etc/passwd"),
                new Case("custom op domain", OnnxModels.customOp(), "com.example.custom"),
                new Case("empty file", new byte[0], "empty"),
                // over the 1 MB multipart threshold: Tomcat spools these to disk before the service sees them
                new Case("2.4 MB text renamed .onnx", "not a model\n".repeat(200_000).getBytes(StandardCharsets.UTF_8),
                        "not an ONNX model"),
                new Case("2 MB truncated", Arrays.copyOf(largeModel(), 2 * 1024 * 1024), "truncated"));
        for (Case bad : cases) {
            Stored before = stored();
            String model = uniqueName("bad");

            HttpResponse<String> response = upload(ADMIN, model, bad.bytes(), null);

            assertThat(response.statusCode()).as(bad.label() + ": " + response.body()).isEqualTo(400);
            assertThat(json(response).path("error").asString()).as(bad.label()).contains(bad.expectedFragment());
            assertNothingStored(bad.label(), before);
            assertThat(count("model.model", "name = ?", model)).as(bad.label()).isZero();
            assertNoUploadFilesLeft(bad.label());
        }
    }

    @Test
    void uploadWhenInvalidFileForExistingModelThenBadRequestAndModelUnchanged() throws Exception {
        String model = uniqueName("keeps");
        upload(ADMIN, model, OnnxModels.addConstant(), null);
        Stored before = stored();

        HttpResponse<String> response = upload(ADMIN, model, OnnxModels.customOp(), null);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(json(response).path("error").asString()).contains("com.example.custom");
        assertNothingStored("custom op for an existing model", before);
        assertThat(json(get(READER, "/api/models/" + model + "/versions"))).hasSize(1);
        assertNoUploadFilesLeft("custom op for an existing model");
    }

    @Test
    void uploadWhenInvalidModelNameThenBadRequestAndNothingStored() throws Exception {
        // a valid model over the multipart threshold, so Tomcat has spooled it to disk when the name is refused
        byte[] valid = largeModel();
        for (String name : List.of("Bad_Name!", "-leading-dash", "a".repeat(65))) {
            Stored before = stored();

            HttpResponse<String> response = upload(ADMIN, name, valid, null);

            assertThat(response.statusCode()).as(name + ": " + response.body()).isEqualTo(400);
            assertThat(json(response).path("error").asString()).as(name).contains("invalid model name '" + name + "'");
            assertNothingStored(name, before);
            assertThat(count("model.model", "name = ?", name)).as(name).isZero();
            assertNoUploadFilesLeft(name);
        }
    }

    @Test
    void uploadWhenOverLimitThenPayloadTooLargeAndNothingStored() throws Exception {
        Stored before = stored();
        byte[] oversize = new byte[(int) (UPLOAD_LIMIT + UPLOAD_LIMIT / 6)];
        String model = uniqueName("huge");

        HttpResponse<String> response = upload(ADMIN, model, oversize, null);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(json(response).path("error").asString()).contains("larger than the upload limit of 3 MB");
        assertNothingStored("over the limit", before);
        assertThat(count("model.model", "name = ?", model)).isZero();
        assertNoUploadFilesLeft("over the limit");
    }

    /**
     * The limit is enforced while the body streams in: each client sends only part of its body
     * and then waits with the body unfinished, so an answer proves the server decided without
     * the rest. A chunked body of unknown length is refused once the bytes read pass the limit;
     * a Content-Length over the limit is refused before the body is read at all.
     */
    @Test
    void uploadWhenBodyPassesLimitWhileStreamingThenPayloadTooLargeBeforeBodyEnds() throws Exception {
        long megabyte = 1024 * 1024;
        Map<String, UnfinishedUpload> uploads = new LinkedHashMap<>();
        uploads.put("chunked, limit + 1 MB sent", new UnfinishedUpload(-1, UPLOAD_LIMIT + megabyte));
        uploads.put("Content-Length 50 MB, 1 MB sent", new UnfinishedUpload(50 * megabyte, megabyte));
        for (var entry : uploads.entrySet()) {
            String label = entry.getKey();
            Stored before = stored();
            String model = uniqueName("stream");

            UnfinishedUpload.Answer answer = entry.getValue().send(port, ADMIN, model);

            assertThat(answer.status()).as(label + ": " + answer.body()).isEqualTo(413);
            assertThat(JSON.readTree(answer.body()).path("error").asString()).as(label)
                    .contains("larger than the upload limit of 3 MB");
            assertNothingStored(label, before);
            assertThat(count("model.model", "name = ?", model)).as(label).isZero();
            assertNoUploadFilesLeft(label);
        }
    }

    /**
     * A client that goes away mid-upload leaves nothing: while it is still sending, the part (over
     * the 1 MB in-memory threshold) has a temp file in the place {@link #uploadTempDirectories()}
     * watches, which also shows that the other tests' "no files left" looks in the right place.
     */
    @Test
    void uploadWhenClientAbandonsBodyThenTempFileRemovedAndNothingStored() throws Exception {
        Stored before = stored();
        String model = uniqueName("abandoned");
        long megabyte = 1024 * 1024;

        new UnfinishedUpload(5 * UPLOAD_LIMIT / 6, 2 * megabyte).abandon(port, ADMIN, model, () ->
                await().atMost(Duration.ofSeconds(10)).until(() -> !filesIn(containerUploadDirectory()).isEmpty()));

        assertNoUploadFilesLeft("abandoned upload");
        assertNothingStored("abandoned upload", before);
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
        String actor = uniqueName("release-bot");
        String token = TOKENS.token(actor, "models.admin", "models.read");
        String model = uniqueName("audited");

        long mark = auditMark();
        HttpResponse<String> first = upload(token, model, OnnxModels.addConstant(), null);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(json(first).path("uploadedBy").asString()).isEqualTo(actor);
        // the upload that creates the model is one change: no separate model.created record
        assertThat(auditedSince(mark)).containsExactly(new Audited(actor, "version.uploaded", model + "/1", model));

        mark = auditMark();
        upload(token, model, OnnxModels.multiInput(), null);
        assertThat(auditedSince(mark)).containsExactly(new Audited(actor, "version.uploaded", model + "/2", model));
    }

    /** Over-limit uploads are covered where they are refused: {@link #assertNothingStored} counts audit records too. */
    @Test
    void uploadWhenRefusedThenNoAuditRecord() throws Exception {
        String model = uniqueName("refused");
        upload(ADMIN, model, OnnxModels.addConstant(), null);
        long mark = auditMark();

        assertThat(upload(ADMIN, model, OnnxModels.textFile(), null).statusCode()).isEqualTo(400);
        assertThat(upload(ADMIN, "Bad_Name!", OnnxModels.addConstant(), null).statusCode()).isEqualTo(400);
        assertThat(upload(READER, model, OnnxModels.addConstant(), null).statusCode()).isEqualTo(403);

        assertThat(auditedSince(mark)).isEmpty();
    }

    /** A valid model of about 2.5 MB: over the multipart in-memory threshold, under the upload limit. */
    private static byte[] largeModel() throws IOException {
        Path file = Files.createTempFile("upload-test-model", ".onnx");
        try {
            OnnxModels.writeLargeModel(file, 5 * UPLOAD_LIMIT / 6);
            return Files.readAllBytes(file);
        } finally {
            Files.delete(file);
        }
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
