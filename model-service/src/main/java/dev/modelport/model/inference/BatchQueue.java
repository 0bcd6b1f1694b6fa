package dev.modelport.model.inference;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dynamic batching for one version: requests wait in a bounded queue; a free runner thread takes
 * the first and every compatible one already waiting, up to {@code maxBatchSize} rows, runs them
 * as one ONNX Runtime call and hands each its rows back. It waits for company (until
 * {@code maxQueueDelay} after the first arrived) only while another runner of this version is
 * busy: under load a fuller batch costs no idle core, while a lone request on an idle worker runs
 * at once instead of paying the delay for nothing.
 * A full queue refuses at once (the caller answers 503 with Retry-After). The batch size, delay
 * and queue capacity are read from the settings in force for every batch and request, so a config
 * refresh applies without reloading the model; the number of runners is fixed when it loads.
 */
final class BatchQueue implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BatchQueue.class);
    static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private final VersionKey key;
    private final SessionRunner runner;
    private final InferenceObserver observer;
    private final Supplier<InferenceProperties.Batching> settings;
    // unbounded: the capacity in force is enforced on admission, so it can change while requests wait
    private final BlockingQueue<PendingRequest> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicInteger busyRunners = new AtomicInteger();
    private final List<Thread> runners = new ArrayList<>();
    private volatile boolean closing;

    BatchQueue(VersionKey key, SessionRunner runner, InferenceObserver observer, InferenceProperties.Batching settings) {
        this(key, runner, observer, () -> settings);
    }

    BatchQueue(VersionKey key, SessionRunner runner, InferenceObserver observer,
               Supplier<InferenceProperties.Batching> settings) {
        this.key = key;
        this.runner = runner;
        this.observer = observer;
        this.settings = settings;
        // one runner per core: a batch runs on one ONNX Runtime thread, so one runner alone would leave cores idle
        for (int i = 0; i < settings.get().runners(); i++) {
            runners.add(Thread.ofPlatform().daemon().name("batch-" + key + "-" + i).start(this::runBatches));
        }
    }

    CompletableFuture<List<Tensor>> submit(List<Tensor> inputs, List<String> outputs) {
        CompletableFuture<List<Tensor>> result = new CompletableFuture<>();
        int rows = Math.toIntExact(inputs.getFirst().shape()[0]);
        if (closing || !admit(settings.get().queueCapacity())) {
            result.completeExceptionally(new InferenceException(InferenceException.Reason.OVERLOADED,
                    "model " + key + " has " + waiting.get() + " requests waiting; retry shortly", RETRY_AFTER, null));
            return result;
        }
        queue.add(new PendingRequest(inputs, outputs, rows, System.nanoTime(), result));
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

    private PendingRequest poll(long timeout, TimeUnit unit) throws InterruptedException {
        PendingRequest next = timeout > 0 ? queue.poll(timeout, unit) : queue.poll();
        if (next != null) {
            waiting.decrementAndGet();
        }
        return next;
    }

    private void runBatches() {
        // requests that could not join this runner's last batch go first into its next one
        Deque<PendingRequest> heldBack = new ArrayDeque<>();
        // this runner's native staging memory, reused batch after batch
        NativeBatch staging = new NativeBatch();
        while (!closing || !queue.isEmpty() || !heldBack.isEmpty()) {
            try {
                List<PendingRequest> batch = nextBatch(heldBack);
                if (!batch.isEmpty()) {
                    execute(batch, staging);
                }
            } catch (InterruptedException e) {
                if (!closing) {
                    Thread.currentThread().interrupt();
                    return;
                }
            } catch (RuntimeException e) {
                log.error("batch runner for {} failed", key, e);
            }
        }
    }

    private List<PendingRequest> nextBatch(Deque<PendingRequest> heldBack) throws InterruptedException {
        PendingRequest first = heldBack.isEmpty() ? poll(100, TimeUnit.MILLISECONDS) : heldBack.pollFirst();
        List<PendingRequest> batch = new ArrayList<>();
        if (first == null) {
            return batch;
        }
        InferenceProperties.Batching now = settings.get();
        int maxBatchSize = now.maxBatchSize();
        batch.add(first);
        int rows = first.rows();
        long deadline = first.enqueuedNanos() + now.maxQueueDelay().toNanos();
        while (rows < maxBatchSize) {
            // what is already queued joins at once; waiting for more only pays while the other runners are busy
            long wait = busyRunners.get() > 0 ? deadline - System.nanoTime() : 0;
            PendingRequest next = poll(wait, TimeUnit.NANOSECONDS);
            if (next == null) {
                break;
            }
            if (next.batchesWith(first) && rows + next.rows() <= maxBatchSize) {
                batch.add(next);
                rows += next.rows();
            } else {
                heldBack.addLast(next);
                if (heldBack.size() > maxBatchSize) {
                    break;
                }
            }
        }
        batch.removeIf(request -> request.result().isDone());
        return batch;
    }

    private void execute(List<PendingRequest> batch, NativeBatch staging) {
        long started = System.nanoTime();
        batch.forEach(request -> observer.queued(key, started - request.enqueuedNanos()));
        List<List<Tensor>> shares;
        try {
            shares = compute(batch, staging);
        } catch (RuntimeException e) {
            batch.forEach(request -> request.result().completeExceptionally(e));
            return;
        }
        observer.executed(key, batch.stream().mapToInt(PendingRequest::rows).sum(), System.nanoTime() - started);
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).result().complete(shares.get(i));
        }
    }

    /**
     * Each request's outputs, from one ONNX Runtime call. The runner counts as busy only in here,
     * so a caller answered by this batch who comes straight back does not find it "busy" and wait.
     */
    private List<List<Tensor>> compute(List<PendingRequest> batch, NativeBatch staging) {
        busyRunners.incrementAndGet();
        try {
            if (batch.size() == 1) {
                PendingRequest only = batch.getFirst();
                return List.of(runner.run(only.inputs(), only.outputs()));
            }
            List<List<Tensor>> shares;
            try (NativeBatch.Feeds feeds = staging.stack(runner.environment(), batch)) {
                shares = BatchTensors.split(runner.run(feeds.tensors(), batch.getFirst().outputs()), batch);
            }
            if (shares == null) {
                // the model does not map rows to rows: run each request on its own
                shares = new ArrayList<>(batch.size());
                for (PendingRequest request : batch) {
                    shares.add(runner.run(request.inputs(), request.outputs()));
                }
            }
            return shares;
        } finally {
            busyRunners.decrementAndGet();
        }
    }

    /** Stops taking requests, lets the queued ones finish, then stops the runner. */
    @Override
    public void close() throws InterruptedException {
        closing = true;
        for (Thread runner : runners) {
            if (runner == Thread.currentThread()) {
                // closed from its own runner (a retired version's last request completed there): it ends after this batch
                continue;
            }
            runner.join(Duration.ofSeconds(30));
            runner.interrupt();
        }
    }
}
