package dev.modelport.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;

/** Runs one call at a fixed concurrency for a fixed time and reports rate and latency percentiles. */
final class LoadRun {

    /** What one scenario measured. */
    record Result(int concurrency, long calls, long failures, double seconds, double p50Millis, double p99Millis) {

        double callsPerSecond() {
            return calls / seconds;
        }
    }

    private LoadRun() {
    }

    /** {@code call} returns true on success; it runs on {@code concurrency} virtual threads for {@code seconds}. */
    static Result run(int concurrency, double seconds, Callable<Boolean> call) throws InterruptedException {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        List<List<Long>> latencies = new ArrayList<>();
        AtomicLong failures = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < concurrency; i++) {
            List<Long> mine = new ArrayList<>();
            latencies.add(mine);
            threads.add(Thread.ofVirtual().start(() -> {
                while (System.nanoTime() < deadline) {
                    long begin = System.nanoTime();
                    boolean ok;
                    try {
                        ok = call.call();
                    } catch (Exception e) {
                        ok = false;
                    }
                    if (ok) {
                        mine.add(System.nanoTime() - begin);
                    } else {
                        failures.incrementAndGet();
                    }
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        List<Long> all = new ArrayList<>();
        latencies.forEach(all::addAll);
        Collections.sort(all);
        return new Result(concurrency, all.size(), failures.get(), elapsed, percentile(all, 0.50), percentile(all, 0.99));
    }

    private static double percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1)) / 1e6;
    }
}
