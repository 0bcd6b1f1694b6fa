package dev.modelport.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.util.FileSystemUtils;

/**
 * A throwaway git repo with a {@code config-repo/} folder, as the config server reads it: registered
 * as a static {@code @RegisterExtension} field, it is created and committed before the test class
 * (so before the application context that clones it) and deleted, with the server's clone, after it.
 */
final class TestGitRepo implements BeforeAllCallback, AfterAllCallback {

    private final String prefix;
    private final String initialFile;
    private final String initialContent;
    private Path root;

    /** A repo whose first commit holds {@code config-repo/application.yml} with the root log level only. */
    TestGitRepo(String prefix) {
        this(prefix, "application.yml", "logging:\n  level:\n    root: INFO\n");
    }

    /** A repo whose first commit holds {@code config-repo/<initialFile>} only. */
    TestGitRepo(String prefix, String initialFile, String initialContent) {
        this.prefix = prefix;
        this.initialFile = initialFile;
        this.initialContent = initialContent;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        root = Files.createTempDirectory(prefix);
        try (Git git = Git.init().setInitialBranch("main").setDirectory(root.toFile()).call()) {
            write(initialFile, initialContent);
            commit(git, "initial config");
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (root != null) {
            FileSystemUtils.deleteRecursively(root);
            FileSystemUtils.deleteRecursively(cloneDirectory());
        }
    }

    Path root() {
        return root;
    }

    /** Where the config server clones it: next to it, deleted with it. */
    Path cloneDirectory() {
        return root.resolveSibling(root.getFileName() + "-clone");
    }

    /** Writes {@code config-repo/<file>} in the working tree without committing it. */
    void write(String file, String content) throws IOException {
        Path path = root.resolve("config-repo").resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, content);
    }

    /** Puts {@code config-repo/<file>} back as last committed. */
    void discardChange(String file) throws Exception {
        try (Git git = Git.open(root.toFile())) {
            git.checkout().addPath("config-repo/" + file).call();
        }
    }

    void commit(String file, String content, String message) throws Exception {
        write(file, content);
        try (Git git = Git.open(root.toFile())) {
            commit(git, message);
        }
    }

    private static void commit(Git git, String message) throws Exception {
        git.add().addFilepattern(".").call();
        git.commit().setMessage(message).setAuthor("test", "test@localhost").setCommitter("test", "test@localhost")
                .setSign(false).call();
    }
}
