package dev.modelport.cli;

import dev.modelport.client.ApiRequest;
import dev.modelport.client.ApiResponse;
import dev.modelport.client.Authorization;
import dev.modelport.client.Credentials;
import dev.modelport.client.Multipart;
import dev.modelport.client.PlatformClient;
import dev.modelport.client.PlatformException;
import java.io.FileNotFoundException;
import java.io.PrintStream;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** What installing the demo needs, as the platform's admin client (modelport-cli) through the gateway. */
final class ModelCommands {

    static final int NO_SUCH_MODEL = 3;
    private static final Duration UPLOAD_TIMEOUT = Duration.ofSeconds(120);

    private final PlatformClient client;
    private final Credentials credentials;
    private final Endpoints endpoints;
    private final PrintStream out;

    ModelCommands(PlatformClient client, Credentials credentials, Endpoints endpoints, PrintStream out) {
        this.client = client;
        this.credentials = credentials;
        this.endpoints = endpoints;
        this.out = out;
    }

    /** {@code has-model NAME}: 0 when the registry has it, {@value NO_SUCH_MODEL} when not. */
    int hasModel(List<String> args) {
        if (args.size() != 1) {
            throw new UsageException("has-model takes a model name");
        }
        String name = modelName(args.getFirst());
        ApiResponse response = client.send(ApiRequest.get(endpoints.gateway(), "/api/models/" + name).as(admin()));
        if (response.is(404)) {
            return NO_SUCH_MODEL;
        }
        response.expect(200);
        return 0;
    }

    /** {@code deploy NAME FILE [--description TEXT]}: uploads FILE as a new version of NAME and puts it in production. */
    int deploy(List<String> args) {
        if (args.size() != 2 && !(args.size() == 4 && args.get(2).equals("--description"))) {
            throw new UsageException("deploy takes NAME FILE [--description TEXT]");
        }
        String name = modelName(args.get(0));
        Path file = Path.of(args.get(1));
        if (!Files.isRegularFile(file)) {
            throw new PlatformException("no model file " + file, 0);
        }
        Authorization.Bearer admin = admin();
        Multipart parts = new Multipart().file("file", file.getFileName().toString(), ofFile(file));
        if (args.size() == 4) {
            parts.field("description", args.get(3));
        }
        JsonNode uploaded = client.json(ApiRequest.post(endpoints.gateway(), "/api/models/" + name + "/versions").as(admin)
                .timeout(UPLOAD_TIMEOUT).multipart(parts), 201);
        if (!uploaded.path("version").isNumber()) {
            throw new PlatformException("gateway answered the upload of " + name + " without a version: " + uploaded, 201);
        }
        int version = uploaded.path("version").asInt();
        client.send(ApiRequest.put(endpoints.gateway(), "/api/models/" + name + "/rollout").as(admin)
                .json("{\"production\": " + version + "}")).expect(200);
        out.println(name + " version " + version + " uploaded (sha256 " + uploaded.path("sha256").asString("?") + ") and in production");
        return 0;
    }

    private Authorization.Bearer admin() {
        return client.bearer(endpoints.auth(), credentials.cliClient());
    }

    private static String modelName(String name) {
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,99}")) {
            throw new UsageException("'" + name + "' is not a model name (letters, digits, . _ -)");
        }
        return name;
    }

    private static BodyPublisher ofFile(Path file) {
        try {
            return BodyPublishers.ofFile(file);
        } catch (FileNotFoundException e) {
            throw new PlatformException("no model file " + file, 0, e);
        }
    }
}
