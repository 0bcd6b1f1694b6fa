package dev.modelport.model.inference;

import dev.modelport.model.onnx.Signature;
import dev.modelport.model.onnx.TensorSpec;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A version loaded on this worker, ready to run: through its {@link BatchQueue} when its
 * signature has a batch dimension and batching is on, else directly with a concurrency limit and
 * the same bound on waiting requests (queue-capacity): one more is refused at once with 503 and
 * Retry-After, one that waits past its deadline gets 504. It counts requests in flight, so it is
 * closed only after the last one finishes.
 */
final class LoadedVersion implements AutoCloseable {

    private final VersionKey key;
    private final SessionRunner runner;
    private final InferenceObserver observer;
    private final BatchQueue queue;
    private final Semaphore direct;
    private final AtomicInteger directWaiting = new AtomicInteger();
    private final Supplier<InferenceProperties.Batching> batching;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final boolean warmedUp;
    private volatile boolean retired;
    private boolean closed;

    LoadedVersion(VersionKey key, SessionRunner runner, InferenceObserver observer, InferenceProperties.Batching batching) {
        this(key, runner, observer, () -> batching, true);
    }

    /**
     * Whether to batch, and the concurrency limit otherwise, are fixed now; the batch queue follows {@code batching}.
     * {@code warmedUp}: whether its warm-up request ran (false: it serves, and its first requests pay the start-up cost).
     */
    LoadedVersion(VersionKey key, SessionRunner runner, InferenceObserver observer,
                  Supplier<InferenceProperties.Batching> batching, boolean warmedUp) {
        this.key = key;
        this.runner = runner;
        this.observer = observer;
        this.batching = batching;
        this.warmedUp = warmedUp;
        InferenceProperties.Batching initial = batching.get();
        this.queue = initial.enabled() && batchable(runner.signature()) ? new BatchQueue(key, runner, observer, batching) : null;
        this.direct = new Semaphore(initial.maxConcurrency());
    }

    VersionKey key() {
        return key;
    }

    Signature signature() {
        return runner.signature();
    }

    boolean batching() {
        return queue != null;
    }

    boolean warmedUp() {
        return warmedUp;
    }

    int pending() {
        return inFlight.get();
    }

    /** Requests waiting for a turn: in the batch queue, or for a free slot when not batching. */
    int waiting() {
        return queue != null ? queue.waiting() : directWaiting.get();
    }

    /** Runs one validated request; the future fails with an {@link InferenceException}. */
    CompletableFuture<List<Tensor>> submit(List<Tensor> inputs, List<String> outputs, long timeoutNanos) {
        if (queue != null) {
            return queue.submit(inputs, outputs, timeoutNanos);
        }
        long arrived = System.nanoTime();
        if (!direct.tryAcquire()) {
            int capacity = batching.get().queueCapacity();
            if (directWaiting.incrementAndGet() > capacity) {
                int waiting = directWaiting.decrementAndGet();
                return CompletableFuture.failedFuture(new InferenceException(InferenceException.Reason.OVERLOADED,
                        "model " + key + " has " + waiting + " requests waiting; retry shortly", BatchQueue.RETRY_AFTER, null));
            }
            try {
                if (!direct.tryAcquire(timeoutNanos, TimeUnit.NANOSECONDS)) {
                    return CompletableFuture.failedFuture(new InferenceException(InferenceException.Reason.TIMEOUT,
                            "model " + key + " was busy for the whole request timeout"));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return CompletableFuture.failedFuture(new InferenceException(InferenceException.Reason.FAILED, "interrupted"));
            } finally {
                directWaiting.decrementAndGet();
            }
        }
        long started = System.nanoTime();
        observer.queued(key, started - arrived);
        try {
            List<Tensor> answer = runner.run(inputs, outputs);
            // an unbatched run is an execution of the request's own rows, counted as a batched one is
            long[] shape = inputs.isEmpty() ? new long[0] : inputs.getFirst().shape();
            observer.executed(key, shape.length == 0 ? 1 : Math.toIntExact(shape[0]), System.nanoTime() - started);
            return CompletableFuture.completedFuture(answer);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        } finally {
            direct.release();
        }
    }

    /** Takes a reference for one request; false when the version is being unloaded. */
    boolean acquire() {
        inFlight.incrementAndGet();
        if (retired) {
            release();
            return false;
        }
        return true;
    }

    void release() {
        if (inFlight.decrementAndGet() == 0 && retired) {
            closeQuietly();
        }
    }

    /** No new requests; closes once the in-flight ones are done. */
    void retire() {
        retired = true;
        if (inFlight.get() == 0) {
            closeQuietly();
        }
    }

    private synchronized void closeQuietly() {
        try {
            close();
        } catch (Exception ignored) {
            // unloading is best effort; the session's memory goes with the process at worst
        }
    }

    @Override
    public synchronized void close() throws Exception {
        if (closed) {
            return;
        }
        closed = true;
        if (queue != null) {
            queue.close();
        }
        runner.close();
    }

    /** A batch dimension: every input and output starts with a symbolic dimension. */
    static boolean batchable(Signature signature) {
        return !signature.inputs().isEmpty() && signature.inputs().stream().allMatch(LoadedVersion::leadsWithSymbolicDim)
                && signature.outputs().stream().allMatch(LoadedVersion::leadsWithSymbolicDim);
    }

    private static boolean leadsWithSymbolicDim(TensorSpec spec) {
        return !spec.shape().isEmpty() && spec.shape().getFirst() == -1;
    }
}
