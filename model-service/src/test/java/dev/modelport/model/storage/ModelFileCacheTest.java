package dev.modelport.model.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modelport.model.testing.ModelServiceTest;
import dev.modelport.testsupport.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/** Bytes go into PostgreSQL in chunks and come back to a worker's disk verified. */
@ModelServiceTest(webEnvironment = WebEnvironment.MOCK)
@TestPropertySource(properties = "modelport.storage.chunk-size=64KB")
class ModelFileCacheTest {

    @Autowired
    BlobStore blobs;

    @Autowired
    ModelFileCache cache;

    @Autowired
    TransactionTemplate transaction;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws IOException {
        TestDatabase.Coordinates db = TestDatabase.create("model_cache");
        registry.add("spring.datasource.url", db::url);
        registry.add("spring.datasource.username", db::username);
        registry.add("spring.datasource.password", db::password);
        Path cacheDirectory = Files.createTempDirectory("model-cache");
        registry.add("modelport.storage.cache-directory", cacheDirectory::toString);
    }

    @Test
    void verifiedFileWhenStoredInChunksThenSameBytesOnDisk() throws Exception {
        Path source = randomFile(300 * 1024 + 17);
        String sha = Sha256.of(source);
        Boolean first = transaction.execute(status -> blobs.storeIfAbsent(sha, source));
        Boolean second = transaction.execute(status -> blobs.storeIfAbsent(sha, source));
        assertThat(first).isTrue();
        assertThat(second).as("stored once").isFalse();

        Path cached = cache.verifiedFile(sha);

        assertThat(Files.readAllBytes(cached)).isEqualTo(Files.readAllBytes(source));
    }

    @Test
    void verifiedFileWhenCacheCopyTamperedThenFetchedAgain() throws Exception {
        Path source = randomFile(100 * 1024);
        String sha = Sha256.of(source);
        transaction.execute(status -> blobs.storeIfAbsent(sha, source));
        Path cached = cache.verifiedFile(sha);
        Files.write(cached, new byte[] {1, 2, 3});

        Path again = cache.verifiedFile(sha);

        assertThat(Sha256.of(again)).isEqualTo(sha);
    }

    @Test
    void verifiedFileWhenUnknownShaThenFailsWithoutLeavingFiles() {
        String unknown = "0".repeat(64);
        assertThatThrownBy(() -> cache.verifiedFile(unknown)).isInstanceOf(IOException.class).hasMessageContaining(unknown);
    }

    private static Path randomFile(int size) throws IOException {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        Path file = Files.createTempFile("blob", ".bin");
        Files.write(file, bytes);
        return file;
    }
}
