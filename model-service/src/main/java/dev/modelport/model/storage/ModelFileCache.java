package dev.modelport.model.storage;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.springframework.stereotype.Component;

/**
 * This worker's copies of model files on local disk, named by sha256. A file is fetched
 * from the {@link BlobStore} once and its sha256 is checked every time it is handed out, so
 * a corrupted or tampered cache file is never loaded: it is fetched again instead.
 */
@Component
public class ModelFileCache {

    private final BlobStore blobs;
    private final Path directory;

    ModelFileCache(BlobStore blobs, StorageProperties properties) {
        this.blobs = blobs;
        this.directory = properties.cacheDirectory();
    }

    /** A local file holding exactly the bytes with this sha256. */
    public Path verifiedFile(String sha256) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve(sha256 + ".onnx");
        if (Files.exists(file) && Sha256.of(file).equals(sha256)) {
            return file;
        }
        Files.deleteIfExists(file);
        Path partial = Files.createTempFile(directory, sha256, ".part");
        try {
            try (OutputStream out = Files.newOutputStream(partial)) {
                blobs.copyTo(sha256, out);
            }
            String actual = Sha256.of(partial);
            if (!actual.equals(sha256)) {
                throw new IOException("stored model bytes do not match their sha256 " + sha256 + " (got " + actual + ")");
            }
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
