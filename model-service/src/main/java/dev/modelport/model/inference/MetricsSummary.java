package dev.modelport.model.inference;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/** This worker's inference metrics for one model, per version, cumulative since the worker started. */
@Component
public class MetricsSummary {

    /** One version's numbers. Latencies in milliseconds; null where nothing was measured yet. */
    public record VersionMetrics(int version, long requests, long errors, Map<String, Double> latencyMs,
                                 Double meanBatchSize, Double meanQueueMs, long batches) {
    }

    public record ModelMetrics(String model, List<VersionMetrics> versions) {
    }

    private final MeterRegistry registry;

    MetricsSummary(MeterRegistry registry) {
        this.registry = registry;
    }

    public ModelMetrics of(String model) {
        Map<Integer, VersionMetrics> versions = new TreeMap<>();
        registry.find(InferenceMetrics.SUCCESS).tag("model", model).counters()
                .forEach(counter -> versions.computeIfAbsent(version(counter.getId().getTag("version")), this::empty));
        registry.find(InferenceMetrics.FAILURE).tag("model", model).counters()
                .forEach(counter -> versions.computeIfAbsent(version(counter.getId().getTag("version")), this::empty));
        List<VersionMetrics> summaries = versions.keySet().stream().map(version -> summarise(model, version)).toList();
        return new ModelMetrics(model, summaries);
    }

    private VersionMetrics summarise(String model, int version) {
        String v = String.valueOf(version);
        long successes = (long) registry.find(InferenceMetrics.SUCCESS).tags("model", model, "version", v).counters()
                .stream().mapToDouble(Counter::count).sum();
        long errors = (long) registry.find(InferenceMetrics.FAILURE).tags("model", model, "version", v).counters()
                .stream().mapToDouble(Counter::count).sum();
        Timer latency = registry.find(InferenceMetrics.REQUEST_DURATION).tags("model", model, "version", v).timer();
        Map<String, Double> percentiles = new TreeMap<>();
        if (latency != null) {
            for (ValueAtPercentile value : latency.takeSnapshot().percentileValues()) {
                percentiles.put("p" + Math.round(value.percentile() * 100), value.value(TimeUnit.MILLISECONDS));
            }
        }
        DistributionSummary batch = registry.find(InferenceMetrics.BATCH_SIZE).tags("model", model, "version", v).summary();
        Timer queue = registry.find(InferenceMetrics.QUEUE_DURATION).tags("model", model, "version", v).timer();
        return new VersionMetrics(version, successes + errors, errors, percentiles,
                batch == null ? null : batch.mean(), queue == null ? null : queue.mean(TimeUnit.MILLISECONDS),
                batch == null ? 0 : batch.count());
    }

    private VersionMetrics empty(int version) {
        return new VersionMetrics(version, 0, 0, Map.of(), null, null, 0);
    }

    private static int version(String tag) {
        return Integer.parseInt(tag);
    }
}
