package dev.modelport.client;

import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One call to one service: method, path, credentials, body. Immutable; each {@code with…}
 * returns a changed copy, e.g. {@code ApiRequest.post(configServer, "/encrypt").as(infra).text(value)}.
 */
public record ApiRequest(Endpoint endpoint, String method, String path, Authorization authorization,
                         BodyPublisher body, String contentType, Duration timeout) {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public static ApiRequest get(Endpoint endpoint, String path) {
        return new ApiRequest(endpoint, "GET", path, null, null, null, DEFAULT_TIMEOUT);
    }

    public static ApiRequest post(Endpoint endpoint, String path) {
        return new ApiRequest(endpoint, "POST", path, null, BodyPublishers.noBody(), null, DEFAULT_TIMEOUT);
    }

    public static ApiRequest put(Endpoint endpoint, String path) {
        return new ApiRequest(endpoint, "PUT", path, null, BodyPublishers.noBody(), null, DEFAULT_TIMEOUT);
    }

    public static ApiRequest delete(Endpoint endpoint, String path) {
        return new ApiRequest(endpoint, "DELETE", path, null, BodyPublishers.noBody(), null, DEFAULT_TIMEOUT);
    }

    public ApiRequest as(Authorization newAuthorization) {
        return new ApiRequest(endpoint, method, path, newAuthorization, body, contentType, timeout);
    }

    public ApiRequest timeout(Duration newTimeout) {
        return new ApiRequest(endpoint, method, path, authorization, body, contentType, newTimeout);
    }

    public ApiRequest json(String json) {
        return body(BodyPublishers.ofString(json, StandardCharsets.UTF_8), "application/json");
    }

    public ApiRequest text(String text) {
        return body(BodyPublishers.ofString(text, StandardCharsets.UTF_8), "text/plain");
    }

    public ApiRequest form(String form) {
        return body(BodyPublishers.ofString(form, StandardCharsets.UTF_8), "application/x-www-form-urlencoded");
    }

    public ApiRequest multipart(Multipart parts) {
        return body(parts.body(), parts.contentType());
    }

    public ApiRequest body(BodyPublisher newBody, String newContentType) {
        return new ApiRequest(endpoint, method, path, authorization, newBody, newContentType, timeout);
    }

    /** {@code METHOD url}, as errors name the call. */
    public String describe() {
        return method + " " + endpoint.resolve(path);
    }

    HttpRequest toHttpRequest() {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.resolve(path)).timeout(timeout)
                .method(method, body == null ? BodyPublishers.noBody() : body);
        if (authorization != null) {
            request.header("Authorization", authorization.header());
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return request.build();
    }
}
