package dev.modelport.e2e.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelport.testsupport.RequiredServices;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every shell script of the checkout ({@code bin/*}, {@code .ci/run}, anything starting with a
 * shell shebang) passes shellcheck at its default severity. Without shellcheck the test is
 * skipped, except in CI and under bin/test (which installs it): there it fails.
 */
class ShellScriptsTest {

    private static final Path ROOT = Repository.root();
    private static final Set<String> SKIPPED_DIRECTORIES = Set.of(".git", "target", "node_modules", ".modelport");

    @BeforeAll
    static void shellcheckInstalled() throws Exception {
        boolean installed;
        try {
            installed = run(List.of("shellcheck", "--version")).exitCode() == 0;
        } catch (IOException notFound) {
            installed = false;
        }
        Assumptions.assumeTrue(RequiredServices.available(installed, "shellcheck"),
                "shellcheck not installed (apt-get install shellcheck, or run bin/test)");
    }

    @Test
    void scriptsWhenCheckedThenShellcheckFindsNothing() throws Exception {
        List<Path> scripts = scripts();
        assertThat(scripts).extracting(script -> ROOT.relativize(script).toString())
                .as("the scripts README documents")
                .contains("bin/platform", "bin/test", "bin/bench", ".ci/run");

        List<String> command = new ArrayList<>(List.of("shellcheck", "--format=gcc", "--external-sources"));
        scripts.forEach(script -> command.add(ROOT.relativize(script).toString()));
        Result result = run(command);

        assertThat(result.output()).as("shellcheck on %s", scripts.size() + " scripts").isEmpty();
        assertThat(result.exitCode()).isZero();
    }

    @Test
    void shellcheckWhenScriptHasUnquotedVariableThenReportsIt(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("careless");
        Files.writeString(script, "#!/usr/bin/env bash\ntarget=$1\nrm -rf $target/cache\n");

        Result result = run(List.of("shellcheck", "--format=gcc", script.toString()));

        assertThat(result.exitCode()).as("the lint above can fail").isNotZero();
        assertThat(result.output()).contains("SC2086");
    }

    /** Files outside build output whose first line is a bash or sh shebang. */
    private static List<Path> scripts() throws IOException {
        try (Stream<Path> walk = Files.walk(ROOT)) {
            return walk
                    .filter(Files::isRegularFile)
                    .filter(ShellScriptsTest::outsideSkippedDirectories)
                    .filter(ShellScriptsTest::hasShellShebang)
                    .sorted()
                    .toList();
        }
    }

    private static boolean outsideSkippedDirectories(Path file) {
        for (Path part : ROOT.relativize(file)) {
            if (SKIPPED_DIRECTORIES.contains(part.toString())) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasShellShebang(Path file) {
        try (var in = Files.newInputStream(file)) {
            String start = new String(in.readNBytes(64), StandardCharsets.ISO_8859_1);
            return start.startsWith("#!/usr/bin/env bash") || start.startsWith("#!/bin/bash")
                    || start.startsWith("#!/bin/sh") || start.startsWith("#!/usr/bin/env sh");
        } catch (IOException unreadable) {
            return false;
        }
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("shellcheck took over 60 s");
        }
        return new Result(process.exitValue(), output.strip());
    }
}
