package dev.modelport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncryptCommandTest {

    @TempDir
    Path home;

    @Test
    void encryptWhenValueOnStandardInputThenPostsItWithoutTrailingNewlinesAndPrintsCipher() throws IOException {
        try (StubService configServer = new StubService().answer("/encrypt", 200, "6c1d0f\n")) {
            CliRun run = CliRun.run(environment(configServer.url()), "s3cret value\n\n", "encrypt");

            assertThat(run.out()).isEqualTo("{cipher}6c1d0f\n");
            assertThat(run.status()).isZero();
            StubService.Received request = configServer.received.getFirst();
            assertThat(request.body()).isEqualTo("s3cret value");
            assertThat(request.contentType()).isEqualTo("text/plain");
            assertThat(request.authorization()).startsWith("Basic ");
        }
    }

    @Test
    void encryptWhenValueGivenAsArgumentThenRefusesWithoutCallingAnything() throws IOException {
        try (StubService configServer = new StubService().answer("/encrypt", 200, "x")) {
            CliRun run = CliRun.run(environment(configServer.url()), "", "encrypt", "s3cret");

            assertThat(run.err()).startsWith("platform: encrypt reads the value from standard input, never from its arguments");
            assertThat(run.err()).doesNotContain("s3cret");
            assertThat(run.status()).isEqualTo(2);
            assertThat(configServer.received).isEmpty();
        }
    }

    @Test
    void encryptWhenConfigServerHasNoKeyThenSaysWhichVariableToSet() throws IOException {
        try (StubService configServer = new StubService().answer("/encrypt", 404, "{\"description\":\"No key was installed\"}")) {
            CliRun run = CliRun.run(environment(configServer.url()), "v", "encrypt");

            assertThat(run.err()).isEqualTo("platform: config-server has no encryption key: set MODELPORT_CONFIG_ENCRYPT_KEY"
                    + " (or ENCRYPT_KEY) and restart it\n");
            assertThat(run.status()).isEqualTo(1);
        }
    }

    @Test
    void encryptWhenPasswordRefusedThenNamesTheInfrastructurePassword() throws IOException {
        try (StubService configServer = new StubService().answer("/encrypt", 401, "")) {
            CliRun run = CliRun.run(environment(configServer.url()), "v", "encrypt");

            assertThat(run.err()).isEqualTo("platform: config-server refused the infrastructure user 'modelport': check"
                    + " MODELPORT_INFRA_PASSWORD (from the environment) (401 to POST " + configServer.url() + "/encrypt)\n");
            assertThat(run.status()).isEqualTo(1);
        }
    }

    @Test
    void encryptWhenConfigServerIsDownThenNamesIt() throws IOException {
        String url = "http://localhost:" + StubService.closedPort();

        CliRun run = CliRun.run(environment(url), "v", "encrypt");

        assertThat(run.err()).isEqualTo("platform: config-server does not answer on " + url + " (POST " + url
                + "/encrypt: connection refused); is it running?\n");
        assertThat(run.status()).isEqualTo(1);
    }

    @Test
    void encryptWhenStandardInputIsEmptyThenNothingToEncrypt() {
        CliRun run = CliRun.run(CliRun.environment(home), "\n", "encrypt");

        assertThat(run.err()).isEqualTo("platform: nothing to encrypt\n");
        assertThat(run.status()).isEqualTo(1);
    }

    private Map<String, String> environment(String configServer) {
        Map<String, String> environment = CliRun.environment(home);
        environment.put("MODELPORT_CONFIG_SERVER_URL", configServer);
        return environment;
    }
}
