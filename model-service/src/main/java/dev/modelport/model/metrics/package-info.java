/**
 * The inference metrics store: it observes the engine ({@code InferenceObserver}) and keeps each version's numbers
 * twice, as Micrometer meters for Prometheus and as this worker's last hour in 10-second buckets of fixed latency
 * bins that add up across workers (docs/adr/0002); {@code MetricsSummary} answers the metrics API from both.
 */
package dev.modelport.model.metrics;
