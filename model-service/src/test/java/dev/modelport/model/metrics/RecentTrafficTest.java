package dev.modelport.model.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import dev.modelport.model.inference.VersionKey;
import dev.modelport.model.metrics.MetricsSummary.Window;
import dev.modelport.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RecentTrafficTest {

    private static final VersionKey V1 = new VersionKey("iris", 1);
    private static final VersionKey V2 = new VersionKey("iris", 2);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:03Z"));
    private final RecentTraffic traffic = new RecentTraffic(clock);

    @Test
    void windowWhenFifteenMinutesThenNinetyBucketsEndingNow() {
        Window window = traffic.window(SeriesWindow.FIFTEEN_MINUTES);

        assertThat(window.name()).isEqualTo("15m");
        assertThat(window.from()).isEqualTo(Instant.parse("2026-11-22T09:45:10Z"));
        assertThat(window.to()).isEqualTo(clock.instant());
        assertThat(window.bucketSeconds()).isEqualTo(10);
    }

    @Test
    void bucketsWhenClockPassesTenSecondsThenNextBucket() {
        traffic.succeeded(V1, 2_000_000);
        traffic.failed(V1);
        clock.advance(Duration.ofSeconds(9));
        traffic.succeeded(V1, 3_000_000);
        traffic.queued(V1, 500_000);
        traffic.executed(V1, 4);

        List<TrafficBucket> buckets = buckets(SeriesWindow.FIFTEEN_MINUTES).get(1);

        assertThat(buckets).extracting(TrafficBucket::start)
                .containsExactly(Instant.parse("2026-11-22T10:00:00Z"), Instant.parse("2026-11-22T10:00:10Z"));
        assertThat(buckets.getFirst().point().requests()).isEqualTo(2);
        assertThat(buckets.getFirst().point().errors()).isEqualTo(1);
        assertThat(buckets.getFirst().point().meanQueueMs()).isNull();
        TrafficPoint second = buckets.getLast().point();
        assertThat(second.requests()).isEqualTo(1);
        assertThat(second.meanQueueMs()).isEqualTo(0.5);
        assertThat(second.meanBatchSize()).isEqualTo(4.0);
    }

    @Test
    void bucketsWhenAnHourLaterThenTheSlotHoldsOnlyTheNewBucket() {
        traffic.succeeded(V1, 1_000_000);
        clock.advance(Duration.ofHours(1));
        traffic.succeeded(V1, 1_000_000);

        List<TrafficBucket> buckets = buckets(SeriesWindow.HOUR).get(1);

        assertThat(buckets).singleElement().satisfies(bucket -> {
            assertThat(bucket.start()).isEqualTo(Instant.parse("2026-11-22T11:00:00Z"));
            assertThat(bucket.successes()).isEqualTo(1);
        });
    }

    @Test
    void bucketsWhenFifteenMinuteWindowThenOlderBucketsLeftOut() {
        traffic.succeeded(V1, 1_000_000);
        clock.advance(Duration.ofMinutes(20));
        traffic.succeeded(V1, 1_000_000);

        assertThat(buckets(SeriesWindow.FIFTEEN_MINUTES).get(1)).hasSize(1);
        assertThat(buckets(SeriesWindow.HOUR).get(1)).hasSize(2);
    }

    @Test
    void bucketsWhenTrafficForTwoHoursThenAtMostAnHourKept() {
        for (int i = 0; i < 720; i++) {
            traffic.succeeded(V1, 1_000_000);
            clock.advance(Duration.ofSeconds(10));
        }

        List<TrafficBucket> buckets = buckets(SeriesWindow.HOUR).get(1);

        assertThat(buckets).hasSize(TrafficRing.SIZE - 1);
        assertThat(buckets.getFirst().start()).isEqualTo(traffic.window(SeriesWindow.HOUR).from());
    }

    @Test
    void versionsWhenIdleForAnHourThenItsRingIsDropped() {
        traffic.succeeded(V1, 1_000_000);
        clock.advance(Duration.ofMinutes(61));
        traffic.succeeded(V2, 1_000_000);

        assertThat(traffic.versions()).isEqualTo(1);
        assertThat(buckets(SeriesWindow.HOUR)).containsOnlyKeys(2);
    }

    @Test
    void pointWhenLatenciesRecordedThenPercentilesWithinBinResolutionOfExact() {
        Random random = new Random(42);
        long[] nanos = new long[10_000];
        for (int i = 0; i < nanos.length; i++) {
            // log-uniform between 1 ms and 5 s, like real latencies spread over orders of magnitude
            nanos[i] = (long) (1e6 * Math.exp(random.nextDouble() * Math.log(5_000)));
            traffic.succeeded(V1, nanos[i]);
        }
        Arrays.sort(nanos);

        TrafficPoint point = buckets(SeriesWindow.FIFTEEN_MINUTES).get(1).getFirst().point();

        assertThat(point.p50Ms()).isCloseTo(exactMs(nanos, 0.50), withinPercentage(5));
        assertThat(point.p95Ms()).isCloseTo(exactMs(nanos, 0.95), withinPercentage(5));
        assertThat(point.p99Ms()).isCloseTo(exactMs(nanos, 0.99), withinPercentage(5));
    }

    @Test
    void mergeWhenTwoWorkersThenEqualsOneWorkerThatSawEverything() {
        RecentTraffic first = new RecentTraffic(clock);
        RecentTraffic second = new RecentTraffic(clock);
        Random random = new Random(7);
        for (int i = 0; i < 5_000; i++) {
            RecentTraffic worker = random.nextBoolean() ? first : second;
            long nanos = (long) (1e5 * Math.exp(random.nextDouble() * 12));
            switch (random.nextInt(4)) {
                case 0 -> {
                    worker.succeeded(V1, nanos);
                    traffic.succeeded(V1, nanos);
                }
                case 1 -> {
                    worker.failed(V1);
                    traffic.failed(V1);
                }
                case 2 -> {
                    worker.queued(V1, nanos);
                    traffic.queued(V1, nanos);
                }
                default -> {
                    int rows = 1 + random.nextInt(32);
                    worker.executed(V1, rows);
                    traffic.executed(V1, rows);
                }
            }
            if (i % 97 == 0) {
                clock.advance(Duration.ofSeconds(3));
            }
        }
        Window window = traffic.window(SeriesWindow.HOUR);
        List<TrafficBucket> both = new ArrayList<>(first.buckets("iris", window).get(1));
        both.addAll(second.buckets("iris", window).get(1));

        List<TrafficBucket> merged = TrafficBucket.merge(both);
        List<TrafficBucket> seenByOne = traffic.buckets("iris", window).get(1);

        assertThat(merged).hasSizeGreaterThan(10).isEqualTo(seenByOne);
        assertThat(merged.stream().map(TrafficBucket::point).toList())
                .isEqualTo(seenByOne.stream().map(TrafficBucket::point).toList());
    }

    @Test
    void succeededWhenManyThreadsAtOnceThenNoCountLost() throws InterruptedException {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        for (int t = 0; t < 8; t++) {
            threads.execute(() -> {
                for (int i = 0; i < 20_000; i++) {
                    traffic.succeeded(V1, 1_000_000 + i);
                }
            });
        }
        threads.shutdown();
        assertThat(threads.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        TrafficBucket bucket = buckets(SeriesWindow.FIFTEEN_MINUTES).get(1).getFirst();

        assertThat(bucket.successes()).isEqualTo(160_000);
        assertThat(bucket.latencyBins().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(160_000);
    }

    private Map<Integer, List<TrafficBucket>> buckets(SeriesWindow window) {
        return traffic.buckets("iris", traffic.window(window));
    }

    /** The nearest-rank percentile of sorted samples, in milliseconds. */
    private static double exactMs(long[] sorted, double p) {
        int rank = (int) Math.max(1, Math.ceil(p * sorted.length));
        return sorted[rank - 1] / 1e6;
    }
}
