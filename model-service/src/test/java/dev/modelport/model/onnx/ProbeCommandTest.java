package dev.modelport.model.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

class ProbeCommandTest {

    @TempDir
    Path directory;

    @Test
    void forModelWhenPlainClasspathThenRunsProbeClassUnderMemoryCap() {
        ProbeCommand command = new ProbeCommand("/opt/jdk/bin/java", "/app/lib/booter.jar", false,
                List.of("-Donnxruntime.native.path=/opt/ort"), DataSize.ofGigabytes(4));

        List<String> arguments = command.forModel(Path.of("/data/model.onnx"), Path.of("/tmp/probe-1"));

        assertThat(arguments.subList(0, 5)).containsExactly(
                "/bin/sh", "-c", "ulimit -v 4194304 && exec \"$@\"", "modelport-probe", "/opt/jdk/bin/java");
        assertThat(arguments).containsSubsequence("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "--enable-native-access=ALL-UNNAMED");
        assertThat(arguments).containsSubsequence("-Djava.io.tmpdir=/tmp/probe-1", "-Donnxruntime.native.path=/opt/ort",
                "-cp", "/app/lib/booter.jar",
                ModelProbe.class.getName(), "/data/model.onnx");
        assertThat(arguments).doesNotContain(ProbeCommand.BOOT_LAUNCHER);
    }

    @Test
    void forModelWhenBootJarThenLaunchesProbeThroughPropertiesLauncher() {
        ProbeCommand command = new ProbeCommand("java", "/app/model-service.jar", true, List.of(),
                DataSize.ofGigabytes(4));

        List<String> arguments = command.forModel(Path.of("/data/model.onnx"), Path.of("/tmp/probe-1"));

        assertThat(arguments).endsWith("-cp", "/app/model-service.jar", "-Dloader.main=" + ModelProbe.class.getName(),
                ProbeCommand.BOOT_LAUNCHER, "/data/model.onnx");
    }

    @Test
    void forCurrentJvmWhenUnderSurefireThenCommandStaysShort() {
        List<String> arguments = ProbeCommand.forCurrentJvm(DataSize.ofGigabytes(4)).forModel(Path.of("m.onnx"),
                Path.of("/tmp/modelport-probe-123"));

        assertThat(String.join(" ", arguments).length()).isLessThan(ProbeCommand.ORT_SAFE_COMMAND_LENGTH);
    }

    @Test
    void isBootJarWhenJarHasBootInfThenTrue() throws IOException {
        Path jar = jar("app.jar", "BOOT-INF/classes/dev/App.class");

        assertThat(ProbeCommand.isBootJar(jar.toString())).isTrue();
    }

    @Test
    void isBootJarWhenManifestOnlyJarThenFalse() throws IOException {
        Path jar = jar("surefirebooter.jar", "META-INF/INDEX.LIST");

        assertThat(ProbeCommand.isBootJar(jar.toString())).isFalse();
    }

    @Test
    void isBootJarWhenSeveralEntriesThenFalse() throws IOException {
        Path jar = jar("app.jar", "BOOT-INF/classes/dev/App.class");

        assertThat(ProbeCommand.isBootJar(jar + java.io.File.pathSeparator + jar)).isFalse();
        assertThat(ProbeCommand.isBootJar(directory.toString())).isFalse();
    }

    private Path jar(String name, String entry) throws IOException {
        Path jar = directory.resolve(name);
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().putValue("Manifest-Version", "1.0");
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file, manifest)) {
            out.putNextEntry(new JarEntry(entry));
            out.closeEntry();
        }
        return jar;
    }
}
