package dev.modelport.admin.metrics;

import dev.modelport.admin.metrics.MetricsClient.Point;
import dev.modelport.admin.metrics.MetricsClient.VersionMetrics;
import dev.modelport.admin.metrics.MetricsClient.Window;

/**
 * One version's line in the summary grid: its total since the workers started, and the rest
 * over the chosen window (percentiles exact over every worker, from the server's histograms).
 * Null where nothing was measured in the window.
 */
record SummaryRow(int version, long totalRequests, double requestsPerSecond, Double errorRate, Double p50,
                  Double p95, Double p99, Double meanQueueMs, Double meanBatchSize) {

    static SummaryRow of(VersionMetrics version, Window window) {
        Point in = version.inWindow();
        if (in == null) {
            return new SummaryRow(version.version(), version.requests(), 0, null, null, null, null, null, null);
        }
        return new SummaryRow(version.version(), version.requests(), in.requests() / Timeline.seconds(window),
                in.requests() == 0 ? null : (double) in.errors() / in.requests(), in.p50Ms(), in.p95Ms(), in.p99Ms(),
                in.meanQueueMs(), in.meanBatchSize());
    }
}
