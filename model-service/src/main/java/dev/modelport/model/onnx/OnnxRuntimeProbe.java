package dev.modelport.model.onnx;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads a model in ONNX Runtime inside a child JVM ({@link ModelProbe}) and turns the outcome into a signature or an
 * {@link InvalidModelException}. A crash, a memory blow-up or a hang in ORT ends the child, never the service.
 */
final class OnnxRuntimeProbe {

    private static final Logger log = LoggerFactory.getLogger(OnnxRuntimeProbe.class);

    /** The child prints a few hundred bytes; anything beyond this is noise not worth holding. */
    private static final int MAX_CAPTURE = 256 * 1024;

    private static final int MAX_MESSAGE = 2000;

    private static final Set<String> INHERITED_ENVIRONMENT = Set.of("PATH", "LANG", "LC_ALL", "TZ");

    /** How long a killed child gets to be reaped before the probe gives up on it. */
    private static final Duration REAP_TIMEOUT = Duration.ofSeconds(5);

    private final ProbeCommand command;
    private final Duration timeout;

    OnnxRuntimeProbe(ProbeCommand command, Duration timeout) {
        this.command = command;
        this.timeout = timeout;
    }

    /**
     * The signature ONNX Runtime reports for the model at {@code file}.
     *
     * @throws InvalidModelException when ORT refuses the model, crashes on it or takes longer than the timeout
     */
    Signature probe(Path file) {
        Path scratch = createScratchDirectory();
        try {
            return probe(file, scratch);
        } finally {
            deleteRecursively(scratch);
        }
    }

    private Signature probe(Path file, Path scratch) {
        Process process = start(file, scratch);
        FutureTask<String> stdout = capture(process.getInputStream(), "stdout");
        FutureTask<String> stderr = capture(process.getErrorStream(), "stderr");
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                kill(process);
                throw new InvalidModelException("loading the model took longer than " + describe(timeout));
            }
            return interpret(process.exitValue(), stdout.get(), stderr.get(), process.pid(), file);
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while ONNX Runtime was loading " + file, e);
        } catch (ExecutionException e) {
            kill(process);
            throw new IllegalStateException("could not read the model probe's output", e.getCause());
        }
    }

    private Process start(Path file, Path scratch) {
        List<String> arguments = command.forModel(file, scratch);
        ProcessBuilder builder = new ProcessBuilder(arguments);
        // the child parses untrusted input: it gets none of the service's secrets, which often live in the environment
        Map<String, String> environment = builder.environment();
        environment.keySet().retainAll(INHERITED_ENVIRONMENT);
        // glibc reserves 64 MB of address space per malloc arena; under ulimit -v a few threads would use up the cap
        environment.put("MALLOC_ARENA_MAX", "2");
        builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the model probe: " + String.join(" ", arguments), e);
        }
    }

    /** Reads the child's {@code stream} to the end, so the child never blocks on a full pipe, keeping the start. */
    private static FutureTask<String> capture(InputStream stream, String name) {
        FutureTask<String> task = new FutureTask<>(() -> {
            try (stream) {
                ByteArrayOutputStream kept = new ByteArrayOutputStream();
                byte[] buffer = new byte[8192];
                int read;
                while ((read = stream.read(buffer)) != -1) {
                    kept.write(buffer, 0, Math.min(read, Math.max(0, MAX_CAPTURE - kept.size())));
                }
                return kept.toString(StandardCharsets.UTF_8);
            }
        });
        Thread.ofVirtual().name("model-probe-" + name).start(task);
        return task;
    }

    /** Maps the child's exit to a result; package-private so every branch can be tested without crashing ORT. */
    static Signature interpret(int exitCode, String stdout, String stderr, long pid, Path file) {
        List<String> lines = stdout.lines().toList();
        ProbeReport report = lines.reversed().stream()
                .filter(line -> line.startsWith("{"))
                .map(ProbeReport::parse)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
        if (report != null && report.error() != null) {
            throw new InvalidModelException(
                    "ONNX Runtime could not load the model: " + clean(report.error(), file));
        }
        if (report != null && exitCode == ModelProbe.EXIT_LOADED) {
            return report.signature();
        }
        if (!lines.contains(ProbeReport.STARTED)) {
            // the JVM itself refused to start: a configuration problem of this service, not the upload's fault
            throw new IllegalStateException("the model probe did not start (exit code %d): %s"
                    .formatted(exitCode, stderr.strip()));
        }
        log.warn("ONNX Runtime crashed with exit code {} loading {}; crash log, if any: {}; stderr: {}",
                exitCode, file, ProbeCommand.crashLog(pid), stderr.strip());
        throw new InvalidModelException(
                "ONNX Runtime crashed while loading the model (exit code %d)".formatted(exitCode));
    }

    /** ORT's message without the server-side path of the upload, and of a readable length. */
    private static String clean(String message, Path file) {
        String cleaned = message.replace(file.toAbsolutePath().toString(), "the uploaded file").strip();
        return cleaned.length() <= MAX_MESSAGE ? cleaned : cleaned.substring(0, MAX_MESSAGE) + "…";
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            if (!process.waitFor(REAP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("model probe {} did not exit after being killed", process.pid());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Path createScratchDirectory() {
        try {
            return Files.createTempDirectory("modelport-probe-");
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a temporary directory for the model probe", e);
        }
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            log.warn("could not delete the model probe's temporary directory {}", directory, e);
        }
    }

    /** "60s" for whole seconds, "1500ms" otherwise: the form the property is usually written in. */
    static String describe(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }
}
