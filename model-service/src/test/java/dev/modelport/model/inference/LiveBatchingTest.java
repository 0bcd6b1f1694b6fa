package dev.modelport.model.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.modelport.model.metrics.InferenceMetrics;
import dev.modelport.model.testing.OnnxModels;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.validation.Validation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.cloud.context.environment.EnvironmentChangeEvent;
import org.springframework.mock.env.MockEnvironment;

/** Batching settings changed by a config refresh reach loaded versions without a reload. */
class LiveBatchingTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void settingsWhenModelOverrideRefreshedThenRebound() {
        MockEnvironment environment = new MockEnvironment();
        BatchingSettings settings = settings(environment);
        assertThat(settings.batchingFor("iris").maxBatchSize()).isEqualTo(32);

        environment.setProperty("modelport.inference.models.iris.max-batch-size", "48");
        environment.setProperty("modelport.inference.models.iris.max-queue-delay", "5ms");
        settings.onEnvironmentChange(new EnvironmentChangeEvent(Set.of("modelport.inference.models.iris.max-batch-size",
                "modelport.inference.models.iris.max-queue-delay")));

        assertThat(settings.batchingFor("iris").maxBatchSize()).isEqualTo(48);
        assertThat(settings.batchingFor("iris").maxQueueDelay()).isEqualTo(Duration.ofMillis(5));
        assertThat(settings.batchingFor("iris").queueCapacity()).as("unset: the default").isEqualTo(256);
        assertThat(settings.batchingFor("other").maxBatchSize()).isEqualTo(32);
    }

    @Test
    void settingsWhenRefreshedValueInvalidThenSettingsInForceStay() {
        MockEnvironment environment = new MockEnvironment().withProperty("modelport.inference.batching.max-batch-size", "16");
        BatchingSettings settings = settings(environment);
        environment.setProperty("modelport.inference.batching.max-batch-size", "0");
        settings.onEnvironmentChange(new EnvironmentChangeEvent(Set.of("modelport.inference.batching.max-batch-size")));
        assertThat(settings.batchingFor("iris").maxBatchSize()).isEqualTo(16);
    }

    @Test
    void settingsWhenOtherKeysChangeThenNotRebound() {
        MockEnvironment environment = new MockEnvironment();
        BatchingSettings settings = settings(environment);
        InferenceProperties before = settings.current();
        environment.setProperty("modelport.inference.batching.max-batch-size", "8");
        settings.onEnvironmentChange(new EnvironmentChangeEvent(Set.of("logging.level.root")));
        assertThat(settings.current()).isSameAs(before);
    }

    @Test
    void queueWhenCapacityRaisedWhileLoadedThenAdmitsMore() throws Exception {
        SessionRunner runner = EngineFixtures.runner(OnnxModels.addConstant(), EngineFixtures.ADD_CONSTANT);
        AtomicReference<InferenceProperties.Batching> batching =
                new AtomicReference<>(EngineFixtures.batching(1, Duration.ofMillis(1), 1));
        try (BatchQueue queue = new BatchQueue(new VersionKey("add", 1), runner, EngineFixtures.metrics(registry), batching::get)) {
            assertThat(refused(submitAll(queue, 200, 256))).as("capacity 1").isPositive();

            batching.set(EngineFixtures.batching(1, Duration.ofMillis(1), 1000));
            List<CompletableFuture<List<Tensor>>> results = submitAll(queue, 200, 256);
            assertThat(refused(results)).as("capacity 1000").isZero();
            CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).get();
        }
    }

    @Test
    void queueWhenMaxBatchSizeRaisedWhileLoadedThenLargerBatches() throws Exception {
        SessionRunner runner = EngineFixtures.runner(OnnxModels.addConstant(), EngineFixtures.ADD_CONSTANT);
        AtomicReference<InferenceProperties.Batching> batching =
                new AtomicReference<>(EngineFixtures.batching(1, Duration.ofMillis(50), 128));
        try (BatchQueue queue = new BatchQueue(new VersionKey("add", 1), runner, EngineFixtures.metrics(registry), batching::get)) {
            CompletableFuture.allOf(submitAll(queue, 20, 1).toArray(CompletableFuture[]::new)).get();
            assertThat(batchSizes(20).max()).as("max-batch-size 1").isEqualTo(1);

            batching.set(EngineFixtures.batching(64, Duration.ofMillis(50), 128));
            CompletableFuture.allOf(submitAll(queue, 20, 1).toArray(CompletableFuture[]::new)).get();
            assertThat(batchSizes(40).max()).as("max-batch-size 64").isGreaterThan(1);
        }
    }

    /** The batch sizes once {@code rows} rows are recorded: a batch is measured just after its callers are answered. */
    private DistributionSummary batchSizes(int rows) {
        DistributionSummary sizes = await("batch sizes of " + rows + " rows recorded").atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(10))
                .until(() -> registry.find(InferenceMetrics.BATCH_SIZE).summary(), found -> found != null && found.totalAmount() >= rows);
        assertThat(sizes.totalAmount()).as("rows run").isEqualTo(rows);
        return sizes;
    }

    private static BatchingSettings settings(MockEnvironment environment) {
        InferenceProperties initial = Binder.get(environment).bindOrCreate(BatchingSettings.PREFIX, InferenceProperties.class);
        return new BatchingSettings(initial, environment, Validation.buildDefaultValidatorFactory().getValidator());
    }

    private static List<CompletableFuture<List<Tensor>>> submitAll(BatchQueue queue, int count, int rows) {
        List<CompletableFuture<List<Tensor>>> results = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            results.add(queue.submit(List.of(EngineFixtures.rows("x", rows, i)), List.of()));
        }
        return results;
    }

    private static long refused(List<CompletableFuture<List<Tensor>>> results) {
        return results.stream().filter(CompletableFuture::isCompletedExceptionally).count();
    }
}
