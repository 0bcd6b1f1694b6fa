package dev.modelport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelCommandsTest {

    private static final String TOKEN = "{\"access_token\":\"eyJ.admin\",\"token_type\":\"Bearer\"}";

    @TempDir
    Path home;

    @Test
    void hasModelWhenGatewayKnowsItThen0AndWhen404Then3() throws IOException {
        try (StubService auth = new StubService().answer("/oauth2/token", 200, TOKEN);
             StubService gateway = new StubService().answer("/api/models/iris", 200, "{\"name\":\"iris\"}")
                     .answer("/api/models/fraud", 404, "{\"error\":\"no model fraud\"}")) {
            Map<String, String> environment = environment(auth, gateway);

            assertThat(CliRun.run(environment, "", "has-model", "iris").status()).isZero();
            assertThat(CliRun.run(environment, "", "has-model", "fraud").status()).isEqualTo(3);
            assertThat(gateway.received.getFirst().authorization()).isEqualTo("Bearer eyJ.admin");
        }
    }

    @Test
    void hasModelWhenCliSecretRefusedThenNamesTheSecretAndExit1() throws IOException {
        try (StubService auth = new StubService().answer("/oauth2/token", 401, "{\"error\":\"invalid_client\"}");
             StubService gateway = new StubService()) {
            CliRun run = CliRun.run(environment(auth, gateway), "", "has-model", "iris");

            assertThat(run.err()).startsWith("platform: auth-service refused client 'modelport-cli': check MODELPORT_CLI_SECRET"
                    + " (from the environment) (401 to POST " + auth.url() + "/oauth2/token)");
            assertThat(run.status()).isEqualTo(1);
        }
    }

    @Test
    void hasModelWhenGatewayIsDownThenNamesTheGateway() throws IOException {
        try (StubService auth = new StubService().answer("/oauth2/token", 200, TOKEN)) {
            Map<String, String> environment = CliRun.environment(home);
            environment.put("MODELPORT_AUTH_URL", auth.url());
            environment.put("MODELPORT_GATEWAY_URL", "http://localhost:" + StubService.closedPort());

            CliRun run = CliRun.run(environment, "", "has-model", "iris");

            assertThat(run.err()).startsWith("platform: gateway does not answer on http://localhost:");
            assertThat(run.status()).isEqualTo(1);
        }
    }

    @Test
    void deployWhenUploadedThenPutsTheNewVersionInProduction() throws IOException {
        Path model = Files.write(home.resolve("iris.onnx"), new byte[] {1, 2, 3});
        try (StubService auth = new StubService().answer("/oauth2/token", 200, TOKEN);
             StubService gateway = new StubService()
                     .answer("/api/models/iris/versions", 201, "{\"model\":\"iris\",\"version\":2,\"sha256\":\"ab12\"}")
                     .answer("/api/models/iris/rollout", 200, "{\"production\":2}")) {

            CliRun run = CliRun.run(environment(auth, gateway), "", "deploy", "iris", model.toString(),
                    "--description", "Iris classifier");

            assertThat(run.out()).isEqualTo("iris version 2 uploaded (sha256 ab12) and in production\n");
            assertThat(run.status()).isZero();
            StubService.Received upload = gateway.received.get(0);
            assertThat(upload.contentType()).startsWith("multipart/form-data; boundary=");
            assertThat(upload.body()).contains("name=\"file\"; filename=\"iris.onnx\"", "name=\"description\"\r\n\r\nIris classifier");
            StubService.Received rollout = gateway.received.get(1);
            assertThat(rollout.method()).isEqualTo("PUT");
            assertThat(rollout.body()).isEqualTo("{\"production\": 2}");
            assertThat(rollout.authorization()).isEqualTo("Bearer eyJ.admin");
        }
    }

    @Test
    void deployWhenUploadRefusedThenShowsTheGatewaysErrorAndSetsNoRollout() throws IOException {
        Path model = Files.write(home.resolve("bad.onnx"), new byte[] {0});
        try (StubService auth = new StubService().answer("/oauth2/token", 200, TOKEN);
             StubService gateway = new StubService()
                     .answer("/api/models/iris/versions", 400, "{\"error\":\"not an ONNX model\"}")
                     .answer("/api/models/iris/rollout", 200, "{}")) {

            CliRun run = CliRun.run(environment(auth, gateway), "", "deploy", "iris", model.toString());

            assertThat(run.err()).isEqualTo("platform: gateway answered 400 to POST " + gateway.url()
                    + "/api/models/iris/versions: {\"error\":\"not an ONNX model\"}\n");
            assertThat(run.status()).isEqualTo(1);
            assertThat(gateway.received).noneMatch(request -> request.path().endsWith("/rollout"));
        }
    }

    @Test
    void deployWhenFileMissingOrNameInvalidThenSaysSo() {
        assertThat(CliRun.run(CliRun.environment(home), "", "deploy", "iris", home.resolve("none.onnx").toString()).err())
                .isEqualTo("platform: no model file " + home.resolve("none.onnx") + "\n");
        CliRun badName = CliRun.run(CliRun.environment(home), "", "deploy", "../keys", "x");
        assertThat(badName.err()).startsWith("platform: '../keys' is not a model name");
        assertThat(badName.status()).isEqualTo(2);
    }

    private Map<String, String> environment(StubService auth, StubService gateway) {
        Map<String, String> environment = CliRun.environment(home);
        environment.put("MODELPORT_AUTH_URL", auth.url());
        environment.put("MODELPORT_GATEWAY_URL", gateway.url());
        return environment;
    }
}
