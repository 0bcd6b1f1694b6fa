package dev.modelport.model.inference;

import dev.modelport.model.catalog.Deployment;
import dev.modelport.model.storage.StorageProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rollouts this worker last read from the catalog, kept in {@value #FILE_NAME} next to its
 * model cache, so a worker that starts while PostgreSQL is unreachable can serve them from its
 * sha256-verified cached files. Workers sharing a cache directory share the file: it is replaced
 * whole (write, then atomic rename), so a reader sees one snapshot or the other, never a mix.
 */
@Component
class RolloutSnapshot {

    static final String FILE_NAME = "rollouts-snapshot.json";

    private static final Logger log = LoggerFactory.getLogger(RolloutSnapshot.class);

    /** What a sync read, and when. */
    record Saved(Instant readAt, List<Deployment> deployments) {
    }

    private final Path file;
    private final JsonMapper json;
    private volatile List<Deployment> lastWritten;

    @Autowired
    RolloutSnapshot(StorageProperties storage, JsonMapper json) {
        this(storage.cacheDirectory().resolve(FILE_NAME), json);
    }

    RolloutSnapshot(Path file, JsonMapper json) {
        this.file = file;
        this.json = json;
    }

    Path file() {
        return file;
    }

    /**
     * Keeps {@code deployments} as the snapshot unless they are what this worker wrote last. A disk
     * that cannot take it costs the snapshot only (a WARN), never the sync that read them.
     */
    void save(List<Deployment> deployments, Instant readAt) {
        if (deployments.equals(lastWritten)) {
            return;
        }
        Path partial = null;
        try {
            Files.createDirectories(file.getParent());
            partial = Files.createTempFile(file.getParent(), FILE_NAME, ".part");
            json.writeValue(partial.toFile(), new Saved(readAt, deployments));
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            lastWritten = deployments;
        } catch (IOException | JacksonException e) {
            log.warn("cannot keep the rollout snapshot in {} ({}); a restart while the catalog is unreachable "
                    + "would start with nothing to serve", file, e.getMessage());
        } finally {
            deleteQuietly(partial);
        }
    }

    /** The last snapshot kept here; empty when there is none or it cannot be read (said in a WARN). */
    Optional<Saved> load() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            Saved saved = json.readValue(file.toFile(), Saved.class);
            if (saved.readAt() == null || saved.deployments() == null) {
                log.warn("ignoring the rollout snapshot {}: it names no read time or no deployments", file);
                return Optional.empty();
            }
            return Optional.of(saved);
        } catch (JacksonException e) {
            log.warn("ignoring the rollout snapshot {}: {}", file, e.getOriginalMessage());
            return Optional.empty();
        }
    }

    private static void deleteQuietly(Path partial) {
        if (partial == null) {
            return;
        }
        try {
            Files.deleteIfExists(partial);
        } catch (IOException e) {
            log.debug("could not remove {}", partial, e);
        }
    }
}
