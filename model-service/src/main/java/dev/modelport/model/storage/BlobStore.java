package dev.modelport.model.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Model bytes in PostgreSQL, content-addressed by sha256 and kept in fixed-size chunks, so
 * the same bytes uploaded twice are stored once and no model ever sits whole in heap.
 * Callers own the transaction: a blob is written together with the version that uses it.
 */
@Component
public class BlobStore {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final int chunkSize;

    BlobStore(JdbcClient jdbc, Clock clock, StorageProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.chunkSize = Math.toIntExact(properties.chunkSize().toBytes());
    }

    public boolean exists(String sha256) {
        return jdbc.sql("SELECT count(*) FROM model_blob WHERE sha256 = :sha").param("sha", sha256)
                .query(Integer.class).single() > 0;
    }

    /** Stores {@code file} under {@code sha256} unless those bytes are already stored; true when it wrote. */
    public boolean storeIfAbsent(String sha256, Path file) {
        int inserted = jdbc.sql("""
                        INSERT INTO model_blob (sha256, size_bytes, chunk_count, created_at)
                        VALUES (:sha, :size, 0, :now) ON CONFLICT (sha256) DO NOTHING""")
                .param("sha", sha256).param("size", size(file))
                .param("now", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                .update();
        if (inserted == 0) {
            return false;
        }
        int chunks = 0;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[chunkSize];
            int filled;
            while ((filled = in.readNBytes(buffer, 0, chunkSize)) > 0) {
                byte[] data = filled == chunkSize ? buffer : Arrays.copyOf(buffer, filled);
                jdbc.sql("INSERT INTO model_blob_chunk (sha256, seq, data) VALUES (:sha, :seq, :data)")
                        .param("sha", sha256).param("seq", chunks).param("data", data).update();
                chunks++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read upload " + file, e);
        }
        jdbc.sql("UPDATE model_blob SET chunk_count = :chunks WHERE sha256 = :sha")
                .param("chunks", chunks).param("sha", sha256).update();
        return true;
    }

    /** Writes the stored bytes to {@code out}, one chunk in memory at a time. */
    public void copyTo(String sha256, OutputStream out) throws IOException {
        Integer chunks = jdbc.sql("SELECT chunk_count FROM model_blob WHERE sha256 = :sha").param("sha", sha256)
                .query(Integer.class).optional()
                .orElseThrow(() -> new IOException("no stored model bytes with sha256 " + sha256));
        for (int seq = 0; seq < chunks; seq++) {
            byte[] data = jdbc.sql("SELECT data FROM model_blob_chunk WHERE sha256 = :sha AND seq = :seq")
                    .param("sha", sha256).param("seq", seq).query(byte[].class).single();
            out.write(data);
        }
    }

    /** Removes the bytes once no version refers to them any more. */
    public void deleteIfUnreferenced(String sha256) {
        jdbc.sql("""
                        DELETE FROM model_blob b WHERE b.sha256 = :sha
                        AND NOT EXISTS (SELECT 1 FROM model_version v WHERE v.sha256 = b.sha256)""")
                .param("sha", sha256).update();
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
