package dev.modelport.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.springframework.util.FileSystemUtils;

/** A throwaway git repo with a {@code config-repo/} folder, as the config server reads it. */
final class TestGitRepo implements AutoCloseable {

    private final Path root;

    private TestGitRepo(Path root) {
        this.root = root;
    }

    static TestGitRepo create(String prefix) throws Exception {
        Path root = Files.createTempDirectory(prefix);
        try (Git git = Git.init().setInitialBranch("main").setDirectory(root.toFile()).call()) {
            Files.createDirectories(root.resolve("config-repo"));
            Files.writeString(root.resolve("config-repo/application.yml"), "logging:\n  level:\n    root: INFO\n");
            commit(git, "initial config");
        }
        return new TestGitRepo(root);
    }

    Path root() {
        return root;
    }

    /** Where the config server clones it: next to it, deleted with it. */
    Path cloneDirectory() {
        return root.resolveSibling(root.getFileName() + "-clone");
    }

    void commit(String file, String content, String message) throws Exception {
        Files.writeString(root.resolve("config-repo").resolve(file), content);
        try (Git git = Git.open(root.toFile())) {
            commit(git, message);
        }
    }

    private static void commit(Git git, String message) throws Exception {
        git.add().addFilepattern(".").call();
        git.commit().setMessage(message).setAuthor("test", "test@localhost").setCommitter("test", "test@localhost")
                .setSign(false).call();
    }

    @Override
    public void close() throws IOException {
        FileSystemUtils.deleteRecursively(root);
        FileSystemUtils.deleteRecursively(cloneDirectory());
    }
}
