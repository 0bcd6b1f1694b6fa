package dev.modelport.model.metrics;

import java.time.Instant;

/**
 * What one version did in one 10-second bucket (or over a whole window), as charts read it.
 * {@code requests} counts successes and errors alike, as the version totals do; latency
 * percentiles are of successful requests, null when there was none; the means are null when
 * nothing was queued or batched.
 */
public record TrafficPoint(Instant start, long requests, long errors, Double p50Ms, Double p95Ms, Double p99Ms,
                           Double meanQueueMs, Double meanBatchSize) {
}
