package dev.modelport.admin.metrics;

import dev.modelport.admin.platform.PlatformApi;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Service;

/**
 * model-service's serving metrics per version: totals since each worker started, and the last
 * 15 minutes or hour as 10-second points summed over every worker.
 */
@Service
class MetricsClient {

    record Latency(Double p50, Double p95, Double p99) {
    }

    /**
     * One version's numbers in one 10-second bucket, or over the whole window. {@code requests}
     * includes the errors; latencies in ms, null when no request succeeded; means null when
     * nothing was queued or batched.
     */
    record Point(Instant start, long requests, long errors, Double p50Ms, Double p95Ms, Double p99Ms,
                 Double meanQueueMs, Double meanBatchSize) {
    }

    /** {@code series} holds only the buckets that saw traffic; a bucket missing from it had none. */
    record VersionMetrics(int version, long requests, long errors, Latency latencyMs, Double meanBatchSize,
                          Double meanQueueMs, Point inWindow, List<Point> series) {

        List<Point> seriesOrNone() {
            return Objects.requireNonNullElse(series, List.of());
        }
    }

    /** What the series cover: from the oldest bucket's start to the moment of the answer. */
    record Window(String name, Instant from, Instant to, int bucketSeconds) {
    }

    record ModelMetrics(String model, int workers, Window window, List<VersionMetrics> versions) {

        List<VersionMetrics> versionsOrNone() {
            return Objects.requireNonNullElse(versions, List.of());
        }
    }

    private final PlatformApi api;

    MetricsClient(PlatformApi api) {
        this.api = api;
    }

    /** @param window {@code 15m} or {@code 1h} */
    ModelMetrics get(String model, String window) {
        return api.rest().get().uri("/api/models/{name}/metrics?window={window}", model, window)
                .retrieve().body(ModelMetrics.class);
    }

    List<String> modelNames() {
        record Named(String name) {
        }
        return api.rest().get().uri("/api/models").retrieve().body(new ParameterizedTypeReference<List<Named>>() { })
                .stream().map(Named::name).sorted().toList();
    }
}
