package dev.modelport.model.inference;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Dynamic batching for one version, run by its callers: there is no batching thread. A request
 * joins the queue; if fewer than {@code runners} batches of this version are running, its own
 * thread takes a slot, takes the oldest waiting request and every compatible one behind it (up to
 * {@code maxBatchSize} rows), runs them as one ONNX Runtime call and hands each its rows back.
 * Otherwise it waits, and whoever frees a slot wakes the oldest waiter to lead the next batch.
 * A lone request on an idle worker therefore runs at once on its own thread, exactly as without
 * batching (no hand-off to another thread, which on a VM with slow wake-ups cost more than the
 * model), and under load the requests that queued while the slots were busy go together.
 *
 * <p>A leader whose batch is not full waits for company (until {@code maxQueueDelay} after its
 * first request arrived) only while every other slot is busy and the delay is above zero; the
 * default is zero, since the bench found no model and path where waiting paid on a CPU.
 * A full queue refuses at once (the caller answers 503 with Retry-After). The batch size, delay
 * and queue capacity are read from the settings in force for every batch and request, so a config
 * refresh applies without reloading the model; the number of slots is fixed when it loads.
 */
final class BatchQueue implements AutoCloseable {

    static final Duration RETRY_AFTER = Duration.ofSeconds(1);
    /** A waiter re-checks this often even unwoken: a guard against a lost wake-up, not a schedule. */
    private static final long RECHECK_NANOS = Duration.ofMillis(50).toNanos();

    private final VersionKey key;
    private final SessionRunner runner;
    private final InferenceObserver observer;
    private final Supplier<InferenceProperties.Batching> settings;
    private final int slotCount;
    private final Semaphore slots;
    // unbounded: the capacity in force is enforced on admission, so it can change while requests wait
    private final Queue<Waiter> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger waiting = new AtomicInteger();
    // each running batch's native staging memory, kept for the next batch
    private final Queue<NativeBatch> staging = new ConcurrentLinkedQueue<>();
    private volatile boolean closing;

    /** A queued request, the thread waiting for it, and whether a leader (or its own timeout) has taken it. */
    private record Waiter(PendingRequest request, Thread thread, AtomicBoolean taken) {

        boolean take() {
            return taken.compareAndSet(false, true);
        }
    }

    BatchQueue(VersionKey key, SessionRunner runner, InferenceObserver observer, InferenceProperties.Batching settings) {
        this(key, runner, observer, () -> settings);
    }

    BatchQueue(VersionKey key, SessionRunner runner, InferenceObserver observer,
               Supplier<InferenceProperties.Batching> settings) {
        this.key = key;
        this.runner = runner;
        this.observer = observer;
        this.settings = settings;
        // one batch per core at a time: a batch runs on one ONNX Runtime thread
        this.slotCount = settings.get().runners();
        this.slots = new Semaphore(slotCount);
    }

    /**
     * Runs the request, batched with what waits beside it, on the calling thread or the thread of
     * the request whose batch takes it: returns once it has an answer (or failed, refused or timed
     * out), as a completed future.
     */
    CompletableFuture<List<Tensor>> submit(List<Tensor> inputs, List<String> outputs, long timeoutNanos) {
        CompletableFuture<List<Tensor>> result = new CompletableFuture<>();
        int rows = Math.toIntExact(inputs.getFirst().shape()[0]);
        if (closing || !admit(settings.get().queueCapacity())) {
            result.completeExceptionally(new InferenceException(InferenceException.Reason.OVERLOADED,
                    "model " + key + " has " + waiting.get() + " requests waiting; retry shortly", RETRY_AFTER, null));
            return result;
        }
        long enqueued = System.nanoTime();
        Waiter mine = new Waiter(new PendingRequest(inputs, outputs, rows, enqueued, result), Thread.currentThread(),
                new AtomicBoolean());
        queue.add(mine);
        long deadline = enqueued + timeoutNanos;
        while (!result.isDone()) {
            if (slots.tryAcquire()) {
                try {
                    lead();
                } finally {
                    slots.release();
                    wakeNextLeader();
                }
            } else {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    giveUp(mine);
                } else {
                    LockSupport.parkNanos(this, Math.min(left, RECHECK_NANOS));
                }
            }
        }
        return result;
    }

    int waiting() {
        return waiting.get();
    }

    private boolean admit(int capacity) {
        int now;
        do {
            now = waiting.get();
            if (now >= capacity) {
                return false;
            }
        } while (!waiting.compareAndSet(now, now + 1));
        return true;
    }

    /** A waiter whose request timeout passed before any batch took it leaves the queue; one already taken is running. */
    private void giveUp(Waiter mine) {
        if (mine.take()) {
            queue.remove(mine);
            waiting.decrementAndGet();
            mine.request().result().completeExceptionally(new InferenceException(InferenceException.Reason.TIMEOUT,
                    "model " + key + " was busy for the whole request timeout"));
        } else {
            LockSupport.parkNanos(this, RECHECK_NANOS);
        }
    }

    /** With a slot held: forms one batch from the queue and runs it. */
    private void lead() {
        InferenceProperties.Batching now = settings.get();
        List<Waiter> batch = new ArrayList<>();
        int rows = take(batch, 0, now.maxBatchSize());
        if (batch.isEmpty()) {
            return;
        }
        long deadline = batch.getFirst().request().enqueuedNanos() + now.maxQueueDelay().toNanos();
        // waiting for company only pays while every other slot is busy (no idle core) and the delay allows it
        while (rows < now.maxBatchSize() && slotCount > 1 && slots.availablePermits() == 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(this, Math.min(deadline - System.nanoTime(), Duration.ofMillis(1).toNanos()));
            rows = take(batch, rows, now.maxBatchSize());
        }
        execute(batch);
    }

    /**
     * Takes, oldest first, the waiting requests that fit beside the batch's first one (the same
     * outputs and row shapes) until {@code maxRows}; those that don't fit stay queued for the next
     * batch. Returns the batch's rows.
     */
    private int take(List<Waiter> batch, int rows, int maxRows) {
        for (Iterator<Waiter> waiters = queue.iterator(); waiters.hasNext() && rows < maxRows; ) {
            Waiter next = waiters.next();
            PendingRequest request = next.request();
            boolean fits = batch.isEmpty()
                    || request.batchesWith(batch.getFirst().request()) && rows + request.rows() <= maxRows;
            if (fits && next.take()) {
                waiters.remove();
                waiting.decrementAndGet();
                batch.add(next);
                rows += request.rows();
            }
        }
        return rows;
    }

    private void execute(List<Waiter> waiters) {
        List<PendingRequest> batch = waiters.stream().map(Waiter::request).toList();
        long started = System.nanoTime();
        batch.forEach(request -> observer.queued(key, started - request.enqueuedNanos()));
        List<List<Tensor>> shares;
        try {
            shares = compute(batch);
            observer.executed(key, batch.stream().mapToInt(PendingRequest::rows).sum(), System.nanoTime() - started);
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).result().complete(shares.get(i));
            }
        } catch (RuntimeException e) {
            batch.forEach(request -> request.result().completeExceptionally(e));
        } finally {
            Thread self = Thread.currentThread();
            waiters.stream().map(Waiter::thread).filter(thread -> thread != self).forEach(LockSupport::unpark);
        }
    }

    /** Each request's outputs, from one ONNX Runtime call (or one per request if the model does not map rows to rows). */
    private List<List<Tensor>> compute(List<PendingRequest> batch) {
        if (batch.size() == 1) {
            PendingRequest only = batch.getFirst();
            return List.of(runner.run(only.inputs(), only.outputs()));
        }
        NativeBatch memory = staging.poll();
        if (memory == null) {
            memory = new NativeBatch();
        }
        try {
            List<List<Tensor>> shares;
            try (NativeBatch.Feeds feeds = memory.stack(runner.environment(), batch)) {
                shares = BatchTensors.split(runner.run(feeds.tensors(), batch.getFirst().outputs()), batch);
            }
            if (shares == null) {
                shares = new ArrayList<>(batch.size());
                for (PendingRequest request : batch) {
                    shares.add(runner.run(request.inputs(), request.outputs()));
                }
            }
            return shares;
        } finally {
            staging.add(memory);
        }
    }

    /** A slot is free: the oldest waiter (if any) leads the next batch. */
    private void wakeNextLeader() {
        for (Waiter next : queue) {
            if (!next.taken().get()) {
                LockSupport.unpark(next.thread());
                return;
            }
        }
    }

    /**
     * Stops taking requests and waits (up to 30 s) for the queued ones to be answered: their own
     * threads run them.
     */
    @Override
    public void close() throws InterruptedException {
        closing = true;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while ((!queue.isEmpty() || slots.availablePermits() < slotCount) && System.nanoTime() < deadline) {
            wakeNextLeader();
            Thread.sleep(10);
        }
    }
}
