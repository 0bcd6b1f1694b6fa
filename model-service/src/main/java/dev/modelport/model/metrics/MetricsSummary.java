package dev.modelport.model.metrics;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * This worker's inference metrics for one model, per version: totals since the worker started
 * (from Micrometer), and the chosen window of its {@link RecentTraffic} as 10-second points.
 */
@Component
public class MetricsSummary {

    /**
     * One version's numbers. The totals are cumulative since the worker started; latencies in
     * milliseconds; null where nothing was measured yet. {@code inWindow} is the whole window
     * as one point; {@code series} has a point per 10-second bucket that saw traffic (a bucket
     * left out had none); {@code buckets} are the raw, addable counts behind them, given only
     * by a single worker so that {@code ClusterMetrics} can add workers up exactly.
     */
    public record VersionMetrics(int version, long requests, long errors, Map<String, Double> latencyMs,
                                 Double meanBatchSize, Double meanQueueMs, long batches,
                                 TrafficPoint inWindow, List<TrafficPoint> series,
                                 @JsonInclude(JsonInclude.Include.NON_NULL) List<TrafficBucket> buckets) {

        /** This version with its window's numbers from {@code buckets}, kept raw too when {@code raw}. */
        public VersionMetrics withTraffic(Window window, List<TrafficBucket> buckets, boolean raw) {
            List<TrafficBucket> inside = buckets.stream().filter(bucket -> !bucket.start().isBefore(window.from())
                    && !bucket.start().isAfter(window.to())).toList();
            return new VersionMetrics(version, requests, errors, latencyMs, meanBatchSize, meanQueueMs, batches,
                    TrafficBucket.total(window.from(), inside).point(),
                    inside.stream().map(TrafficBucket::point).toList(), raw ? inside : null);
        }
    }

    /** The span the series cover: {@code from} is the oldest bucket's start, {@code to} the moment of the answer. */
    public record Window(String name, Instant from, Instant to, int bucketSeconds) {
    }

    public record ModelMetrics(String model, Window window, List<VersionMetrics> versions) {
    }

    private final MeterRegistry registry;
    private final RecentTraffic traffic;

    MetricsSummary(MeterRegistry registry, RecentTraffic traffic) {
        this.registry = registry;
        this.traffic = traffic;
    }

    /** This worker's numbers, with the raw buckets of the window. */
    public ModelMetrics of(String model, SeriesWindow span) {
        Window window = traffic.window(span);
        Map<Integer, List<TrafficBucket>> recent = traffic.buckets(model, window);
        TreeSet<Integer> versions = new TreeSet<>(recent.keySet());
        registry.find(InferenceMetrics.SUCCESS).tag("model", model).counters()
                .forEach(counter -> versions.add(version(counter.getId().getTag("version"))));
        registry.find(InferenceMetrics.FAILURE).tag("model", model).counters()
                .forEach(counter -> versions.add(version(counter.getId().getTag("version"))));
        List<VersionMetrics> summaries = versions.stream()
                .map(version -> summarise(model, version).withTraffic(window, recent.getOrDefault(version, List.of()), true))
                .toList();
        return new ModelMetrics(model, window, summaries);
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
                batch == null ? 0 : batch.count(), null, List.of(), null);
    }

    private static int version(String tag) {
        return Integer.parseInt(tag);
    }
}
