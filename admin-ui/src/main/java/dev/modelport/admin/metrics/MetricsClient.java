package dev.modelport.admin.metrics;

import dev.modelport.admin.platform.PlatformApi;
import java.util.List;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Service;

/** Per-version serving counters, cumulative since each worker started. */
@Service
class MetricsClient {

    record Latency(double p50, double p95, double p99) {
    }

    record VersionMetrics(int version, long requests, long errors, Latency latencyMs, double meanBatchSize,
                          double meanQueueMs) {
    }

    record ModelMetrics(String model, List<VersionMetrics> versions) {
    }

    private final PlatformApi api;

    MetricsClient(PlatformApi api) {
        this.api = api;
    }

    ModelMetrics get(String model) {
        return api.rest().get().uri("/api/models/{name}/metrics", model).retrieve().body(ModelMetrics.class);
    }

    List<String> modelNames() {
        record Named(String name) {
        }
        return api.rest().get().uri("/api/models").retrieve().body(new ParameterizedTypeReference<List<Named>>() { })
                .stream().map(Named::name).sorted().toList();
    }
}
