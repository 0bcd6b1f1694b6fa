package dev.modelport.model.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modelport.model.metrics.InferenceMetrics;
import dev.modelport.model.testing.OnnxModels;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BatchQueueTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void submitWhenConcurrentRequestsThenMergedAndEachGetsItsOwnRows() throws Exception {
        SessionRunner runner = EngineFixtures.runner(OnnxModels.addConstant(), EngineFixtures.ADD_CONSTANT);
        VersionKey key = new VersionKey("add", 1);
        try (BatchQueue queue = new BatchQueue(key, runner, EngineFixtures.metrics(registry),
                EngineFixtures.batching(64, Duration.ofMillis(50), 128))) {
            List<CompletableFuture<List<Tensor>>> results = new ArrayList<>();
            List<Tensor> inputs = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                Tensor input = EngineFixtures.rows("x", 1 + i % 3, i * 100);
                inputs.add(input);
                results.add(queue.submit(List.of(input), List.of()));
            }
            for (int i = 0; i < inputs.size(); i++) {
                Tensor expected = runner.run(List.of(inputs.get(i)), List.of()).getFirst();
                assertThat(results.get(i).get()).containsExactly(expected);
            }
        }
        var batches = registry.find(InferenceMetrics.BATCH_SIZE).summary();
        assertThat(batches.count()).as("20 requests in fewer calls").isLessThan(20);
        assertThat(batches.max()).isGreaterThan(3);
    }

    @Test
    void submitWhenAloneOnIdleQueueThenRunsWithoutWaitingForCompany() throws Exception {
        SessionRunner runner = EngineFixtures.runner(OnnxModels.addConstant(), EngineFixtures.ADD_CONSTANT);
        try (BatchQueue queue = new BatchQueue(new VersionKey("add", 1), runner, EngineFixtures.metrics(registry),
                EngineFixtures.batching(32, Duration.ofSeconds(30), 16))) {
            Tensor input = EngineFixtures.rows("x", 2, 7);
            // a 30 s queue delay would outlast this wait: the lone request must not sit it out
            assertThat(queue.submit(List.of(input), List.of()).get(10, TimeUnit.SECONDS))
                    .containsExactly(runner.run(List.of(input), List.of()).getFirst());
        }
    }

    @Test
    void submitWhenQueueFullThenOverloadedWithRetryAfter() throws Exception {
        SessionRunner runner = EngineFixtures.runner(OnnxModels.addConstant(), EngineFixtures.ADD_CONSTANT);
        try (BatchQueue queue = new BatchQueue(new VersionKey("add", 1), runner, EngineFixtures.metrics(registry),
                EngineFixtures.batching(1, Duration.ofMillis(1), 1))) {
            List<CompletableFuture<List<Tensor>>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                results.add(queue.submit(List.of(EngineFixtures.rows("x", 256, i)), List.of()));
            }
            CompletableFuture<List<Tensor>> refused = results.stream()
                    .filter(CompletableFuture::isCompletedExceptionally).findFirst().orElseThrow();
            assertThatThrownBy(refused::join).isInstanceOf(CompletionException.class)
                    .cause().isInstanceOfSatisfying(InferenceException.class, e -> {
                        assertThat(e.reason()).isEqualTo(InferenceException.Reason.OVERLOADED);
                        assertThat(e.retryAfter()).isPositive();
                    });
        }
    }

    @Test
    void submitWhenRowShapesDifferThenNotMergedButAllAnswered() throws Exception {
        var signature = new dev.modelport.model.onnx.Signature(
                List.of(new dev.modelport.model.onnx.TensorSpec("a", "FP32", List.of(-1L, 3L)),
                        new dev.modelport.model.onnx.TensorSpec("b", "FP32", List.of(-1L, 3L))),
                List.of(new dev.modelport.model.onnx.TensorSpec("sum", "FP32", List.of(-1L, 3L))));
        SessionRunner runner = EngineFixtures.runner(OnnxModels.multiInput(), signature);
        try (BatchQueue queue = new BatchQueue(new VersionKey("sum", 1), runner, EngineFixtures.metrics(registry),
                EngineFixtures.batching(8, Duration.ofMillis(20), 16))) {
            Tensor a = new Tensor("a", Datatype.FP32, new long[] {2, 3}, new float[] {1, 2, 3, 4, 5, 6});
            Tensor b = new Tensor("b", Datatype.FP32, new long[] {2, 3}, new float[] {10, 20, 30, 40, 50, 60});
            List<Tensor> first = queue.submit(List.of(a, b), List.of()).get();
            assertThat((float[]) first.getFirst().data()).containsExactly(11, 22, 33, 44, 55, 66);
        }
    }
}
