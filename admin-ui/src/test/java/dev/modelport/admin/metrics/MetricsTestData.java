package dev.modelport.admin.metrics;

import dev.modelport.admin.metrics.MetricsClient.Latency;
import dev.modelport.admin.metrics.MetricsClient.ModelMetrics;
import dev.modelport.admin.metrics.MetricsClient.Point;
import dev.modelport.admin.metrics.MetricsClient.VersionMetrics;
import dev.modelport.admin.metrics.MetricsClient.Window;
import java.time.Instant;
import java.util.List;

/** Answers shaped like model-service's {@code GET /api/models/{name}/metrics}. */
final class MetricsTestData {

    /** 15 minutes: 90 buckets from 09:45:10, the last one 3 s old. */
    static final Window WINDOW = new Window("15m", Instant.parse("2026-11-22T09:45:10Z"),
            Instant.parse("2026-11-22T10:00:03Z"), 10);
    static final Instant T1 = Instant.parse("2026-11-22T09:59:40Z");
    static final Instant T2 = Instant.parse("2026-11-22T09:59:50Z");

    private MetricsTestData() {
    }

    static Point point(Instant start, long requests, long errors) {
        return new Point(start, requests, errors, 2.0, 8.0, 12.5, 0.4, 3.0);
    }

    static VersionMetrics version(int version, long total, List<Point> series) {
        long requests = series.stream().mapToLong(Point::requests).sum();
        long errors = series.stream().mapToLong(Point::errors).sum();
        Point inWindow = new Point(WINDOW.from(), requests, errors, requests == 0 ? null : 2.1,
                requests == 0 ? null : 9.0, requests == 0 ? null : 13.0, requests == 0 ? null : 0.4,
                requests == 0 ? null : 3.0);
        return new VersionMetrics(version, total, errors, new Latency(2.0, 8.0, 12.5), 3.0, 0.4, inWindow, series);
    }

    static ModelMetrics metrics(VersionMetrics... versions) {
        return new ModelMetrics("iris", 2, WINDOW, List.of(versions));
    }
}
