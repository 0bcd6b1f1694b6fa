package dev.modelport.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/** The running platform as the benchmarks use it: a token, uploads, rollouts, readiness. */
final class Platform {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final String token;

    Platform(String token) {
        this.token = token;
    }

    /** Signs in as modelport-cli with the secret from bin/platform's credentials file. */
    static Platform fromCredentials(Path home, String authUri) throws IOException, InterruptedException {
        String secret = Files.readAllLines(home.resolve("credentials")).stream()
                .filter(line -> line.startsWith("MODELPORT_CLI_SECRET="))
                .map(line -> line.substring(line.indexOf('=') + 1))
                .findFirst().orElseThrow(() -> new IllegalStateException("no MODELPORT_CLI_SECRET in " + home.resolve("credentials")));
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(authUri + "/oauth2/token"))
                        .header("Authorization", "Basic " + Base64.getEncoder()
                                .encodeToString(("modelport-cli:" + secret).getBytes(StandardCharsets.UTF_8)))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("cannot get a token from " + authUri + ": " + response.body());
        }
        return new Platform(JsonMapper.builder().build().readTree(response.body()).path("access_token").asString());
    }

    String token() {
        return token;
    }

    HttpClient http() {
        return http;
    }

    /** Deploys {@code bytes} twice: the first version in production, the second as its shadow; waits until both serve. */
    void deployWithShadow(String worker, String model, byte[] bytes) throws IOException, InterruptedException {
        int production = deploy(worker, worker, model, bytes);
        int shadow = deploy(worker, worker, model, bytes);
        HttpResponse<String> rollout = http.send(HttpRequest.newBuilder(URI.create(worker + "/api/models/" + model + "/rollout"))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"production\": " + production + ", \"shadow\": " + shadow + "}"))
                        .build(), HttpResponse.BodyHandlers.ofString());
        if (rollout.statusCode() != 200) {
            throw new IllegalStateException("shadow rollout of " + model + " failed: " + rollout.body());
        }
        awaitReady(worker, model, production);
    }

    /** Uploads {@code bytes} as a new version of {@code model}, makes it production, waits until {@code worker} serves it. */
    int deploy(String api, String worker, String model, byte[] bytes) throws IOException, InterruptedException {
        String boundary = "----bench" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + model
                + ".onnx\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> uploaded = http.send(HttpRequest.newBuilder(URI.create(api + "/api/models/" + model + "/versions"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
                        HttpRequest.BodyPublishers.ofByteArray(bytes),
                        HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n"))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (uploaded.statusCode() != 201) {
            throw new IllegalStateException("upload of " + model + " failed: " + uploaded.body());
        }
        int version = json.readTree(uploaded.body()).path("version").asInt();
        HttpResponse<String> rollout = http.send(HttpRequest.newBuilder(URI.create(api + "/api/models/" + model + "/rollout"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"production\": " + version + "}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (rollout.statusCode() != 200) {
            throw new IllegalStateException("rollout of " + model + " failed: " + rollout.body());
        }
        awaitReady(worker, model, version);
        return version;
    }

    private void awaitReady(String worker, String model, int version) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> ready = http.send(HttpRequest.newBuilder(
                            URI.create(worker + "/v2/models/" + model + "/versions/" + version + "/ready"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            if (ready.statusCode() == 200) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(model + " is not ready on " + worker + " after 60 s");
    }
}
