package dev.modelport.model.onnx;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.unit.DataSize;

/**
 * The command line of the child JVM that runs {@link ModelProbe}: the service's own java and classpath, a small
 * heap, and a virtual memory cap set by the shell, which also bounds what ONNX Runtime allocates natively.
 */
final class ProbeCommand {

    private static final Logger log = LoggerFactory.getLogger(ProbeCommand.class);

    static final String BOOT_LAUNCHER = "org.springframework.boot.loader.launch.PropertiesLauncher";

    /**
     * The JVM defaults reserve over 1 GB of address space (compressed class space, code cache) before main runs;
     * shrinking those lets the child start under a modest {@code ulimit -v}.
     */
    static final List<String> JVM_OPTIONS = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "--enable-native-access=ALL-UNNAMED", "-XX:CompressedClassSpaceSize=64m", "-XX:ReservedCodeCacheSize=32m",
            "-XX:-UsePerfData");

    /** ORT 1.29 crashes natively when the JVM command line is over about 4 KB (see DEPENDENCIES.md). */
    static final int ORT_SAFE_COMMAND_LENGTH = 3500;

    private final String java;
    private final String classPath;
    private final boolean bootJar;
    private final List<String> systemProperties;
    private final long maxMemoryKib;

    ProbeCommand(String java, String classPath, boolean bootJar, List<String> systemProperties, DataSize maxMemory) {
        this.java = java;
        this.classPath = classPath;
        this.bootJar = bootJar;
        this.systemProperties = List.copyOf(systemProperties);
        this.maxMemoryKib = maxMemory.toBytes() / 1024;
    }

    /** The command for this JVM: same binary, same classpath, the properties that steer ORT's native loading. */
    static ProbeCommand forCurrentJvm(DataSize maxMemory) {
        String java = ProcessHandle.current().info().command()
                .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // Surefire starts tests from a manifest-only jar, then sets java.class.path to the expanded classpath, far
        // too long for ORT; it keeps the jar it really started from in its own property
        String classPath = System.getProperty("surefire.real.class.path", System.getProperty("java.class.path"));
        List<String> properties = new ArrayList<>();
        System.getProperties().stringPropertyNames().stream()
                .filter(name -> name.startsWith("onnxruntime."))
                .sorted()
                .forEach(name -> properties.add("-D" + name + "=" + System.getProperty(name)));
        ProbeCommand command = new ProbeCommand(java, classPath, isBootJar(classPath), properties, maxMemory);
        int length = String.join(" ", command.forModel(Path.of("model.onnx"), Path.of("scratch"))).length();
        if (length > ORT_SAFE_COMMAND_LENGTH) {
            log.warn("The ONNX model probe's command line is {} characters; ONNX Runtime 1.29 crashes on command "
                    + "lines over about 4 KB, so uploads may be rejected as crashes. Run the service from a jar "
                    + "(java -jar) to keep the classpath short.", length);
        }
        return command;
    }

    /**
     * True when {@code classPath} is one Spring Boot executable jar, whose classes sit under {@code BOOT-INF/} where
     * only Boot's launcher finds them. Surefire's booter jar and the extracted layout's jar are plain jars whose
     * manifest Class-Path the JVM follows by itself.
     */
    static boolean isBootJar(String classPath) {
        if (classPath == null || classPath.contains(File.pathSeparator) || !classPath.endsWith(".jar")) {
            return false;
        }
        Path jar = Path.of(classPath);
        if (!Files.isRegularFile(jar)) {
            return false;
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.stream().anyMatch(entry -> entry.getName().startsWith("BOOT-INF/"));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the application jar " + jar, e);
        }
    }

    /**
     * The process arguments that probe {@code model}. The child's temporary files (ONNX Runtime extracts its 28 MB
     * native library on every start, and a crashed child never deletes it) go to {@code scratch}, which the caller
     * removes.
     */
    List<String> forModel(Path model, Path scratch) {
        List<String> command = new ArrayList<>();
        // the model path and classpath travel as "$@", never through the shell's parser
        command.addAll(List.of("/bin/sh", "-c", "ulimit -v " + maxMemoryKib + " && exec \"$@\"", "modelport-probe"));
        command.add(java);
        command.addAll(JVM_OPTIONS);
        // a crash log belongs with the other temporary files, not in the service's working directory
        command.add("-XX:ErrorFile=" + Path.of(System.getProperty("java.io.tmpdir"), "modelport-probe-hs_err-%p.log"));
        command.add("-Djava.io.tmpdir=" + scratch.toAbsolutePath());
        command.addAll(systemProperties);
        command.add("-cp");
        command.add(classPath);
        if (bootJar) {
            command.add("-Dloader.main=" + ModelProbe.class.getName());
            command.add(BOOT_LAUNCHER);
        } else {
            command.add(ModelProbe.class.getName());
        }
        command.add(model.toAbsolutePath().toString());
        return command;
    }

    /** Where the child JVM writes its crash log, if it crashes. */
    static Path crashLog(long pid) {
        return Path.of(System.getProperty("java.io.tmpdir"), "modelport-probe-hs_err-" + pid + ".log");
    }
}
