package dev.modelport.gateway;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A stand-in worker on localhost: answers 200 and remembers the headers of every request it saw. */
final class StubBackend implements AutoCloseable {

    record Seen(String method, String path, Map<String, List<String>> headers, long bodyBytes) {
    }

    private final HttpServer server;
    final List<Seen> seen = new CopyOnWriteArrayList<>();

    StubBackend() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            long bytes;
            try (InputStream body = exchange.getRequestBody()) {
                bytes = body.transferTo(OutputStream.nullOutputStream());
            }
            seen.add(new Seen(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    Map.copyOf(exchange.getRequestHeaders()), bytes));
            byte[] answer = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
    }

    String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    Seen last() {
        return seen.getLast();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
