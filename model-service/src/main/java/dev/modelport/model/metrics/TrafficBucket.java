package dev.modelport.model.metrics;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One version's raw counts for one 10-second bucket on one or more workers: everything in it
 * is a sum, so buckets of several workers add up exactly ({@link #plus}) and percentiles are
 * taken only after adding. {@code latencyBins} maps a {@link LatencyBins} bin to how many
 * successful requests took that long; empty bins are left out.
 */
public record TrafficBucket(Instant start, long successes, long errors, SortedMap<Integer, Long> latencyBins,
                            long queueNanos, long queued, long batchRows, long batches) {

    public TrafficBucket {
        TreeMap<Integer, Long> bins = new TreeMap<>();
        if (latencyBins != null) {
            latencyBins.forEach((bin, count) -> {
                if (count != null && count > 0) {
                    bins.put(bin, count);
                }
            });
        }
        latencyBins = Collections.unmodifiableSortedMap(bins);
    }

    /** The sum of both, at this bucket's start. */
    public TrafficBucket plus(TrafficBucket other) {
        TreeMap<Integer, Long> bins = new TreeMap<>(latencyBins);
        other.latencyBins.forEach((bin, count) -> bins.merge(bin, count, Long::sum));
        return new TrafficBucket(start, successes + other.successes, errors + other.errors, bins,
                queueNanos + other.queueNanos, queued + other.queued, batchRows + other.batchRows,
                batches + other.batches);
    }

    /** Buckets from any number of workers summed per start time, oldest first. */
    public static List<TrafficBucket> merge(Collection<TrafficBucket> buckets) {
        TreeMap<Instant, TrafficBucket> byStart = new TreeMap<>();
        buckets.forEach(bucket -> byStart.merge(bucket.start(), bucket, TrafficBucket::plus));
        return List.copyOf(byStart.values());
    }

    /** All of them as one bucket starting at {@code start}: a whole window's numbers. */
    public static TrafficBucket total(Instant start, Collection<TrafficBucket> buckets) {
        TrafficBucket total = new TrafficBucket(start, 0, 0, null, 0, 0, 0, 0);
        for (TrafficBucket bucket : buckets) {
            total = total.plus(bucket);
        }
        return total;
    }

    public TrafficPoint point() {
        return new TrafficPoint(start, successes + errors, errors, percentile(0.50), percentile(0.95),
                percentile(0.99), queued == 0 ? null : round(queueNanos / 1e6 / queued),
                batches == 0 ? null : round((double) batchRows / batches));
    }

    boolean isEmpty() {
        return successes == 0 && errors == 0 && queued == 0 && batches == 0;
    }

    private Double percentile(double p) {
        Double ms = LatencyBins.percentileMs(latencyBins, p);
        return ms == null ? null : round(ms);
    }

    /** Microseconds are plenty for charts and keep the JSON short. */
    private static double round(double ms) {
        return Math.round(ms * 1000) / 1000.0;
    }
}
