package dev.modelport.cli;

import dev.modelport.client.Credentials;
import dev.modelport.client.PlatformClient;
import dev.modelport.client.PlatformException;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar cli/target/cli.jar <command> [arguments]}, as {@code bin/platform} runs it.
 * No argument is ever a secret: credentials come from the environment or {@code $MODELPORT_HOME/credentials}.
 * Exit status: 0 done, 1 failed (the reason on standard error), 2 usage, 3 {@code has-model}: no such model.
 */
public final class PlatformCli {

    static final String USAGE = """
            usage: cli refresh [--bus off|'rabbit HOST:PORT'] NAME:MODULE:PORT...
                   cli encrypt                      (the value on standard input, never as an argument)
                   cli has-model NAME               (exit 3 when there is none)
                   cli deploy NAME FILE [--description TEXT]""";

    private final Map<String, String> environment;
    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final PlatformClient client;
    private final Clock clock;
    private final Duration pollInterval;

    PlatformCli(Map<String, String> environment, InputStream in, PrintStream out, PrintStream err, PlatformClient client,
                Clock clock, Duration pollInterval) {
        this.environment = environment;
        this.in = in;
        this.out = out;
        this.err = err;
        this.client = client;
        this.clock = clock;
        this.pollInterval = pollInterval;
    }

    public static void main(String[] args) {
        int status = new PlatformCli(System.getenv(), System.in, System.out, System.err, PlatformClient.create(),
                Clock.systemUTC(), Duration.ofMillis(500)).run(args);
        System.out.flush();
        System.exit(status);
    }

    int run(String... args) {
        try {
            if (args.length == 0) {
                throw new UsageException("no command");
            }
            List<String> rest = Arrays.asList(args).subList(1, args.length);
            Credentials credentials = Credentials.of(environment);
            Endpoints endpoints = Endpoints.of(environment);
            return switch (args[0]) {
                case "refresh" -> new RefreshCommand(client, credentials, out, clock, pollInterval,
                        refreshTimeout()).run(RefreshCommand.Arguments.parse(rest));
                case "encrypt" -> new EncryptCommand(client, credentials, endpoints.configServer(), out).run(rest, in);
                case "has-model" -> new ModelCommands(client, credentials, endpoints, out).hasModel(rest);
                case "deploy" -> new ModelCommands(client, credentials, endpoints, out).deploy(rest);
                case "help", "-h", "--help" -> {
                    out.println(USAGE);
                    yield 0;
                }
                default -> throw new UsageException("unknown command '" + args[0] + "'");
            };
        } catch (UsageException e) {
            err.println("platform: " + e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (PlatformException e) {
            err.println("platform: " + e.getMessage());
            return 1;
        } finally {
            out.flush();
        }
    }

    private Duration refreshTimeout() {
        String seconds = environment.getOrDefault("MODELPORT_REFRESH_TIMEOUT", "");
        if (seconds.isBlank()) {
            return Duration.ofSeconds(30);
        }
        if (!seconds.matches("[0-9]{1,6}")) {
            throw new UsageException("MODELPORT_REFRESH_TIMEOUT is a number of seconds, not '" + seconds + "'");
        }
        return Duration.ofSeconds(Long.parseLong(seconds));
    }
}
