package dev.modelport.model.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.modelport.model.onnx.Signature;
import dev.modelport.model.onnx.TensorSpec;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A version that is not batched has the same bound as a batched one: requests beyond queue-capacity
 * waiting for a slot are refused at once (503 + Retry-After), and one waiting past its deadline gets 504.
 */
class DirectQueueTest {

    /** No batch dimension: run directly. */
    private static final Signature FIXED = new Signature(
            List.of(new TensorSpec("x", "FP32", List.of(1L, 4L))), List.of(new TensorSpec("y", "FP32", List.of(1L, 4L))));
    private static final long LONG_DEADLINE = TimeUnit.SECONDS.toNanos(30);

    // callers of their own: the common pool may have a single thread, which the first request would hold
    private final ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor();
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch running = new CountDownLatch(1);
    private final SessionRunner runner = mock(SessionRunner.class);
    private final List<Tensor> answer = List.of(EngineFixtures.rows("y", 1, 0));
    private LoadedVersion version;

    @AfterEach
    void finish() throws Exception {
        release.countDown();
        callers.shutdownNow();
        if (version != null) {
            version.close();
        }
    }

    @Test
    void submitWhenSlotsBusyAndWaitersAtCapacityThenNextRefusedAtOnceWithRetryAfter() throws Exception {
        version = blockingVersion(1, 2);
        CompletableFuture<CompletableFuture<List<Tensor>>> first = CompletableFuture.supplyAsync(this::submitLong, callers);
        assertThat(running.await(10, TimeUnit.SECONDS)).as("the first request holds the only slot").isTrue();
        CompletableFuture<CompletableFuture<List<Tensor>>> second = CompletableFuture.supplyAsync(this::submitLong, callers);
        CompletableFuture<CompletableFuture<List<Tensor>>> third = CompletableFuture.supplyAsync(this::submitLong, callers);
        await().atMost(Duration.ofSeconds(10)).until(() -> version.waiting() == 2);

        CompletableFuture<List<Tensor>> refused = submitLong();

        // submit returned a failed future itself: parked, it would have returned only after the 30 s deadline, as 504
        assertThat(refused).isCompletedExceptionally();
        InferenceException overloaded = cause(refused);
        assertThat(overloaded.reason()).isEqualTo(InferenceException.Reason.OVERLOADED);
        assertThat(overloaded.retryAfter()).isEqualTo(Duration.ofSeconds(1));
        assertThat(overloaded.getMessage()).isEqualTo("model fixed:1 has 2 requests waiting; retry shortly");

        release.countDown();
        for (CompletableFuture<CompletableFuture<List<Tensor>>> accepted : List.of(first, second, third)) {
            assertThat(accepted.get(10, TimeUnit.SECONDS).get(10, TimeUnit.SECONDS)).isSameAs(answer);
        }
        assertThat(version.waiting()).isZero();
    }

    @Test
    void submitWhenSlotBusyPastTheDeadlineThenTimeout() throws Exception {
        version = blockingVersion(1, 8);
        CompletableFuture.supplyAsync(this::submitLong, callers);
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<List<Tensor>> late = version.submit(answer, List.of(), TimeUnit.MILLISECONDS.toNanos(50));

        InferenceException timeout = cause(late);
        assertThat(timeout.reason()).isEqualTo(InferenceException.Reason.TIMEOUT);
        assertThat(timeout.getMessage()).isEqualTo("model fixed:1 was busy for the whole request timeout");
        assertThat(version.waiting()).as("a timed-out waiter leaves the queue").isZero();
    }

    private LoadedVersion blockingVersion(int maxConcurrency, int queueCapacity) {
        when(runner.signature()).thenReturn(FIXED);
        when(runner.run(anyList(), anyList())).thenAnswer(call -> {
            running.countDown();
            release.await(30, TimeUnit.SECONDS);
            return answer;
        });
        InferenceProperties.Batching batching = new InferenceProperties.Batching(true, 32, Duration.ofMillis(2),
                queueCapacity, maxConcurrency, 1);
        LoadedVersion loaded = new LoadedVersion(new VersionKey("fixed", 1), runner,
                EngineFixtures.metrics(new SimpleMeterRegistry()), batching);
        assertThat(loaded.batching()).as("no batch dimension").isFalse();
        return loaded;
    }

    private CompletableFuture<List<Tensor>> submitLong() {
        return version.submit(answer, List.of(), LONG_DEADLINE);
    }

    private static InferenceException cause(CompletableFuture<?> future) {
        try {
            future.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return (InferenceException) e.getCause();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("expected the request to fail");
    }
}
