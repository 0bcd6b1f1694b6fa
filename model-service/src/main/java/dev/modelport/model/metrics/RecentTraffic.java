package dev.modelport.model.metrics;

import dev.modelport.model.inference.VersionKey;
import dev.modelport.model.metrics.MetricsSummary.Window;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.stereotype.Component;

/**
 * This worker's last hour of traffic per model version, in 10-second buckets, so the console
 * can chart the past as soon as it opens. Only versions that were called get a ring, and a
 * ring idle for an hour (nothing left to show) is dropped when the next new version arrives
 * or the next time anyone reads; memory is at most one ring per version called in the last hour.
 */
@Component
class RecentTraffic {

    private final Clock clock;
    private final ConcurrentMap<VersionKey, TrafficRing> rings = new ConcurrentHashMap<>();

    RecentTraffic(Clock clock) {
        this.clock = clock;
    }

    void succeeded(VersionKey key, long nanos) {
        ring(key).succeeded(now(), nanos);
    }

    void failed(VersionKey key) {
        ring(key).failed(now());
    }

    void queued(VersionKey key, long nanos) {
        ring(key).queued(now(), nanos);
    }

    void executed(VersionKey key, int rows) {
        ring(key).executed(now(), rows);
    }

    /** The window ending now: from the start of its oldest bucket to this instant. */
    Window window(SeriesWindow window) {
        Instant to = clock.instant();
        long first = bucket(to.toEpochMilli()) - window.buckets() + 1;
        return new Window(window.parameter(), Instant.ofEpochMilli(first * TrafficRing.BUCKET_MILLIS), to,
                (int) (TrafficRing.BUCKET_MILLIS / 1000));
    }

    /** Per version of {@code model}, its buckets in the window that saw anything, oldest first. */
    Map<Integer, List<TrafficBucket>> buckets(String model, Window window) {
        dropIdle();
        long first = bucket(window.from().toEpochMilli());
        long last = bucket(window.to().toEpochMilli());
        Map<Integer, List<TrafficBucket>> versions = new TreeMap<>();
        rings.forEach((key, ring) -> {
            if (key.model().equals(model)) {
                List<TrafficBucket> buckets = ring.buckets(first, last);
                if (!buckets.isEmpty()) {
                    versions.put(key.version(), buckets);
                }
            }
        });
        return versions;
    }

    /** How many versions have a ring. */
    int versions() {
        return rings.size();
    }

    private TrafficRing ring(VersionKey key) {
        TrafficRing ring = rings.get(key);
        if (ring != null) {
            return ring;
        }
        dropIdle();
        return rings.computeIfAbsent(key, k -> new TrafficRing(now()));
    }

    /**
     * A request recording into a ring just dropped is lost; that takes a version's first request
     * after an hour of silence racing the drop, and costs one count.
     */
    private void dropIdle() {
        long now = now();
        rings.values().removeIf(ring -> ring.idleAt(now));
    }

    private long now() {
        return bucket(clock.millis());
    }

    private static long bucket(long epochMillis) {
        return Math.floorDiv(epochMillis, TrafficRing.BUCKET_MILLIS);
    }
}
