package dev.modelport.bench;

import dev.modelport.client.ApiRequest;
import dev.modelport.client.Authorization;
import dev.modelport.client.Credentials;
import dev.modelport.client.Endpoint;
import dev.modelport.client.Multipart;
import dev.modelport.client.PlatformClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** The running platform as the benchmarks use it: a token, uploads, rollouts, readiness. */
final class Platform {

    private static final Duration UPLOAD_TIMEOUT = Duration.ofSeconds(120);

    private final PlatformClient client = PlatformClient.create();
    private final Authorization.Bearer bearer;

    private Platform(Authorization.Bearer bearer) {
        this.bearer = bearer;
    }

    /** Signs in as modelport-cli with its secret from the environment or bin/platform's credentials file in {@code home}. */
    static Platform fromCredentials(Path home, String authUri) {
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.put("MODELPORT_HOME", home.toString());
        Credentials credentials = Credentials.of(environment);
        PlatformClient client = PlatformClient.create();
        return new Platform(client.bearer(new Endpoint("auth-service", URI.create(authUri)), credentials.cliClient()));
    }

    String token() {
        return bearer.token();
    }

    /** The raw client the measurement loops send on. */
    HttpClient http() {
        return client.http();
    }

    /** Deploys {@code bytes} twice: the first version in production, the second as its shadow; waits until both serve. */
    void deployWithShadow(String worker, String model, byte[] bytes) throws InterruptedException {
        int production = deploy(worker, worker, model, bytes);
        int shadow = deploy(worker, worker, model, bytes);
        client.send(ApiRequest.put(endpoint(worker), "/api/models/" + model + "/rollout").as(bearer)
                .json("{\"production\": " + production + ", \"shadow\": " + shadow + "}")).expect(200);
        awaitReady(worker, model, production);
    }

    /** Uploads {@code bytes} as a new version of {@code model}, makes it production, waits until {@code worker} serves it. */
    int deploy(String api, String worker, String model, byte[] bytes) throws InterruptedException {
        Multipart parts = new Multipart().file("file", model + ".onnx", HttpRequest.BodyPublishers.ofByteArray(bytes));
        int version = client.json(ApiRequest.post(endpoint(api), "/api/models/" + model + "/versions").as(bearer)
                .timeout(UPLOAD_TIMEOUT).multipart(parts), 201).path("version").asInt();
        client.send(ApiRequest.put(endpoint(api), "/api/models/" + model + "/rollout").as(bearer)
                .json("{\"production\": " + version + "}")).expect(200);
        awaitReady(worker, model, version);
        return version;
    }

    /** Waits until {@code worker} serves {@code model} (its rollout reached that worker). */
    void awaitServed(String worker, String model) throws InterruptedException {
        await(ApiRequest.get(endpoint(worker), "/v2/models/" + model + "/ready").as(bearer), model + " is not ready on " + worker);
    }

    private void awaitReady(String worker, String model, int version) throws InterruptedException {
        await(ApiRequest.get(endpoint(worker), "/v2/models/" + model + "/versions/" + version + "/ready").as(bearer),
                model + " version " + version + " is not ready on " + worker);
    }

    private void await(ApiRequest ready, String failure) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            if (client.send(ready).is(200)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(failure + " after 60 s");
    }

    /** The API or worker URL the bench was given; errors name it in full. */
    private static Endpoint endpoint(String url) {
        return new Endpoint("the platform", URI.create(url));
    }
}
