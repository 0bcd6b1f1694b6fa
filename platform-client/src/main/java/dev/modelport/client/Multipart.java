package dev.modelport.client;

import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A {@code multipart/form-data} body as {@code curl -F} sends it: text fields and file parts, streamed. */
public final class Multipart {

    private final String boundary = "----modelport-" + UUID.randomUUID();
    private final List<BodyPublisher> parts = new ArrayList<>();

    public Multipart field(String name, String value) {
        parts.add(BodyPublishers.ofString("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
                + "\"\r\n\r\n" + value + "\r\n", StandardCharsets.UTF_8));
        return this;
    }

    /** A file part of {@code bytes}, e.g. an ONNX model. */
    public Multipart file(String name, String filename, BodyPublisher bytes) {
        parts.add(BodyPublishers.ofString("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
                + "\"; filename=\"" + filename + "\"\r\nContent-Type: application/octet-stream\r\n\r\n", StandardCharsets.UTF_8));
        parts.add(bytes);
        parts.add(BodyPublishers.ofString("\r\n"));
        return this;
    }

    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    public BodyPublisher body() {
        List<BodyPublisher> all = new ArrayList<>(parts);
        all.add(BodyPublishers.ofString("--" + boundary + "--\r\n"));
        return BodyPublishers.concat(all.toArray(BodyPublisher[]::new));
    }
}
