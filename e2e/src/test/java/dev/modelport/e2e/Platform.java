package dev.modelport.e2e;

import dev.modelport.client.Authorization;
import dev.modelport.client.Credentials;
import dev.modelport.client.Secret;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stack as a user runs it: {@code bin/platform} in a state directory of the test's own,
 * plus plain HTTP calls. Nothing here knows how the services are built inside.
 */
final class Platform {

    /** What a {@code bin/platform} command printed and how it ended. */
    record Result(int exitCode, String output) {
    }

    private static final List<String> SERVICE_MODULES = List.of("embedded-db", "registry", "config-server",
            "auth-service", "gateway", "model-service", "admin-ui");

    private final Path root;
    private final Path home;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Platform(Path root, Path home) {
        this.root = root;
        this.home = home;
    }

    static Platform fromSystemProperties() {
        return new Platform(Path.of(System.getProperty("modelport.root", "..")).toAbsolutePath().normalize(),
                Path.of(System.getProperty("modelport.home", "target/platform-home")).toAbsolutePath().normalize());
    }

    Path home() {
        return home;
    }

    /** The checkout whose {@code bin/platform} and jars run. */
    Path root() {
        return root;
    }

    Result run(Duration timeout, String... arguments) throws IOException, InterruptedException {
        return run(timeout, Map.of(), arguments);
    }

    /**
     * Runs {@code bin/platform} with {@code environment} added, e.g. {@code CONFIG_GIT_URI} for
     * another config repo or {@code MODELPORT_BUS}; it wins over the inherited environment.
     */
    Result run(Duration timeout, Map<String, String> environment, String... arguments)
            throws IOException, InterruptedException {
        List<String> command = Stream.concat(Stream.of(root.resolve("bin/platform").toString()), Stream.of(arguments)).toList();
        Path output = Files.createTempFile("platform", ".out");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile())
                    .redirectErrorStream(true).redirectOutput(output.toFile());
            builder.environment().put("MODELPORT_HOME", home.toString());
            // a fixed set of credentials is the launcher's job, not the caller's
            builder.environment().keySet().removeIf(key -> key.startsWith("MODELPORT_") && !key.equals("MODELPORT_HOME"));
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("bin/platform " + String.join(" ", arguments) + " ran past " + timeout
                        + ":\n" + Files.readString(output));
            }
            return new Result(process.exitValue(), Files.readString(output));
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /** {@code bin/platform up --workers N --no-build}: starts what is not running; its output is the error when it fails. */
    void up(int workers) throws IOException, InterruptedException {
        Result up = run(Duration.ofMinutes(8), "up", "--workers", Integer.toString(workers), "--no-build");
        if (up.exitCode() != 0) {
            throw new IllegalStateException("bin/platform up exited with " + up.exitCode() + ":\n" + up.output());
        }
    }

    /** Whether this home's stack runs: {@code bin/platform status} shows the gateway UP. */
    boolean gatewayUp() throws IOException, InterruptedException {
        return run(Duration.ofSeconds(30), "status").output().matches("(?s).*gateway\\s+\\d+\\s+8080\\s+UP.*");
    }

    /** A client_credentials token from auth-service; anything but 200 is an error naming auth-service's answer. */
    String token(String clientId, String secret) throws IOException, InterruptedException {
        HttpResponse<String> token = postForm("http://localhost:9000/oauth2/token", clientId + ":" + secret,
                "grant_type=client_credentials");
        if (token.statusCode() != 200) {
            throw new IllegalStateException("no token for " + clientId + ": " + token.statusCode() + " " + token.body());
        }
        return JSON.readTree(token.body()).path("access_token").asString();
    }

    /** What {@code bin/platform up} wrote to the credentials file, read as cli and bench read it. */
    Map<String, String> credentials() throws IOException {
        if (!Files.isRegularFile(home.resolve("credentials"))) {
            throw new NoSuchFileException(home.resolve("credentials").toString());
        }
        return Credentials.readFile(home.resolve("credentials"));
    }

    /** GET with HTTP Basic credentials, a bearer token, or neither. */
    HttpResponse<String> get(String url, String basicCredentials, String bearerToken)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Accept", "application/json");
        if (basicCredentials != null) {
            request.header("Authorization", basic(basicCredentials));
        } else if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postForm(String url, String basicCredentials, String form) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                        .header("Authorization", basic(basicCredentials))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postJson(String url, String bearerToken, String body) throws IOException, InterruptedException {
        return sendJson("POST", url, bearerToken, body);
    }

    HttpResponse<String> putJson(String url, String bearerToken, String body) throws IOException, InterruptedException {
        return sendJson("PUT", url, bearerToken, body);
    }

    /** Any method with a JSON body (or none, when {@code body} is null), with a bearer token or none. */
    HttpResponse<String> sendJson(String method, String url, String bearerToken, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A service's {@code /actuator/prometheus} text, as Prometheus asks for it (the infrastructure user). */
    HttpResponse<String> scrape(String url, String basicCredentials) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                        .header("Accept", "text/plain")
                        .header("Authorization", basic(basicCredentials))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A multipart upload of {@code file} as part {@code file}, as curl -F does (without a token when it is null). */
    HttpResponse<String> upload(String url, String bearerToken, Path file) throws IOException, InterruptedException {
        String boundary = "----modelport-e2e";
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + file.getFileName() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofString(head),
                        HttpRequest.BodyPublishers.ofFile(file),
                        HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n")));
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Whether {@code bin/platform} holds a pid file here: something it started may still run. */
    boolean hasStarted() {
        try (Stream<Path> files = Files.list(home.resolve("pids"))) {
            return files.anyMatch(file -> file.getFileName().toString().endsWith(".pid"));
        } catch (IOException missing) {
            return false;
        }
    }

    /** Pids of live processes whose command line runs one of this checkout's service jars. */
    List<Long> processesOfThisCheckout() {
        List<String> jarDirectories = SERVICE_MODULES.stream().map(module -> root.resolve(module).resolve("target") + "/").toList();
        return ProcessHandle.allProcesses()
                .filter(process -> process.info().commandLine()
                        .map(line -> jarDirectories.stream().anyMatch(line::contains))
                        .orElse(false))
                .map(ProcessHandle::pid)
                .toList();
    }

    /** {@code user:password} as the Authorization header platform-client sends. */
    private static String basic(String credentials) {
        int colon = credentials.indexOf(':');
        String user = credentials.substring(0, colon);
        return new Authorization.Basic(user, new Secret("password", credentials.substring(colon + 1), "the test"), user).header();
    }
}
