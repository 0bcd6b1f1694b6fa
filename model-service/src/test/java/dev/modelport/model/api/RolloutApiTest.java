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
        String actor = uniqueName("release-bot");
        String token = TOKENS.token(actor, "models.admin", "models.read");
        String model = uniqueName("roll-audit");
        upload(ADMIN, model, OnnxModels.addConstant(), null);
        upload(ADMIN, model, OnnxModels.addConstant(), null);

        long mark = auditMark();
        assertThat(putJson(token, "/api/models/" + model + "/rollout", "{\"production\": 1}").statusCode()).isEqualTo(200);
        assertThat(auditedSince(mark)).containsExactly(new Audited(actor, "rollout.changed", model, model));
        String details = jdbc.sql("SELECT details::text FROM audit.audit_record WHERE id > ?")
                .param(mark).query(String.class).single();
        assertThat(details).contains("\"before\"").contains("\"after\"").contains("\"production\": 1");

        mark = auditMark();
        assertThat(putJson(token, "/api/models/" + model + "/rollout",
                "{\"production\": 2, \"canary\": 1, \"canaryPercent\": 5}").statusCode()).isEqualTo(200);
        assertThat(auditedSince(mark)).containsExactly(new Audited(actor, "rollout.changed", model, model));
    }

    @Test
    void rolloutWhenVersionMissingThenBadRequestNamingIt() throws Exception {
        String model = uniqueName("roll-missing");
        upload(ADMIN, model, OnnxModels.addConstant(), null);
        long mark = auditMark();
        HttpResponse<String> response = putJson(ADMIN, "/api/models/" + model + "/rollout", "{\"production\": 7}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("error").asString()).contains("production version 7");
        assertThat(auditedSince(mark)).isEmpty();
    }

    @Test
    void rolloutWhenCanarySignatureIncompatibleThenBadRequestAndNothingChanged() throws Exception {
        String model = uniqueName("roll-compat");
        upload(ADMIN, model, OnnxModels.addConstant(), null);
        upload(ADMIN, model, OnnxModels.int64Model(), null);
        putJson(ADMIN, "/api/models/" + model + "/rollout", "{\"production\": 1}");
        long mark = auditMark();

        HttpResponse<String> response = putJson(ADMIN, "/api/models/" + model + "/rollout",
                "{\"production\": 1, \"canary\": 2, \"canaryPercent\": 10}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("error").asString()).contains("canary cannot take production's requests");
        assertThat(auditedSince(mark)).isEmpty();
        JsonNode rollout = json(get(READER, "/api/models/" + model)).path("rollout");
        assertThat(rollout.path("production").asInt()).isEqualTo(1);
        assertThat(rollout.path("canary").isNull()).isTrue();
    }

    @Test
    void rolloutWhenBodyInvalidThenBadRequestNamingField() throws Exception {
        String model = uniqueName("roll-body");
        upload(ADMIN, model, OnnxModels.addConstant(), null);
        long mark = auditMark();
        HttpResponse<String> percent = putJson(ADMIN, "/api/models/" + model + "/rollout",
                "{\"production\": 1, \"canary\": 1, \"canaryPercent\": 140}");
        assertThat(percent.statusCode()).isEqualTo(400);
        assertThat(json(percent).path("error").asString()).contains("canaryPercent");
        HttpResponse<String> missing = putJson(ADMIN, "/api/models/" + model + "/rollout", "{}");
        assertThat(json(missing).path("error").asString()).contains("production");
        HttpResponse<String> garbage = putJson(ADMIN, "/api/models/" + model + "/rollout", "{not json");
        assertThat(garbage.statusCode()).isEqualTo(400);
        assertThat(auditedSince(mark)).isEmpty();
    }

    @Test
    void deleteVersionWhenServingThenConflictElseDeletedWithItsBytes() throws Exception {
        String actor = uniqueName("release-bot");
        String token = TOKENS.token(actor, "models.admin", "models.read");
        String model = uniqueName("del");
        upload(ADMIN, model, OnnxModels.addConstant(), null);
        String sha = json(upload(ADMIN, model, distinct(OnnxModels.fixedShape()), null)).path("sha256").asString();
        putJson(ADMIN, "/api/models/" + model + "/rollout", "{\"production\": 2}");

        long mark = auditMark();
        HttpResponse<String> refused = delete(token, "/api/models/" + model + "/versions/2");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(json(refused).path("error").asString()).contains("rollout");
        assertThat(auditedSince(mark)).isEmpty();
        assertThat(get(READER, "/api/models/" + model + "/versions/2").statusCode()).isEqualTo(200);
        assertThat(count("model.model_blob", "sha256 = ?", sha)).isOne();

        putJson(ADMIN, "/api/models/" + model + "/rollout", "{\"production\": 1}");
        mark = auditMark();
        assertThat(delete(token, "/api/models/" + model + "/versions/2").statusCode()).isEqualTo(204);
        assertThat(get(READER, "/api/models/" + model + "/versions/2").statusCode()).isEqualTo(404);
        assertThat(count("model.model_blob", "sha256 = ?", sha)).isZero();
        assertThat(count("model.model_blob_chunk", "sha256 = ?", sha)).isZero();
        assertThat(auditedSince(mark)).containsExactly(new Audited(actor, "version.deleted", model + "/2", model));
    }

    @Test
    void deleteModelWhenServingThenConflictAndNothingChanged() throws Exception {
        String model = uniqueName("del-model");
        upload(ADMIN, model, OnnxModels.addConstant(), null);
        putJson(ADMIN, "/api/models/" + model + "/rollout", "{\"production\": 1}");
        long mark = auditMark();

        HttpResponse<String> refused = delete(ADMIN, "/api/models/" + model);

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(json(refused).path("error").asString()).contains("serves traffic");
        assertThat(auditedSince(mark)).isEmpty();
        assertThat(json(get(READER, "/api/models/" + model)).path("versionCount").asInt()).isEqualTo(1);
    }

    @Test
    void clearRolloutWhenServingThenOutOfServiceOnceAuditedAndModelDeletable() throws Exception {
        String actor = uniqueName("release-bot");
        String token = TOKENS.token(actor, "models.admin", "models.read");
        String model = uniqueName("retire");
        upload(ADMIN, model, OnnxModels.addConstant(), null);
        putJson(ADMIN, "/api/models/" + model + "/rollout", "{\"production\": 1}");
        assertThat(json(delete(ADMIN, "/api/models/" + model)).path("error").asString())
                .contains("DELETE /api/models/" + model + "/rollout");

        long mark = auditMark();
        HttpResponse<String> cleared = delete(token, "/api/models/" + model + "/rollout");
        assertThat(cleared.statusCode()).as(cleared.body()).isEqualTo(200);
        assertThat(json(cleared).path("production").isNull()).isTrue();
        assertThat(json(get(READER, "/api/models/" + model + "/rollout")).path("production").isNull()).isTrue();
        assertThat(auditedSince(mark)).containsExactly(new Audited(actor, "rollout.cleared", model, model));

        mark = auditMark();
        assertThat(delete(token, "/api/models/" + model + "/rollout").statusCode()).as("again: nothing to clear").isEqualTo(200);
        assertThat(auditedSince(mark)).isEmpty();
        assertThat(delete(READER, "/api/models/" + model + "/rollout").statusCode()).isEqualTo(403);
        assertThat(delete(token, "/api/models/" + model).statusCode()).isEqualTo(204);
    }

    @Test
    void deleteModelWhenItHasVersionsThenOneAuditRecordAndVersionsAndBytesGone() throws Exception {
        String actor = uniqueName("release-bot");
        String token = TOKENS.token(actor, "models.admin", "models.read");
        String model = uniqueName("del-versions");
        String first = json(upload(ADMIN, model, distinct(OnnxModels.int64Model()), null)).path("sha256").asString();
        String second = json(upload(ADMIN, model, distinct(OnnxModels.mixedTypes()), null)).path("sha256").asString();
        long mark = auditMark();

        assertThat(delete(token, "/api/models/" + model).statusCode()).isEqualTo(204);

        assertThat(auditedSince(mark)).containsExactly(new Audited(actor, "model.deleted", model, model));
        String details = jdbc.sql("SELECT details::text FROM audit.audit_record WHERE id > ?")
                .param(mark).query(String.class).single();
        assertThat(details).contains("\"versions\": 2");
        assertThat(get(READER, "/api/models/" + model).statusCode()).isEqualTo(404);
        assertThat(count("model.model_version", "sha256 IN (?, ?)", first, second)).isZero();
        assertThat(count("model.model_blob", "sha256 IN (?, ?)", first, second)).isZero();
        assertThat(count("model.model_blob_chunk", "sha256 IN (?, ?)", first, second)).isZero();
    }

    @Test
    void createPatchAndDeleteModelThenEachAuditedOnceWithTokenActor() throws Exception {
        String actor = uniqueName("release-bot");
        String token = TOKENS.token(actor, "models.admin", "models.read");
        String model = uniqueName("crud");

        long mark = auditMark();
        HttpResponse<String> created = postJson(token, "/api/models",
                "{\"name\": \"" + model + "\", \"description\": \"fraud scores\", \"tags\": [\"team:risk\"]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(auditedSince(mark)).containsExactly(new Audited(actor, "model.created", model, model));

        mark = auditMark();
        assertThat(postJson(token, "/api/models", "{\"name\": \"" + model + "\"}").statusCode()).isEqualTo(409);
        assertThat(auditedSince(mark)).as("a refused create").isEmpty();

        mark = auditMark();
        HttpResponse<String> patched = patchJson(token, "/api/models/" + model, "{\"description\": \"fraud v2\"}");
        assertThat(json(patched).path("description").asString()).isEqualTo("fraud v2");
        assertThat(json(patched).path("tags").get(0).asString()).isEqualTo("team:risk");
        assertThat(auditedSince(mark)).containsExactly(new Audited(actor, "model.updated", model, model));

        mark = auditMark();
        assertThat(delete(token, "/api/models/" + model).statusCode()).isEqualTo(204);
        assertThat(get(READER, "/api/models/" + model).statusCode()).isEqualTo(404);
        assertThat(auditedSince(mark)).containsExactly(new Audited(actor, "model.deleted", model, model));
    }

    @Test
    void createModelWhenNameInvalidThenBadRequestNamingField() throws Exception {
        long mark = auditMark();
        HttpResponse<String> response = postJson(ADMIN, "/api/models", "{\"name\": \"-nope\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("error").asString()).startsWith("name:");
        assertThat(auditedSince(mark)).isEmpty();
    }
}
