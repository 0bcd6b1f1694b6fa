package dev.modelport.model.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelport.model.testing.OnnxModels;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class RolloutApiTest extends ApiTestSupport {

    @Test
    void rolloutWhenVersionsExistThenSetAndRollBack() throws Exception {
        String model = uniqueName("roll");
        upload(ADMIN, model, OnnxModels.addConstant(), null);
        upload(ADMIN, model, OnnxModels.addConstant(), "retrained");

        HttpResponse<String> promoted = putJson(ADMIN, "/api/models/" + model + "/rollout",
                "{\"production\": 2, \"canary\": 1, \"canaryPercent\": 20, \"shadow\": null}");
        assertThat(promoted.statusCode()).as(promoted.body()).isEqualTo(200);
        assertThat(json(promoted).path("production").asInt()).isEqualTo(2);
        assertThat(json(promoted).path("canaryPercent").asInt()).isEqualTo(20);

        HttpResponse<String> rolledBack = putJson(ADMIN, "/api/models/" + model + "/rollout", "{\"production\": 1}");
        assertThat(rolledBack.statusCode()).isEqualTo(200);
        JsonNode summary = json(get(READER, "/api/models/" + model));
        assertThat(summary.path("rollout").path("production").asInt()).isEqualTo(1);
        assertThat(summary.path("rollout").path("canary").isNull()).isTrue();
        assertThat(summary.path("versionCount").asInt()).isEqualTo(2);
    }

    @Test
    void rolloutWhenEachChangeThenExactlyOneAuditRecordWithBeforeAndAfter() throws Exception {
        String model = uniqueName("roll-audit");
        upload(ADMIN, model, OnnxModels.addConstant(), null);
        long before = count("audit.audit_record", "model = ?", model);

        putJson(ADMIN, "/api/models/" + model + "/rollout", "{\"production\": 1}");

        assertThat(count("audit.audit_record", "model = ?", model)).isEqualTo(before + 1);
        String details = jdbc.sql("SELECT details::text FROM audit.audit_record WHERE model = ? AND action = 'rollout.changed'")
                .param(model).query(String.class).single();
        assertThat(details).contains("\"before\"").contains("\"after\"").contains("\"production\": 1");
    }

    @Test
    void rolloutWhenVersionMissingThenBadRequestNamingIt() throws Exception {
        String model = uniqueName("roll-missing");
        upload(ADMIN, model, OnnxModels.addConstant(), null);
        HttpResponse<String> response = putJson(ADMIN, "/api/models/" + model + "/rollout", "{\"production\": 7}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("error").asString()).contains("production version 7");
    }

    @Test
    void rolloutWhenCanarySignatureIncompatibleThenBadRequest() throws Exception {
        String model = uniqueName("roll-compat");
        upload(ADMIN, model, OnnxModels.addConstant(), null);
        upload(ADMIN, model, OnnxModels.int64Model(), null);
        HttpResponse<String> response = putJson(ADMIN, "/api/models/" + model + "/rollout",
                "{\"production\": 1, \"canary\": 2, \"canaryPercent\": 10}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("error").asString()).contains("canary cannot take production's requests");
    }

    @Test
    void rolloutWhenBodyInvalidThenBadRequestNamingField() throws Exception {
        String model = uniqueName("roll-body");
        upload(ADMIN, model, OnnxModels.addConstant(), null);
        HttpResponse<String> percent = putJson(ADMIN, "/api/models/" + model + "/rollout",
                "{\"production\": 1, \"canary\": 1, \"canaryPercent\": 140}");
        assertThat(percent.statusCode()).isEqualTo(400);
        assertThat(json(percent).path("error").asString()).contains("canaryPercent");
        HttpResponse<String> missing = putJson(ADMIN, "/api/models/" + model + "/rollout", "{}");
        assertThat(json(missing).path("error").asString()).contains("production");
        HttpResponse<String> garbage = putJson(ADMIN, "/api/models/" + model + "/rollout", "{not json");
        assertThat(garbage.statusCode()).isEqualTo(400);
    }

    @Test
    void deleteVersionWhenServingThenConflictElseDeletedWithItsBytes() throws Exception {
        String model = uniqueName("del");
        upload(ADMIN, model, OnnxModels.addConstant(), null);
        String sha = json(upload(ADMIN, model, OnnxModels.fixedShape(), null)).path("sha256").asString();
        putJson(ADMIN, "/api/models/" + model + "/rollout", "{\"production\": 2}");

        HttpResponse<String> refused = delete(ADMIN, "/api/models/" + model + "/versions/2");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(json(refused).path("error").asString()).contains("rollout");

        putJson(ADMIN, "/api/models/" + model + "/rollout", "{\"production\": 1}");
        long audits = count("audit.audit_record", "model = ?", model);
        assertThat(delete(ADMIN, "/api/models/" + model + "/versions/2").statusCode()).isEqualTo(204);
        assertThat(get(READER, "/api/models/" + model + "/versions/2").statusCode()).isEqualTo(404);
        assertThat(count("model.model_blob", "sha256 = ?", sha)).isZero();
        assertThat(count("audit.audit_record", "model = ?", model)).isEqualTo(audits + 1);
    }

    @Test
    void deleteModelWhenServingThenConflict() throws Exception {
        String model = uniqueName("del-model");
        upload(ADMIN, model, OnnxModels.addConstant(), null);
        putJson(ADMIN, "/api/models/" + model + "/rollout", "{\"production\": 1}");
        assertThat(delete(ADMIN, "/api/models/" + model).statusCode()).isEqualTo(409);
    }

    @Test
    void createPatchAndDeleteModelThenEachAudited() throws Exception {
        String model = uniqueName("crud");
        HttpResponse<String> created = postJson(ADMIN, "/api/models",
                "{\"name\": \"" + model + "\", \"description\": \"fraud scores\", \"tags\": [\"team:risk\"]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(postJson(ADMIN, "/api/models", "{\"name\": \"" + model + "\"}").statusCode()).isEqualTo(409);

        HttpResponse<String> patched = patchJson(ADMIN, "/api/models/" + model, "{\"description\": \"fraud v2\"}");
        assertThat(json(patched).path("description").asString()).isEqualTo("fraud v2");
        assertThat(json(patched).path("tags").get(0).asString()).isEqualTo("team:risk");

        assertThat(delete(ADMIN, "/api/models/" + model).statusCode()).isEqualTo(204);
        assertThat(get(READER, "/api/models/" + model).statusCode()).isEqualTo(404);
        assertThat(count("audit.audit_record", "model = ?", model)).isEqualTo(3);
    }

    @Test
    void createModelWhenNameInvalidThenBadRequestNamingField() throws Exception {
        HttpResponse<String> response = postJson(ADMIN, "/api/models", "{\"name\": \"-nope\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("error").asString()).startsWith("name:");
    }
}
