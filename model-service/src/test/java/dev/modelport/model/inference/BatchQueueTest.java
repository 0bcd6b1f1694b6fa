package dev.modelport.model.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnxruntime.OrtException;
import dev.modelport.model.onnx.Signature;
import dev.modelport.model.onnx.TensorSpec;
import dev.modelport.model.testing.OnnxModels;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BatchQueueTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<SessionRunner> sessions = new ArrayList<>();

    @AfterEach
    void closeSessions() throws OrtException {
        for (SessionRunner session : sessions) {
            session.close();
        }
    }

    @Test
    void submitWhenConcurrentRequestsThenMergedAndEachGetsItsOwnRows() throws Exception {
        SessionRunner runner = session(OnnxModels.addConstant(), EngineFixtures.ADD_CONSTANT);
        BatchGate gate = new BatchGate();
        List<CompletableFuture<List<Tensor>>> results = new ArrayList<>();
        List<Tensor> inputs = new ArrayList<>();
        try (BatchQueue queue = new BatchQueue(new VersionKey("add", 1), runner, gate,
                EngineFixtures.oneRunner(64, Duration.ofMillis(50), 128))) {
            try (BatchGate.Hold hold = gate.holdNextBatch()) {
                inputs.add(EngineFixtures.rows("x", 1, 0));
                results.add(Callers.submit(queue, inputs.getFirst()));
                hold.awaitHeld();
                // the only slot is held with the first request: these 19 all wait in the queue together
                for (int i = 1; i < 20; i++) {
                    Tensor input = EngineFixtures.rows("x", 1 + i % 3, i * 100);
                    inputs.add(input);
                    results.add(Callers.submit(queue, input));
                }
                Callers.awaitWaiting(queue, 19);
            }
            for (int i = 0; i < inputs.size(); i++) {
                Tensor expected = runner.run(List.of(inputs.get(i)), List.of()).getFirst();
                assertThat(results.get(i).get()).as("request %d", i).containsExactly(expected);
            }
        }
        // 38 = the rows of the 19 that waited (2, 3, 1, 2, 3, 1, ... 2)
        assertThat(gate.batchRows()).as("the held request alone, then the 19 waiting behind it in one call")
                .containsExactly(1, 38);
    }

    @Test
    void submitWhenAloneOnIdleQueueThenRunsWithoutWaitingForCompany() throws Exception {
        SessionRunner runner = session(OnnxModels.addConstant(), EngineFixtures.ADD_CONSTANT);
        try (BatchQueue queue = new BatchQueue(new VersionKey("add", 1), runner, EngineFixtures.metrics(registry),
                EngineFixtures.batching(32, Duration.ofHours(1), 16))) {
            Tensor input = EngineFixtures.rows("x", 2, 7);
            // the hour's queue delay would outlast this wait many times: the lone request must not sit it out
            // on the test's own thread: an idle queue runs the request right here, before submit returns
            CompletableFuture<List<Tensor>> answer = queue.submit(List.of(input), List.of(), Callers.TIMEOUT_NANOS);
            assertThat(answer).isDone();
            assertThat(answer.get(30, TimeUnit.SECONDS))
                    .containsExactly(runner.run(List.of(input), List.of()).getFirst());
        }
    }

    @Test
    void submitWhenQueueFullThenOverloadedWithRetryAfter() throws Exception {
        SessionRunner runner = session(OnnxModels.addConstant(), EngineFixtures.ADD_CONSTANT);
        BatchGate gate = new BatchGate();
        Tensor running = EngineFixtures.rows("x", 1, 0);
        Tensor queued = EngineFixtures.rows("x", 1, 10);
        CompletableFuture<List<Tensor>> runningResult;
        CompletableFuture<List<Tensor>> queuedResult;
        try (BatchQueue queue = new BatchQueue(new VersionKey("add", 1), runner, gate,
                EngineFixtures.oneRunner(1, Duration.ofMillis(1), 1))) {
            try (BatchGate.Hold hold = gate.holdNextBatch()) {
                runningResult = Callers.submit(queue, running);
                hold.awaitHeld();
                queuedResult = Callers.submit(queue, queued);
                Callers.awaitWaiting(queue, 1);
                CompletableFuture<List<Tensor>> refused = Callers.submit(queue, EngineFixtures.rows("x", 1, 20));

                assertThat(queuedResult).as("the one place in the queue").isNotDone();
                assertThatThrownBy(refused::join).isInstanceOf(CompletionException.class)
                        .cause().isInstanceOfSatisfying(InferenceException.class, e -> {
                            assertThat(e.reason()).isEqualTo(InferenceException.Reason.OVERLOADED);
                            assertThat(e.retryAfter()).isPositive();
                        });
            }
            assertThat(runningResult.get()).containsExactly(runner.run(List.of(running), List.of()).getFirst());
            assertThat(queuedResult.get()).containsExactly(runner.run(List.of(queued), List.of()).getFirst());
        }
    }

    @Test
    void submitWhenTimeoutPassesWhileWaitingThenTimesOutAndLeavesTheQueue() throws Exception {
        SessionRunner runner = session(OnnxModels.addConstant(), EngineFixtures.ADD_CONSTANT);
        BatchGate gate = new BatchGate();
        Tensor held = EngineFixtures.rows("x", 1, 0);
        try (BatchQueue queue = new BatchQueue(new VersionKey("add", 1), runner, gate,
                EngineFixtures.oneRunner(8, Duration.ZERO, 16))) {
            CompletableFuture<List<Tensor>> heldResult;
            try (BatchGate.Hold hold = gate.holdNextBatch()) {
                heldResult = Callers.submit(queue, held);
                hold.awaitHeld();
                // the only slot is held: this one waits, and its 50 ms run out first
                CompletableFuture<List<Tensor>> late = queue.submit(List.of(EngineFixtures.rows("x", 1, 10)), List.of(),
                        TimeUnit.MILLISECONDS.toNanos(50));
                assertThat(late).isCompletedExceptionally();
                assertThatThrownBy(late::join).cause().isInstanceOfSatisfying(InferenceException.class,
                        e -> assertThat(e.reason()).isEqualTo(InferenceException.Reason.TIMEOUT));
                assertThat(queue.waiting()).as("the timed-out request left the queue").isZero();
            }
            assertThat(heldResult.get()).containsExactly(runner.run(List.of(held), List.of()).getFirst());
        }
        assertThat(gate.batchRows()).as("only the held request ran").containsExactly(1);
    }

    @Test
    void submitWhenManyCallersOnTwoSlotsThenEachGetsItsOwnRowsExactlyOnce() throws Exception {
        SessionRunner runner = session(OnnxModels.addConstant(), EngineFixtures.ADD_CONSTANT);
        BatchGate gate = new BatchGate();
        List<Tensor> inputs = new ArrayList<>();
        List<CompletableFuture<List<Tensor>>> results = new ArrayList<>();
        try (BatchQueue queue = new BatchQueue(new VersionKey("add", 1), runner, gate,
                new InferenceProperties.Batching(true, 16, Duration.ofMillis(1), 4096, 4, 2))) {
            // 2,000 requests from 64 callers at once: every hand-over between leaders and waiters gets exercised
            for (int i = 0; i < 2000; i++) {
                inputs.add(EngineFixtures.rows("x", 1 + i % 4, i * 10));
            }
            List<Thread> callers = new ArrayList<>();
            List<List<CompletableFuture<List<Tensor>>>> perCaller = new ArrayList<>();
            for (int c = 0; c < 64; c++) {
                int caller = c;
                List<CompletableFuture<List<Tensor>>> mine = new ArrayList<>();
                perCaller.add(mine);
                callers.add(Thread.ofVirtual().start(() -> {
                    for (int i = caller; i < inputs.size(); i += 64) {
                        mine.add(queue.submit(List.of(inputs.get(i)), List.of(), Callers.TIMEOUT_NANOS));
                    }
                }));
            }
            for (Thread caller : callers) {
                caller.join(Duration.ofSeconds(60));
                assertThat(caller.isAlive()).as("a caller is stuck").isFalse();
            }
            for (int i = 0; i < inputs.size(); i++) {
                results.add(perCaller.get(i % 64).get(i / 64));
            }
            for (int i = 0; i < inputs.size(); i++) {
                assertThat(results.get(i)).as("request %d", i).isDone();
                assertThat(results.get(i).get()).as("request %d", i)
                        .containsExactly(runner.run(List.of(inputs.get(i)), List.of()).getFirst());
            }
            assertThat(queue.waiting()).isZero();
        }
        int expectedRows = inputs.stream().mapToInt(input -> Math.toIntExact(input.shape()[0])).sum();
        assertThat(gate.batchRows().stream().mapToInt(Integer::intValue).sum()).as("every row ran exactly once")
                .isEqualTo(expectedRows);
        assertThat(gate.batchRows()).allSatisfy(rows -> assertThat(rows).isLessThanOrEqualTo(16));
    }

    @Test
    void submitWhenRowShapesDifferThenNotMergedButAllAnswered() throws Exception {
        Signature anyWidth = new Signature(List.of(new TensorSpec("x", "FP32", List.of(-1L, -1L))),
                List.of(new TensorSpec("y", "FP32", List.of(-1L, -1L))));
        SessionRunner runner = session(OnnxModels.anyWidth(), anyWidth);
        BatchGate gate = new BatchGate();
        // 1, 2 and 4 rows: a batch's row count says which of the three waiting requests it held
        Tensor held = rows(1, 4, 0);
        Tensor wide = rows(1, 6, 100);
        Tensor narrow = rows(2, 4, 200);
        Tensor widerStill = rows(4, 6, 300);
        List<Tensor> inputs = List.of(held, wide, narrow, widerStill);
        List<CompletableFuture<List<Tensor>>> results = new ArrayList<>();
        try (BatchQueue queue = new BatchQueue(new VersionKey("double", 1), runner, gate,
                EngineFixtures.oneRunner(8, Duration.ofMillis(20), 16))) {
            try (BatchGate.Hold hold = gate.holdNextBatch()) {
                results.add(Callers.submit(queue, held));
                hold.awaitHeld();
                // waiting together, in this order: [1, 6], [2, 4], [4, 6]
                for (Tensor input : inputs.subList(1, inputs.size())) {
                    results.add(Callers.submit(queue, input));
                    Callers.awaitWaiting(queue, results.size() - 1);
                }
            }
            for (int i = 0; i < inputs.size(); i++) {
                assertThat(results.get(i).get()).as("request %d", i).containsExactly(doubled(inputs.get(i)));
            }
        }
        assertThat(gate.batchRows())
                .as("the held request; the two 6-wide ones (1 + 4 rows) in one call; the 4-wide one between them alone."
                        + " A mixed batch would have run 3, 6 or 7 rows")
                .containsExactly(1, 5, 2);
    }

    private SessionRunner session(byte[] model, Signature signature) throws OrtException {
        SessionRunner session = EngineFixtures.runner(model, signature);
        sessions.add(session);
        return session;
    }

    /** A [rows, width] FP32 tensor "x" counting up from {@code start}. */
    private static Tensor rows(int rows, int width, float start) {
        float[] data = new float[rows * width];
        for (int i = 0; i < data.length; i++) {
            data[i] = start + i;
        }
        return new Tensor("x", Datatype.FP32, new long[] {rows, width}, data);
    }

    /** What {@link OnnxModels#anyWidth()} answers for {@code x}: "y" = x + x, computed here, not by the model. */
    private static Tensor doubled(Tensor x) {
        float[] in = (float[]) x.data();
        float[] out = new float[in.length];
        for (int i = 0; i < in.length; i++) {
            out[i] = in[i] * 2;
        }
        return new Tensor("y", Datatype.FP32, x.shape().clone(), out);
    }
}
