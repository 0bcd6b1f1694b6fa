package dev.modelport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformCliTest {

    @TempDir
    Path home;

    @Test
    void runWhenNoCommandThenUsageAndExit2() {
        CliRun run = CliRun.run(CliRun.environment(home), "");

        assertThat(run.err()).startsWith("platform: no command\nusage: cli refresh");
        assertThat(run.status()).isEqualTo(2);
    }

    @Test
    void runWhenUnknownCommandThenNamesItAndExit2() {
        CliRun run = CliRun.run(CliRun.environment(home), "", "rollback");

        assertThat(run.err()).startsWith("platform: unknown command 'rollback'\n");
        assertThat(run.status()).isEqualTo(2);
    }

    @Test
    void runWhenSecretsOnlyInCredentialsFileThenReadsThemFromMODELPORT_HOME() throws IOException {
        Files.writeString(home.resolve("credentials"), "# written by bin/platform\nMODELPORT_INFRA_PASSWORD=from-file\n");
        try (StubService configServer = new StubService().answer("/encrypt", 401, "")) {
            CliRun run = CliRun.run(Map.of("MODELPORT_HOME", home.toString(), "MODELPORT_CONFIG_SERVER_URL", configServer.url()),
                    "v", "encrypt");

            assertThat(run.err()).contains("check MODELPORT_INFRA_PASSWORD (from " + home.resolve("credentials") + ")");
            assertThat(configServer.received.getFirst().authorization()).isEqualTo("Basic "
                    + java.util.Base64.getEncoder().encodeToString("modelport:from-file".getBytes()));
        }
    }
}
