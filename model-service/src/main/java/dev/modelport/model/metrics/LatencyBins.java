package dev.modelport.model.metrics;

import java.util.Map;
import java.util.SortedMap;

/**
 * The latency histogram's bins, the same on every worker so that histograms add up bin by bin
 * and a cluster percentile is exact up to the bin width. Bin 0 holds everything under 0.05 ms;
 * bins 1…148 each span a factor of 1.1 (10 %) up to about 67 s; the last bin holds the rest.
 * A percentile is reported as its bin's geometric middle, so it is within ±5 % of the exact
 * value (under 0.05 ms it reads 0.05, past 67 s it reads 67 s). Changing the layout needs every
 * worker to change together: buckets from another layout would add up wrongly for an hour.
 */
final class LatencyBins {

    static final double MIN_MS = 0.05;
    static final double MAX_MS = 60_000;
    static final double GROWTH = 1.1;
    private static final double LOG_GROWTH = Math.log(GROWTH);
    /** Regular bins between {@link #MIN_MS} and at least {@link #MAX_MS}, plus one under and one over. */
    static final int COUNT = (int) Math.ceil(Math.log(MAX_MS / MIN_MS) / LOG_GROWTH) + 2;

    private LatencyBins() {
    }

    static int of(long nanos) {
        double ms = nanos / 1e6;
        if (ms < MIN_MS) {
            return 0;
        }
        return Math.min(COUNT - 1, 1 + (int) (Math.log(ms / MIN_MS) / LOG_GROWTH));
    }

    static double lowerMs(int bin) {
        return bin == 0 ? 0 : MIN_MS * Math.pow(GROWTH, bin - 1);
    }

    /** What a value in this bin reads as: the geometric middle of a regular bin, the edge of the others. */
    static double valueMs(int bin) {
        if (bin == 0) {
            return MIN_MS;
        }
        return bin == COUNT - 1 ? lowerMs(bin) : lowerMs(bin) * Math.sqrt(GROWTH);
    }

    /** The nearest-rank percentile ({@code 0 < p <= 1}) of a histogram of bin → count; null when it is empty. */
    static Double percentileMs(SortedMap<Integer, Long> counts, double p) {
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            return null;
        }
        long rank = Math.max(1, (long) Math.ceil(p * total));
        long seen = 0;
        for (Map.Entry<Integer, Long> bin : counts.entrySet()) {
            seen += bin.getValue();
            if (seen >= rank) {
                return valueMs(bin.getKey());
            }
        }
        return valueMs(counts.lastKey());
    }
}
