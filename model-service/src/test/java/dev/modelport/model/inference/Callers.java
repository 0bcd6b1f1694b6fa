package dev.modelport.model.inference;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

/**
 * Submits to a {@link BatchQueue} the way the web and gRPC threads do, each request from its own
 * (virtual) thread: {@code submit} runs the request on the caller's thread or waits for the batch
 * that takes it, so a test thread submitting a held request would itself be held.
 */
final class Callers {

    static final long TIMEOUT_NANOS = Duration.ofSeconds(30).toNanos();

    private Callers() {
    }

    /** {@code queue.submit} on a new virtual thread; the future completes as that call's does. */
    static CompletableFuture<List<Tensor>> submit(BatchQueue queue, Tensor input) {
        CompletableFuture<List<Tensor>> answer = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> queue.submit(List.of(input), List.of(), TIMEOUT_NANOS).whenComplete((outputs, failure) -> {
            if (failure != null) {
                answer.completeExceptionally(failure);
            } else {
                answer.complete(outputs);
            }
        }));
        return answer;
    }

    /** Returns once {@code queue} has {@code count} requests waiting. */
    static void awaitWaiting(BatchQueue queue, int count) throws InterruptedException {
        await(() -> queue.waiting() == count, count + " requests waiting (" + queue.waiting() + " now)");
    }

    /** Returns once {@code condition} holds; fails after 30 s (a guard against a hang, not a threshold). */
    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT_NANOS;
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        assertThat(condition.getAsBoolean()).as(what).isTrue();
    }
}
