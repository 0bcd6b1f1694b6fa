package dev.modelport.model.inference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToDoubleFunction;

/**
 * An {@link InferenceObserver} that records the rows of every batch a queue runs and can hold a
 * runner at the start of its next batch until the test lets it go. A batch's requests are taken
 * from the queue before the observer hears of them, so while a runner is held everything the test
 * submits waits in the queue: with one runner, what the following batches hold is decided by the
 * test, not by thread scheduling.
 */
final class BatchGate implements InferenceObserver {

    private final List<Integer> batchRows = new CopyOnWriteArrayList<>();
    private final AtomicReference<Hold> next = new AtomicReference<>();

    /** Holds the next batch to start until {@link Hold#close()}; use it in try-with-resources. */
    Hold holdNextBatch() {
        Hold hold = new Hold();
        assertThat(next.compareAndSet(null, hold)).as("one hold at a time").isTrue();
        return hold;
    }

    /** The rows of each batch run so far, in the order they ran. */
    List<Integer> batchRows() {
        return List.copyOf(batchRows);
    }

    @Override
    public void queued(VersionKey key, long nanos) {
        Hold hold = next.getAndSet(null);
        if (hold != null) {
            hold.block();
        }
    }

    @Override
    public void executed(VersionKey key, int rows, long nanos) {
        batchRows.add(rows);
    }

    @Override
    public void succeeded(VersionKey key, long nanos) {
    }

    @Override
    public void failed(VersionKey key, InferenceException.Reason reason) {
    }

    @Override
    public void shadowCompared(VersionKey production, VersionKey shadow, double maxAbsDiff, long rows, long argmaxAgreements) {
    }

    @Override
    public void shadowDropped(VersionKey production, VersionKey shadow) {
    }

    @Override
    public void warmUpFailed(VersionKey key) {
    }

    @Override
    public <T> void pending(VersionKey key, T version, ToDoubleFunction<T> pending) {
    }

    /** A runner held at the start of a batch, its requests already taken from the queue. */
    static final class Hold implements AutoCloseable {

        private final CountDownLatch held = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);

        /** Returns once a runner has taken a batch and stopped before running it. */
        void awaitHeld() throws InterruptedException {
            // a guard against a hang, not a threshold: the runner gets here as soon as it takes a request
            assertThat(held.await(30, TimeUnit.SECONDS)).as("a runner took a batch and is held").isTrue();
        }

        /** Lets the held runner go on. */
        @Override
        public void close() {
            released.countDown();
        }

        private void block() {
            held.countDown();
            try {
                released.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
