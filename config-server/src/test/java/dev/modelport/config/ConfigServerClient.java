package dev.modelport.config;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Plain HTTP calls to the config server under test, with or without the infrastructure user. */
final class ConfigServerClient {

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;

    ConfigServerClient(int port) {
        this.port = port;
    }

    HttpResponse<String> get(String path, String credentials) throws IOException, InterruptedException {
        return http.send(request(path, credentials).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String credentials, String contentType, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = request(path, credentials).POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path, String credentials) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (credentials != null) {
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return request;
    }
}
