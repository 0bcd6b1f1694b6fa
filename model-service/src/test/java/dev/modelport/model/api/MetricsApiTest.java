package dev.modelport.model.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelport.model.testing.OnnxModels;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code GET /api/models/{name}/metrics}: totals, and series over the window asked for. */
class MetricsApiTest extends ApiTestSupport {

    static final String INFERRER = TOKENS.token("metrics-scorer", "models.infer");
    static final String GOOD = """
            {"inputs": [{"name": "x", "shape": [1, 4], "datatype": "FP32", "data": [1, 2, 3, 4]}]}""";
    static final String BAD = """
            {"inputs": [{"name": "x", "shape": [1, 4], "datatype": "INT64", "data": [1, 2, 3, 4]}]}""";

    @Test
    void metricsWhenRequestsServedThenSeriesOfTheLastFifteenMinutesByDefault() throws Exception {
        String model = deployAndCall(3, 1);

        JsonNode body = json(get(READER, "/api/models/" + model + "/metrics"));

        assertThat(body.path("window").path("name").asString()).isEqualTo("15m");
        assertThat(body.path("window").path("bucketSeconds").asInt()).isEqualTo(10);
        Instant from = Instant.parse(body.path("window").path("from").asString());
        Instant to = Instant.parse(body.path("window").path("to").asString());
        assertThat(Duration.between(from, to)).isBetween(Duration.ofSeconds(890), Duration.ofSeconds(900));
        JsonNode version = body.path("versions").get(0);
        assertThat(version.path("requests").asLong()).isEqualTo(4);
        assertThat(version.has("buckets")).as("raw buckets only with scope=worker").isFalse();
        long requests = 0;
        long errors = 0;
        for (JsonNode point : version.path("series")) {
            assertThat(Instant.parse(point.path("start").asString())).isBetween(from, to);
            requests += point.path("requests").asLong();
            errors += point.path("errors").asLong();
        }
        assertThat(requests).isEqualTo(4);
        assertThat(errors).isEqualTo(1);
        JsonNode inWindow = version.path("inWindow");
        assertThat(inWindow.path("requests").asLong()).isEqualTo(4);
        assertThat(inWindow.path("p50Ms").asDouble()).isPositive();
        assertThat(inWindow.path("p99Ms").asDouble()).isGreaterThanOrEqualTo(inWindow.path("p50Ms").asDouble());
        assertThat(inWindow.path("meanBatchSize").asDouble()).isEqualTo(1.0);
    }

    @Test
    void metricsWhenWindowIsAnHourThenSeriesOverTheHour() throws Exception {
        String model = deployAndCall(2, 0);

        JsonNode body = json(get(READER, "/api/models/" + model + "/metrics?window=1h"));

        assertThat(body.path("window").path("name").asString()).isEqualTo("1h");
        Instant from = Instant.parse(body.path("window").path("from").asString());
        Instant to = Instant.parse(body.path("window").path("to").asString());
        assertThat(Duration.between(from, to)).isBetween(Duration.ofSeconds(3590), Duration.ofSeconds(3600));
        assertThat(body.path("versions").get(0).path("inWindow").path("requests").asLong()).isEqualTo(2);
    }

    @Test
    void metricsWhenWorkerScopeThenRawBucketsWithLatencyBins() throws Exception {
        String model = deployAndCall(2, 0);

        JsonNode version = json(get(READER, "/api/models/" + model + "/metrics?scope=worker&window=15m"))
                .path("versions").get(0);

        long successes = 0;
        long binned = 0;
        for (JsonNode bucket : version.path("buckets")) {
            successes += bucket.path("successes").asLong();
            for (JsonNode count : bucket.path("latencyBins")) {
                binned += count.asLong();
            }
        }
        assertThat(successes).isEqualTo(2);
        assertThat(binned).isEqualTo(2);
    }

    @Test
    void metricsWhenWindowUnknownThen400NamingTheParameter() throws Exception {
        String model = deployAndCall(0, 0);

        HttpResponse<String> response = get(READER, "/api/models/" + model + "/metrics?window=2h");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("error").asString()).contains("'window'", "15m", "1h", "'2h'");
    }

    /** A new model with {@code ok} good and {@code bad} invalid requests served. */
    private String deployAndCall(int ok, int bad) throws Exception {
        String model = uniqueName("metrics");
        assertThat(upload(ADMIN, model, OnnxModels.addConstant(), null).statusCode()).isEqualTo(201);
        assertThat(putJson(ADMIN, "/api/models/" + model + "/rollout", "{\"production\": 1}").statusCode()).isEqualTo(200);
        awaitReady(model, 1);
        for (int i = 0; i < ok; i++) {
            assertThat(postJson(INFERRER, "/v2/models/" + model + "/infer", GOOD).statusCode()).isEqualTo(200);
        }
        for (int i = 0; i < bad; i++) {
            assertThat(postJson(INFERRER, "/v2/models/" + model + "/infer", BAD).statusCode()).isEqualTo(400);
        }
        return model;
    }
}
