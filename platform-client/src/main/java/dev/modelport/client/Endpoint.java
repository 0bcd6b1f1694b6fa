package dev.modelport.client;

import java.net.URI;

/** A service of the platform by name and base URL, so an error can say which one failed. */
public record Endpoint(String service, URI base) {

    public Endpoint {
        String text = base.toString();
        base = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    }

    public static Endpoint local(String service, int port) {
        return new Endpoint(service, URI.create("http://localhost:" + port));
    }

    /** {@code url} when it is set (e.g. an environment variable), else {@code fallback}. */
    public static Endpoint of(String service, String url, String fallback) {
        return new Endpoint(service, URI.create(url == null || url.isBlank() ? fallback : url));
    }

    public URI resolve(String path) {
        return URI.create(base + path);
    }
}
