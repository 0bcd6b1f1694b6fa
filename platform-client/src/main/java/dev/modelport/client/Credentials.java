package dev.modelport.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The platform's secrets, read where {@code bin/platform} keeps them and never from a command
 * line: the environment wins, then {@code $MODELPORT_HOME/credentials} ({@code KEY=value}
 * lines, the last one of a key counts), as {@code bin/platform up} writes it.
 */
public final class Credentials {

    public static final String INFRA_PASSWORD = "MODELPORT_INFRA_PASSWORD";
    public static final String CLI_SECRET = "MODELPORT_CLI_SECRET";
    public static final String CLI_CLIENT_ID = "modelport-cli";

    private final Map<String, String> environment;
    private final Path file;

    public Credentials(Map<String, String> environment, Path file) {
        this.environment = Map.copyOf(environment);
        this.file = file;
    }

    /** {@code environment}'s secrets, then the file in {@code MODELPORT_HOME} (default {@code .modelport}). */
    public static Credentials of(Map<String, String> environment) {
        String home = environment.getOrDefault("MODELPORT_HOME", "");
        return new Credentials(environment, Path.of(home.isBlank() ? ".modelport" : home).resolve("credentials"));
    }

    public Path file() {
        return file;
    }

    public Optional<Secret> find(String key) {
        String value = environment.get(key);
        if (value != null && !value.isEmpty()) {
            return Optional.of(new Secret(key, value, "the environment"));
        }
        return Optional.ofNullable(readFile(file).get(key)).filter(saved -> !saved.isEmpty())
                .map(saved -> new Secret(key, saved, file.toString()));
    }

    public Secret require(String key) {
        return find(key).orElseThrow(() -> new PlatformException("no " + key + ": set it in the environment, or run"
                + " bin/platform up once (it writes " + file + ")", 0));
    }

    /** The infrastructure user (actuator, Eureka, config server): {@code MODELPORT_INFRA_USER}, default {@code modelport}. */
    public Authorization.Basic infrastructureUser() {
        String user = environment.getOrDefault("MODELPORT_INFRA_USER", "");
        user = user.isBlank() ? "modelport" : user;
        return new Authorization.Basic(user, require(INFRA_PASSWORD), "the infrastructure user '" + user + "'");
    }

    /** The platform's own admin client, {@code modelport-cli}. */
    public Authorization.Basic cliClient() {
        return Authorization.Basic.client(CLI_CLIENT_ID, require(CLI_SECRET));
    }

    /** Every {@code KEY=value} line of a credentials file (comments skipped; the last line of a key wins); empty when it is missing. */
    public static Map<String, String> readFile(Path file) {
        Map<String, String> values = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return values;
        }
        try {
            for (String line : Files.readAllLines(file)) {
                int equals = line.indexOf('=');
                if (!line.startsWith("#") && equals > 0) {
                    values.put(line.substring(0, equals), line.substring(equals + 1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return values;
    }
}
