package dev.modelport.admin.metrics;

import dev.modelport.admin.metrics.MetricsClient.ModelMetrics;
import dev.modelport.admin.metrics.MetricsClient.VersionMetrics;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Samples of one model's cumulative counters, kept for an hour, and the rates between them:
 * the API gives totals since each worker started, the charts want requests per second.
 */
class MetricsHistory implements Serializable {

    static final Duration KEEP = Duration.ofHours(1);

    /** The counters as they were at one moment. */
    record Sample(Instant time, Map<Integer, VersionMetrics> versions) implements Serializable {
    }

    /** What happened to one version between two samples. */
    record Point(Instant time, int version, double requestsPerSecond, double errorRate, double p50, double p95,
                 double p99, double meanQueueMs, double meanBatchSize) {
    }

    private final Deque<Sample> samples = new ArrayDeque<>();

    void add(Instant time, ModelMetrics metrics) {
        Map<Integer, VersionMetrics> versions = new TreeMap<>();
        if (metrics.versions() != null) {
            metrics.versions().forEach(version -> versions.put(version.version(), version));
        }
        samples.addLast(new Sample(time, versions));
        while (!samples.isEmpty() && samples.getFirst().time().isBefore(time.minus(KEEP))) {
            samples.removeFirst();
        }
    }

    /** Points within the window before {@code now}, oldest first, one per version per interval. */
    List<Point> points(Instant now, Duration window) {
        List<Point> points = new ArrayList<>();
        Sample previous = null;
        for (Sample sample : samples) {
            if (previous != null && !sample.time().isBefore(now.minus(window))) {
                double seconds = Math.max(0.001, Duration.between(previous.time(), sample.time()).toMillis() / 1000.0);
                for (VersionMetrics current : sample.versions().values()) {
                    VersionMetrics before = previous.versions().get(current.version());
                    long requests = delta(before == null ? 0 : before.requests(), current.requests());
                    long errors = delta(before == null ? 0 : before.errors(), current.errors());
                    points.add(new Point(sample.time(), current.version(), requests / seconds,
                            requests == 0 ? 0 : (double) errors / requests,
                            current.latencyMs() == null ? 0 : current.latencyMs().p50(),
                            current.latencyMs() == null ? 0 : current.latencyMs().p95(),
                            current.latencyMs() == null ? 0 : current.latencyMs().p99(),
                            current.meanQueueMs(), current.meanBatchSize()));
                }
            }
            previous = sample;
        }
        return points;
    }

    /** The latest counters per version. */
    List<VersionMetrics> latest() {
        return samples.isEmpty() ? List.of() : List.copyOf(samples.getLast().versions().values());
    }

    int size() {
        return samples.size();
    }

    /** A worker restart resets its counters; then everything counted since is new. */
    private static long delta(long before, long now) {
        return now >= before ? now - before : now;
    }
}
