package dev.modelport.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialsTest {

    @TempDir
    Path home;

    @Test
    void findWhenSetInEnvironmentThenEnvironmentWinsOverTheFile() throws IOException {
        Files.writeString(home.resolve("credentials"), "MODELPORT_INFRA_PASSWORD=from-file\n");
        Credentials credentials = Credentials.of(Map.of("MODELPORT_HOME", home.toString(), "MODELPORT_INFRA_PASSWORD", "from-env"));

        assertThat(credentials.require("MODELPORT_INFRA_PASSWORD"))
                .isEqualTo(new Secret("MODELPORT_INFRA_PASSWORD", "from-env", "the environment"));
    }

    @Test
    void findWhenOnlyInFileThenLastLineOfTheKeyWinsAndSourceIsTheFile() throws IOException {
        Files.writeString(home.resolve("credentials"), """
                # ModelPort credentials
                MODELPORT_CLI_SECRET=old
                MODELPORT_CLI_SECRET=a=b=c
                """);
        Credentials credentials = Credentials.of(Map.of("MODELPORT_HOME", home.toString(), "MODELPORT_CLI_SECRET", ""));

        Secret secret = credentials.require("MODELPORT_CLI_SECRET");

        assertThat(secret.value()).isEqualTo("a=b=c");
        assertThat(secret.source()).isEqualTo(home.resolve("credentials").toString());
        assertThat(secret.toString()).isEqualTo("MODELPORT_CLI_SECRET (from " + home.resolve("credentials") + ")");
    }

    @Test
    void requireWhenNowhereThenMessageSaysWhereItWasLookedFor() {
        Credentials credentials = Credentials.of(Map.of("MODELPORT_HOME", home.toString()));

        assertThatThrownBy(credentials::infrastructureUser)
                .isInstanceOf(PlatformException.class)
                .hasMessage("no MODELPORT_INFRA_PASSWORD: set it in the environment, or run bin/platform up once (it writes "
                        + home.resolve("credentials") + ")");
    }

    @Test
    void infrastructureUserWhenNoUserSetThenIsModelport() throws IOException {
        Files.writeString(home.resolve("credentials"), "MODELPORT_INFRA_PASSWORD=pw\n");

        Authorization.Basic infra = Credentials.of(Map.of("MODELPORT_HOME", home.toString())).infrastructureUser();

        assertThat(infra.user()).isEqualTo("modelport");
        assertThat(infra.toString()).doesNotContain("pw");
        assertThat(infra.refusal()).isEqualTo("refused the infrastructure user 'modelport': check MODELPORT_INFRA_PASSWORD (from "
                + home.resolve("credentials") + ")");
    }
}
