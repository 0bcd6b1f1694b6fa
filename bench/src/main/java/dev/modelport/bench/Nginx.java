package dev.modelport.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * nginx as the reference reverse proxy: one process ({@code master_process off}), on a free
 * loopback port, in front of the same workers, with keep-alive upstream connections and an
 * access log, as an operator would run it. Stopped (and its directory removed) on close.
 */
final class Nginx implements AutoCloseable {

    private final Process process;
    private final Path directory;
    private final int port;
    private final String version;

    private Nginx(Process process, Path directory, int port, String version) {
        this.process = process;
        this.directory = directory;
        this.port = port;
        this.version = version;
    }

    static Nginx start(List<String> workers) throws IOException, InterruptedException {
        String binary = System.getenv().getOrDefault("NGINX", "nginx");
        Path directory = Files.createTempDirectory("modelport-bench-nginx");
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        String upstreams = workers.stream().map(URI::create).map(uri -> "    server " + uri.getHost() + ":" + uri.getPort() + ";")
                .collect(Collectors.joining("\n"));
        String config = """
                master_process off;
                daemon off;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log warn;
                events { worker_connections 1024; }
                http {
                  access_log %1$s/access.log;
                  client_body_temp_path %1$s/body;
                  proxy_temp_path %1$s/proxy;
                  fastcgi_temp_path %1$s/fastcgi;
                  uwsgi_temp_path %1$s/uwsgi;
                  scgi_temp_path %1$s/scgi;
                  client_max_body_size 8m;
                  client_body_buffer_size 1m;
                  upstream workers {
                %2$s
                    keepalive 64;
                  }
                  server {
                    listen 127.0.0.1:%3$d;
                    location / {
                      proxy_pass http://workers;
                      proxy_http_version 1.1;
                      proxy_set_header Connection "";
                      proxy_set_header Host $host;
                    }
                  }
                }
                """.formatted(directory, upstreams, port);
        Path file = directory.resolve("nginx.conf");
        Files.writeString(file, config);
        Process process;
        String version;
        try {
            Process probe = new ProcessBuilder(binary, "-v").redirectErrorStream(true).start();
            version = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim().replace("nginx version: ", "");
            probe.waitFor();
            process = new ProcessBuilder(binary, "-p", directory.toString(), "-c", file.toString())
                    .redirectErrorStream(true).redirectOutput(directory.resolve("stdout.log").toFile()).start();
        } catch (IOException e) {
            throw new IOException("cannot run " + binary + " (bin/bench gateway installs Debian's nginx-light): " + e.getMessage(), e);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("nginx exited: " + Files.readString(directory.resolve("error.log")));
            }
            try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return new Nginx(process, directory, port, version);
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        process.destroyForcibly();
        throw new IOException("nginx did not listen on 127.0.0.1:" + port + " within 10 s");
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    String version() {
        return version;
    }

    ProcessCpu cpu() {
        return new ProcessCpu(process.pid());
    }

    @Override
    public void close() throws IOException, InterruptedException {
        process.destroy();
        process.waitFor();
        try (var files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
