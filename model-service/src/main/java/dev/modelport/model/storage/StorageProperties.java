package dev.modelport.model.storage;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Where model bytes go on their way in and out.
 *
 * @param chunkSize size of the pieces model bytes are stored in (and the most of a model held in heap)
 * @param cacheDirectory this worker's local copies of model files, verified by sha256 before use
 *     (default {@code $TMPDIR/modelport/cache}; workers on one host may share it)
 * @param uploadDirectory where uploads are spooled while they are checked (default {@code $TMPDIR/modelport/uploads})
 */
@Validated
@ConfigurationProperties("modelport.storage")
public record StorageProperties(
        @DefaultValue("1MB") DataSize chunkSize,
        Path cacheDirectory,
        Path uploadDirectory) {

    public StorageProperties {
        // @DefaultValue does not resolve placeholders, so the temp-directory defaults are set here
        Path temp = Path.of(System.getProperty("java.io.tmpdir"), "modelport");
        cacheDirectory = cacheDirectory == null ? temp.resolve("cache") : cacheDirectory;
        uploadDirectory = uploadDirectory == null ? temp.resolve("uploads") : uploadDirectory;
    }
}
