package dev.modelport.model.workers;

import dev.modelport.model.metrics.MetricsSummary;
import dev.modelport.model.metrics.MetricsSummary.ModelMetrics;
import dev.modelport.model.metrics.MetricsSummary.VersionMetrics;
import dev.modelport.model.metrics.MetricsSummary.Window;
import dev.modelport.model.metrics.SeriesWindow;
import dev.modelport.model.metrics.TrafficBucket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.DiscoveryClient;
import org.springframework.cloud.client.serviceregistry.Registration;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * A model's metrics over every worker: each worker only counts what it served, so this asks
 * every model-service instance for its own numbers (relaying the caller's token) and adds
 * them up. Counts and means combine exactly; a total's latency percentile is the worst
 * worker's. The series are exact: each worker sends its raw 10-second buckets, histogram bins
 * included, and they are added per bucket before any percentile is taken.
 */
@Component
public class ClusterMetrics {

    private static final Logger log = LoggerFactory.getLogger(ClusterMetrics.class);

    /** The combined numbers, and how many workers answered. */
    public record Combined(String model, int workers, Window window, List<VersionMetrics> versions) {
    }

    private final DiscoveryClient discovery;
    private final ObjectProvider<Registration> self;
    private final MetricsSummary local;
    private final RestClient http;

    ClusterMetrics(DiscoveryClient discovery, ObjectProvider<Registration> self, MetricsSummary local) {
        this.discovery = discovery;
        this.self = self;
        this.local = local;
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(Duration.ofSeconds(1));
        requests.setReadTimeout(Duration.ofSeconds(2));
        this.http = RestClient.builder().requestFactory(requests).build();
    }

    public Combined of(String model, SeriesWindow window, String authorization) {
        List<ModelMetrics> answers = new ArrayList<>();
        ModelMetrics own = local.of(model, window);
        answers.add(own);
        String selfId = self.getIfAvailable() == null ? null : self.getObject().getInstanceId();
        for (ServiceInstance peer : discovery.getInstances("model-service")) {
            if (peer.getInstanceId().equals(selfId)) {
                continue;
            }
            try {
                answers.add(http.get().uri(URI.create(peer.getUri() + "/api/models/" + model
                                + "/metrics?scope=worker&window=" + window.parameter()))
                        .header("Authorization", authorization).retrieve().body(ModelMetrics.class));
            } catch (RuntimeException e) {
                log.debug("worker {} did not report metrics: {}", peer.getInstanceId(), e.getMessage());
            }
        }
        return new Combined(model, answers.size(), own.window(), combine(answers, own.window()));
    }

    /** Every worker's versions added up; series only within {@code window} (this worker's clock decides). */
    static List<VersionMetrics> combine(List<ModelMetrics> answers, Window window) {
        Map<Integer, List<VersionMetrics>> byVersion = new TreeMap<>();
        answers.forEach(answer -> answer.versions().forEach(version ->
                byVersion.computeIfAbsent(version.version(), v -> new ArrayList<>()).add(version)));
        return byVersion.values().stream().map(parts -> combineVersion(parts).withTraffic(window, buckets(parts), false))
                .toList();
    }

    /** A worker of an older release sends no buckets: it then adds nothing to the series. */
    private static List<TrafficBucket> buckets(List<VersionMetrics> parts) {
        return TrafficBucket.merge(parts.stream().map(VersionMetrics::buckets).filter(Objects::nonNull)
                .flatMap(List::stream).toList());
    }

    private static VersionMetrics combineVersion(List<VersionMetrics> parts) {
        long requests = parts.stream().mapToLong(VersionMetrics::requests).sum();
        long errors = parts.stream().mapToLong(VersionMetrics::errors).sum();
        long batches = parts.stream().mapToLong(VersionMetrics::batches).sum();
        Map<String, Double> latency = new HashMap<>();
        parts.forEach(part -> part.latencyMs().forEach((percentile, value) -> latency.merge(percentile, value, Math::max)));
        return new VersionMetrics(parts.getFirst().version(), requests, errors, new TreeMap<>(latency),
                weightedMean(parts, true, batches), weightedMean(parts, false, batches), batches, null, List.of(), null);
    }

    /** Batch size weighted by batches, queue time by batches too (one queue sample per batched request). */
    private static Double weightedMean(List<VersionMetrics> parts, boolean batchSize, long batches) {
        double sum = 0;
        long weight = 0;
        for (VersionMetrics part : parts) {
            Double value = batchSize ? part.meanBatchSize() : part.meanQueueMs();
            if (value != null && part.batches() > 0) {
                sum += value * part.batches();
                weight += part.batches();
            }
        }
        return weight == 0 ? null : sum / weight;
    }
}
