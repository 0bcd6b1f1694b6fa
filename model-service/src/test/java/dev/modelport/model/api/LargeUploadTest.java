package dev.modelport.model.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelport.model.testing.ModelServiceTest;
import dev.modelport.model.testing.OnnxModels;
import dev.modelport.testsupport.TestDatabase;
import dev.modelport.testsupport.TestTokens;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A 200 MB model goes in without the model ever sitting in heap: the live heap, sampled with
 * a full collection every 200 ms while the upload runs, grows by less than 64 MB.
 */
@ModelServiceTest
class LargeUploadTest {

    private static final long MODEL_BYTES = 200L * 1024 * 1024;
    private static final long HEAP_GROWTH_LIMIT = 64L * 1024 * 1024;
    private static final TestTokens TOKENS = TestTokens.start();
    private static Path model;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void platform(DynamicPropertyRegistry registry) {
        TestDatabase.Coordinates db = TestDatabase.create("model_large");
        registry.add("spring.datasource.url", db::url);
        registry.add("spring.datasource.username", db::username);
        registry.add("spring.datasource.password", db::password);
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> TestTokens.ISSUER);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TOKENS::jwksUri);
    }

    @BeforeAll
    static void writeModel() throws Exception {
        model = Files.createTempFile("large-model", ".onnx");
        OnnxModels.writeLargeModel(model, MODEL_BYTES);
    }

    @AfterAll
    static void deleteModel() throws Exception {
        Files.deleteIfExists(model);
    }

    @Test
    void uploadWhen200MegabyteModelThenHeapGrowsLessThan64Megabytes() throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long baseline = memory.getHeapMemoryUsage().getUsed();
        AtomicLong maxLive = new AtomicLong(baseline);
        AtomicBoolean uploading = new AtomicBoolean(true);
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            while (uploading.get()) {
                System.gc();
                maxLive.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });

        HttpResponse<String> response;
        try {
            response = HttpClient.newHttpClient().send(multipart(), HttpResponse.BodyHandlers.ofString());
        } finally {
            uploading.set(false);
            sampler.join();
        }

        long growth = maxLive.get() - baseline;
        System.out.printf("200 MB upload: live heap baseline %d MB, max during upload %d MB, growth %d MB (limit 64 MB)%n",
                baseline >> 20, maxLive.get() >> 20, growth >> 20);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(response.body()).contains("\"sizeBytes\":" + Files.size(model));
        assertThat(growth).isLessThan(HEAP_GROWTH_LIMIT);
    }

    private HttpRequest multipart() throws Exception {
        String boundary = "----modelport-large";
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"large.onnx\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n";
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/models/large-model/versions"))
                .header("Authorization", "Bearer " + TOKENS.token("ops-bot", "models.admin"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(
                        HttpRequest.BodyPublishers.ofString(head),
                        HttpRequest.BodyPublishers.ofFile(model),
                        HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n")))
                .build();
    }
}
