package dev.modelport.model.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelport.model.security.VerifiedTokenCache;
import dev.modelport.model.testing.OnnxModels;
import dev.modelport.support.audit.AuditLog;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jwt.JwtDecoder;

@ExtendWith(OutputCaptureExtension.class)
class AccessApiTest extends ApiTestSupport {

    @Autowired
    JwtDecoder decoder;
    @Autowired
    AuditLog audit;

    @Test
    void jwtDecoderWhenStartedThenRemembersVerifiedTokensAndStillRefusesForeignOnes() throws Exception {
        assertThat(decoder).as("REST and gRPC share this decoder").isInstanceOf(VerifiedTokenCache.class);
        assertThat(get(READER, "/api/models").statusCode()).isEqualTo(200);
        assertThat(get(READER, "/api/models").statusCode()).as("answered from the cache").isEqualTo(200);
        String foreign = TOKENS.sign(TOKENS.claims("dashboard", List.of("models.read")).issuer("http://evil.test").build());
        assertThat(get(foreign, "/api/models").statusCode()).isEqualTo(401);
        assertThat(get(foreign, "/api/models").statusCode()).as("a refused token is never remembered").isEqualTo(401);
    }

    @Test
    void apiWhenNoTokenThenUnauthorizedJson() throws Exception {
        HttpResponse<String> response = get(null, "/api/models");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response).path("error").asString()).contains("bearer token");
        assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
    }

    @Test
    void apiWhenTokenFromOtherIssuerThenUnauthorized() throws Exception {
        String foreign = TOKENS.sign(TOKENS.claims("intruder", List.of("models.admin")).issuer("http://evil.test").build());
        assertThat(get(foreign, "/api/models").statusCode()).isEqualTo(401);
    }

    @Test
    void writesWhenReadScopeOnlyThenForbiddenAndNothingStored() throws Exception {
        String existing = uniqueName("ro-existing");
        upload(ADMIN, existing, OnnxModels.addConstant(), null);
        Stored before = stored();

        HttpResponse<String> response = upload(READER, uniqueName("ro"), OnnxModels.addConstant(), null);
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(json(response).path("error").asString()).isNotBlank();
        assertThat(postJson(READER, "/api/models", "{\"name\": \"" + uniqueName("ro") + "\"}").statusCode()).isEqualTo(403);
        assertThat(patchJson(READER, "/api/models/" + existing, "{\"description\": \"x\"}").statusCode()).isEqualTo(403);
        assertThat(putJson(READER, "/api/models/" + existing + "/rollout", "{\"production\": 1}").statusCode()).isEqualTo(403);
        assertThat(delete(READER, "/api/models/" + existing + "/versions/1").statusCode()).isEqualTo(403);
        assertThat(delete(READER, "/api/models/" + existing).statusCode()).isEqualTo(403);

        assertNothingStored("writes with a read-only token", before);
        assertNoUploadFilesLeft("upload with a read-only token");
    }

    @Test
    void auditWhenReadScopeOnlyThenForbidden() throws Exception {
        assertThat(get(READER, "/api/audit").statusCode()).isEqualTo(403);
        assertThat(get(ADMIN, "/api/audit?size=5").statusCode()).isEqualTo(200);
    }

    @Test
    void modelsWhenClientHasAllowlistThenOtherModelsForbiddenAndHidden() throws Exception {
        String mine = uniqueName("mine");
        String theirs = uniqueName("theirs");
        upload(ADMIN, mine, OnnxModels.addConstant(), null);
        upload(ADMIN, theirs, OnnxModels.addConstant(), null);
        String limited = TOKENS.tokenForModels("team-a", List.of(mine), "models.read", "models.admin");
        long mark = auditMark();

        assertThat(get(limited, "/api/models/" + mine).statusCode()).isEqualTo(200);
        assertThat(get(limited, "/api/models/" + theirs).statusCode()).isEqualTo(403);
        assertThat(get(limited, "/api/models/" + theirs + "/versions").statusCode()).isEqualTo(403);
        assertThat(upload(limited, theirs, OnnxModels.addConstant(), null).statusCode()).isEqualTo(403);
        assertThat(putJson(limited, "/api/models/" + theirs + "/rollout", "{\"production\": 1}").statusCode()).isEqualTo(403);
        assertThat(delete(limited, "/api/models/" + theirs).statusCode()).isEqualTo(403);
        assertThat(auditedSince(mark)).as("refused writes").isEmpty();
        assertThat(json(get(ADMIN, "/api/models/" + theirs)).path("versionCount").asInt()).isEqualTo(1);

        List<String> listed = new ArrayList<>();
        json(get(limited, "/api/models")).forEach(model -> listed.add(model.path("name").asString()));
        assertThat(listed).contains(mine).doesNotContain(theirs);
    }

    @Test
    void createWhenModelOutsideTheCallersListThenForbiddenAndNothingStored() throws Exception {
        String mine = uniqueName("mine");
        String theirs = uniqueName("theirs");
        String limited = TOKENS.tokenForModels("team-a", List.of(mine), "models.read", "models.admin");
        Stored before = stored();

        HttpResponse<String> response = postJson(limited, "/api/models", "{\"name\": \"" + theirs + "\"}");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(json(response).path("error").asString()).isEqualTo("this client may not use model '" + theirs + "'");
        assertNothingStored("create outside the model list", before);
        assertThat(postJson(limited, "/api/models", "{\"name\": \"" + mine + "\"}").statusCode()).isEqualTo(201);
    }

    @Test
    void refusedWhenOutsideTheReachThenOneSecurityLogLineWithoutTheToken(CapturedOutput output) throws Exception {
        String theirs = uniqueName("theirs");
        String limited = TOKENS.tokenForModels("team-log", List.of(uniqueName("mine")), "models.read", "models.admin");

        assertThat(delete(limited, "/api/models/" + theirs).statusCode()).isEqualTo(403);
        assertThat(get(READER, "/api/audit").statusCode()).isEqualTo(403);

        assertThat(output.getOut().lines().filter(line -> line.contains("\"event\":\"refused\"")
                && line.contains("\"caller\":\"team-log\",\"method\":\"DELETE\",\"route\":\"/api/models/" + theirs
                + "\",\"status\":403,\"reason\":\"this client may not use model '" + theirs + "'\""))).hasSize(1);
        assertThat(output.getOut()).contains("\"caller\":\"dashboard\",\"method\":\"GET\",\"route\":\"/api/audit\"")
                .doesNotContain(limited).doesNotContain(READER);
    }

    @Test
    void auditWhenModelLimitedThenOnlyRecordsAboutItsModelsAndClientsInsideThem() throws Exception {
        String mine = uniqueName("mine");
        String theirs = uniqueName("theirs");
        upload(ADMIN, mine, OnnxModels.addConstant(), null);
        upload(ADMIN, theirs, OnnxModels.addConstant(), null);
        audit.recordReaching("ops-bot", "client.create", "mp-inside", List.of(mine), Map.of());
        audit.recordReaching("ops-bot", "client.create", "mp-wider", List.of(mine, theirs), Map.of());
        audit.recordReaching("ops-bot", "client.create", "mp-unlimited", null, Map.of());
        audit.record("ops-bot", "key.rotate", "kid-1", null, Map.of());
        String limited = TOKENS.tokenForModels("team-a", List.of(mine), "models.read", "models.admin");

        var page = json(get(limited, "/api/audit?actor=ops-bot&size=500"));

        List<String> targets = new ArrayList<>();
        page.path("records").forEach(record -> targets.add(record.path("target").asString()));
        assertThat(targets).contains(mine + "/1", "mp-inside")
                .doesNotContain(theirs + "/1", "mp-wider", "mp-unlimited", "kid-1");
        assertThat(page.path("total").asLong()).as("the total counts only what it may see").isEqualTo(targets.size());
        assertThat(page.path("records")).allSatisfy(record -> assertThat(record.path("reach").values())
                .allSatisfy(model -> assertThat(model.asString()).isEqualTo(mine)));
        var everything = json(get(ADMIN, "/api/audit?actor=ops-bot&size=500")).path("records").toString();
        assertThat(everything).contains("mp-wider", "mp-unlimited", "kid-1", theirs + "/1");
    }

    @Test
    void auditWhenFilteredByActionFamilyThenOnlyThatFamily() throws Exception {
        String model = uniqueName("family");
        upload(ADMIN, model, OnnxModels.addConstant(), null);
        putJson(ADMIN, "/api/models/" + model + "/rollout", "{\"production\": 1}");
        audit.record("ops-bot", "rolloutx", model, model, Map.of());

        var family = json(get(ADMIN, "/api/audit?model=" + model + "&action=rollout"));
        assertThat(family.path("records")).extracting(record -> record.path("action").asString())
                .containsExactly("rollout.changed");
        var exact = json(get(ADMIN, "/api/audit?model=" + model + "&action=version.uploaded"));
        assertThat(exact.path("records")).extracting(record -> record.path("action").asString())
                .containsExactly("version.uploaded");
    }

    @Test
    void auditWhenFilteredByModelAndActorThenNewestFirst() throws Exception {
        String model = uniqueName("filtered");
        upload(ADMIN, model, OnnxModels.addConstant(), null);
        putJson(ADMIN, "/api/models/" + model + "/rollout", "{\"production\": 1}");

        var page = json(get(ADMIN, "/api/audit?model=" + model + "&actor=ops-bot&size=10"));
        assertThat(page.path("total").asLong()).isEqualTo(2);
        assertThat(page.path("records").get(0).path("action").asString()).isEqualTo("rollout.changed");
        assertThat(page.path("records").get(1).path("action").asString()).isEqualTo("version.uploaded");
        assertThat(get(ADMIN, "/api/audit?size=0").statusCode()).isEqualTo(400);
    }
}
