package dev.modelport.model.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelport.model.security.VerifiedTokenCache;
import dev.modelport.model.testing.OnnxModels;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class AccessApiTest extends ApiTestSupport {

    @Autowired
    JwtDecoder decoder;

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
