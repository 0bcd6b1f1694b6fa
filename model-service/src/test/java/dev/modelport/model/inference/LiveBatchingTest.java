package dev.modelport.model.inference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelport.model.testing.OnnxModels;
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
        BatchGate gate = new BatchGate();
        AtomicReference<InferenceProperties.Batching> batching =
                new AtomicReference<>(EngineFixtures.oneRunner(1, Duration.ofMillis(1), 1));
        List<CompletableFuture<List<Tensor>>> admitted = new ArrayList<>();
        try (BatchQueue queue = new BatchQueue(new VersionKey("add", 1), runner, gate, batching::get)) {
            try (BatchGate.Hold hold = gate.holdNextBatch()) {
                admitted.add(Callers.submit(queue, EngineFixtures.rows("x", 1, 0)));
                hold.awaitHeld();
                // the only slot is held, so nothing leaves the queue while the test fills it
                List<CompletableFuture<List<Tensor>>> first = submitAll(queue, 200, 1);
                awaitAdmittedOrRefused(queue, first, 0);
                assertThat(refused(first)).as("capacity 1: one waits, the rest are refused").isEqualTo(199);
                assertThat(queue.waiting()).isOne();
                admitted.addAll(first.stream().filter(result -> !result.isDone()).toList());

                batching.set(EngineFixtures.oneRunner(1, Duration.ofMillis(1), 1000));
                List<CompletableFuture<List<Tensor>>> second = submitAll(queue, 200, 1);
                awaitAdmittedOrRefused(queue, second, 1);
                assertThat(refused(second)).as("capacity 1000, 201 waiting").isZero();
                assertThat(queue.waiting()).isEqualTo(201);
                admitted.addAll(second);
            }
            CompletableFuture.allOf(admitted.toArray(CompletableFuture[]::new)).get();
        }
        assertThat(admitted).hasSize(202);
        runner.close();
    }

    @Test
    void queueWhenMaxBatchSizeRaisedWhileLoadedThenLargerBatches() throws Exception {
        SessionRunner runner = EngineFixtures.runner(OnnxModels.addConstant(), EngineFixtures.ADD_CONSTANT);
        BatchGate gate = new BatchGate();
        AtomicReference<InferenceProperties.Batching> batching =
                new AtomicReference<>(EngineFixtures.oneRunner(1, Duration.ofMillis(50), 128));
        try (BatchQueue queue = new BatchQueue(new VersionKey("add", 1), runner, gate, batching::get)) {
            submitBehindHeldBatch(queue, gate, 20);
            assertThat(gate.batchRows()).as("max-batch-size 1: 19 requests waited together, each ran alone")
                    .hasSize(20).containsOnly(1);

            batching.set(EngineFixtures.oneRunner(64, Duration.ofMillis(50), 128));
            submitBehindHeldBatch(queue, gate, 20);
            assertThat(gate.batchRows().subList(20, gate.batchRows().size()))
                    .as("max-batch-size 64: the held request, then the 19 waiting behind it in one call")
                    .containsExactly(1, 19);
        }
        runner.close();
    }

    /**
     * Submits one request and holds the runner on it, submits {@code count - 1} more so they wait together, lets the
     * runner go and waits for every answer. Batches are recorded before their callers are answered.
     */
    private static void submitBehindHeldBatch(BatchQueue queue, BatchGate gate, int count) throws Exception {
        List<CompletableFuture<List<Tensor>>> results = new ArrayList<>();
        try (BatchGate.Hold hold = gate.holdNextBatch()) {
            results.add(Callers.submit(queue, EngineFixtures.rows("x", 1, 0)));
            hold.awaitHeld();
            results.addAll(submitAll(queue, count - 1, 1));
            Callers.awaitWaiting(queue, count - 1);
        }
        assertThat(refused(results)).isZero();
        CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).get();
    }

    private static BatchingSettings settings(MockEnvironment environment) {
        InferenceProperties initial = Binder.get(environment).bindOrCreate(BatchingSettings.PREFIX, InferenceProperties.class);
        return new BatchingSettings(initial, environment, Validation.buildDefaultValidatorFactory().getValidator());
    }

    private static List<CompletableFuture<List<Tensor>>> submitAll(BatchQueue queue, int count, int rows) {
        List<CompletableFuture<List<Tensor>>> results = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            results.add(Callers.submit(queue, EngineFixtures.rows("x", rows, i)));
        }
        return results;
    }

    /** Returns once each of {@code submitted} was refused or is waiting in the queue ({@code waitingBefore} were already). */
    private static void awaitAdmittedOrRefused(BatchQueue queue, List<CompletableFuture<List<Tensor>>> submitted,
                                               int waitingBefore) throws InterruptedException {
        Callers.await(() -> refused(submitted) + queue.waiting() - waitingBefore == submitted.size(),
                "every request refused or waiting");
    }

    private static long refused(List<CompletableFuture<List<Tensor>>> results) {
        return results.stream().filter(CompletableFuture::isCompletedExceptionally).count();
    }
}
