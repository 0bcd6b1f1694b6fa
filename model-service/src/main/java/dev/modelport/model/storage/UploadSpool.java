package dev.modelport.model.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.stereotype.Component;

/**
 * Where an upload waits on local disk while it is checked: a private temp file per upload,
 * deleted by the caller when the upload has been stored or rejected.
 */
@Component
public class UploadSpool {

    private final Path directory;

    UploadSpool(StorageProperties properties) {
        this.directory = properties.uploadDirectory();
    }

    public Path newFile() throws IOException {
        Files.createDirectories(directory);
        return Files.createTempFile(directory, "upload-", ".onnx");
    }

    public void discard(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover in the spool directory is harmless and cleaned with the directory
        }
    }
}
