package dev.modelport.cli;

import dev.modelport.client.PlatformClient;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Runs the CLI in-process with a given environment and standard input; what it printed and its exit status. */
record CliRun(int status, String out, String err) {

    static final String INFRA_PASSWORD = "infra-pw";
    static final String CLI_SECRET = "cli-secret";

    /** The environment of a platform whose credentials are set; the home has no credentials file. */
    static Map<String, String> environment(Path home) {
        Map<String, String> environment = new HashMap<>();
        environment.put("MODELPORT_HOME", home.toString());
        environment.put("MODELPORT_INFRA_PASSWORD", INFRA_PASSWORD);
        environment.put("MODELPORT_CLI_SECRET", CLI_SECRET);
        return environment;
    }

    static CliRun run(Map<String, String> environment, String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new PlatformCli(environment, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                PlatformClient.create(), Clock.systemUTC(), Duration.ofMillis(10)).run(args);
        return new CliRun(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
