package dev.modelport.model.workers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelport.model.metrics.MetricsSummary.ModelMetrics;
import dev.modelport.model.metrics.MetricsSummary.VersionMetrics;
import dev.modelport.model.metrics.MetricsSummary.Window;
import dev.modelport.model.metrics.TrafficBucket;
import dev.modelport.model.metrics.TrafficPoint;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ClusterMetricsTest {

    private static final Instant FROM = Instant.parse("2026-11-22T09:45:10Z");
    private static final Window WINDOW = new Window("15m", FROM, Instant.parse("2026-11-22T10:00:03Z"), 10);
    private static final Instant T1 = Instant.parse("2026-11-22T09:59:50Z");
    private static final Instant T2 = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void combineWhenTwoWorkersThenCountsAddAndPercentilesTakeTheWorst() {
        ModelMetrics first = new ModelMetrics("iris", WINDOW, List.of(
                version(1, 10, 1, Map.of("p50", 2.0, "p99", 9.0), 2.0, 1.0, 5, List.of()),
                version(2, 4, 0, Map.of("p50", 1.0, "p99", 3.0), 1.0, 0.5, 4, List.of())));
        ModelMetrics second = new ModelMetrics("iris", WINDOW, List.of(
                version(1, 30, 2, Map.of("p50", 3.0, "p99", 5.0), 4.0, 3.0, 15, List.of())));

        List<VersionMetrics> combined = ClusterMetrics.combine(List.of(first, second), WINDOW);

        assertThat(combined).hasSize(2);
        VersionMetrics v1 = combined.getFirst();
        assertThat(v1.requests()).isEqualTo(40);
        assertThat(v1.errors()).isEqualTo(3);
        assertThat(v1.batches()).isEqualTo(20);
        assertThat(v1.latencyMs()).containsEntry("p50", 3.0).containsEntry("p99", 9.0);
        assertThat(v1.meanBatchSize()).isEqualTo((2.0 * 5 + 4.0 * 15) / 20);
        assertThat(combined.get(1).requests()).isEqualTo(4);
    }

    @Test
    void combineWhenTwoWorkersSentBucketsThenSeriesEqualsOneWorkerThatSawEverything() {
        ModelMetrics first = new ModelMetrics("iris", WINDOW, List.of(version(1, 4, 0, Map.of(), 2.0, 1.0, 2, List.of(
                bucket(T1, 3, 0, Map.of(40, 3L), 3_000_000, 3, 6, 2),
                bucket(T2, 1, 0, Map.of(41, 1L), 0, 0, 0, 0)))));
        ModelMetrics second = new ModelMetrics("iris", WINDOW, List.of(version(1, 2, 1, Map.of(), 1.0, 0.5, 1, List.of(
                bucket(T1, 1, 1, Map.of(90, 1L), 1_000_000, 1, 1, 1)))));
        TrafficBucket sawEverythingAtT1 = bucket(T1, 4, 1, Map.of(40, 3L, 90, 1L), 4_000_000, 4, 7, 3);
        TrafficBucket sawEverythingAtT2 = bucket(T2, 1, 0, Map.of(41, 1L), 0, 0, 0, 0);

        VersionMetrics v1 = ClusterMetrics.combine(List.of(first, second), WINDOW).getFirst();

        assertThat(v1.series()).containsExactly(sawEverythingAtT1.point(), sawEverythingAtT2.point());
        TrafficPoint t1 = v1.series().getFirst();
        assertThat(t1.requests()).isEqualTo(5);
        assertThat(t1.errors()).isEqualTo(1);
        // the slow request was on the second worker only: the merged p99 is its bin, the p50 the first worker's
        assertThat(t1.p99Ms()).isGreaterThan(t1.p50Ms() * 10);
        assertThat(t1.meanQueueMs()).isEqualTo(1.0);
        assertThat(t1.meanBatchSize()).as("rounded to 3 decimals").isEqualTo(2.333);
        assertThat(v1.inWindow()).isEqualTo(TrafficBucket.total(FROM, List.of(sawEverythingAtT1, sawEverythingAtT2)).point());
        assertThat(v1.buckets()).as("raw buckets stay between workers").isNull();
    }

    @Test
    void combineWhenBucketOlderThanTheWindowThenLeftOut() {
        Instant before = FROM.minusSeconds(10);
        ModelMetrics only = new ModelMetrics("iris", WINDOW, List.of(version(1, 2, 0, Map.of(), null, null, 0, List.of(
                bucket(before, 1, 0, Map.of(40, 1L), 0, 0, 0, 0),
                bucket(T2, 1, 0, Map.of(40, 1L), 0, 0, 0, 0)))));

        VersionMetrics v1 = ClusterMetrics.combine(List.of(only), WINDOW).getFirst();

        assertThat(v1.series()).extracting(TrafficPoint::start).containsExactly(T2);
        assertThat(v1.inWindow().requests()).isEqualTo(1);
    }

    @Test
    void combineWhenWorkerSentNoBucketsThenItsSeriesIsEmpty() {
        ModelMetrics olderWorker = new ModelMetrics("iris", null, List.of(version(1, 3, 0, Map.of(), null, null, 0, null)));

        VersionMetrics v1 = ClusterMetrics.combine(List.of(olderWorker), WINDOW).getFirst();

        assertThat(v1.requests()).isEqualTo(3);
        assertThat(v1.series()).isEmpty();
        assertThat(v1.inWindow().requests()).isZero();
        assertThat(v1.inWindow().p50Ms()).isNull();
    }

    private static VersionMetrics version(int version, long requests, long errors, Map<String, Double> latencyMs,
                                          Double meanBatchSize, Double meanQueueMs, long batches,
                                          List<TrafficBucket> buckets) {
        return new VersionMetrics(version, requests, errors, latencyMs, meanBatchSize, meanQueueMs, batches, null,
                List.of(), buckets);
    }

    private static TrafficBucket bucket(Instant start, long successes, long errors, Map<Integer, Long> bins,
                                        long queueNanos, long queued, long batchRows, long batches) {
        return new TrafficBucket(start, successes, errors, new TreeMap<>(bins), queueNanos, queued, batchRows, batches);
    }
}
