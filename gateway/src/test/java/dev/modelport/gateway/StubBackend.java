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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A stand-in worker on localhost: answers 200 and remembers the headers of every request it saw.
 * On command it answers late ({@link #answerAfter}), with another status ({@link #answerWith}) or
 * drops the connection without an answer ({@link #dropConnections}), as a stuck, degraded or
 * crashing worker would.
 */
final class StubBackend implements AutoCloseable {

    record Seen(String method, String path, Map<String, List<String>> headers, long bodyBytes) {
    }

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    final List<Seen> seen = new CopyOnWriteArrayList<>();
    private volatile long delayMillis;
    private volatile boolean drop;
    private volatile int status = 200;
    private volatile String answer = "{\"ok\":true}";

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
            if (drop) {
                exchange.close();
                return;
            }
            pause(delayMillis);
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            if (status == 503) {
                exchange.getResponseHeaders().add("Retry-After", "5");
            }
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.setExecutor(handlers);
        server.start();
    }

    /** Answers every request {@code millis} late (0: at once) with 200 and never drops a connection. */
    void answerAfter(long millis) {
        drop = false;
        delayMillis = millis;
        status = 200;
        answer = "{\"ok\":true}";
    }

    /** Answers every request at once with {@code code} and {@code json} (a 503 with Retry-After: 5). */
    void answerWith(int code, String json) {
        drop = false;
        delayMillis = 0;
        status = code;
        answer = json;
    }

    /** Reads each request, then closes the connection without answering. */
    void dropConnections() {
        delayMillis = 0;
        drop = true;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
        handlers.shutdownNow();
    }
}
