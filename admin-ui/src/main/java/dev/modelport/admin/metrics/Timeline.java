package dev.modelport.admin.metrics;

import dev.modelport.admin.metrics.MetricsClient.Point;
import dev.modelport.admin.metrics.MetricsClient.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A version's points spread over every bucket of the window, so that charts get a continuous
 * time axis: the server leaves out buckets without traffic, which read here as zero requests.
 */
final class Timeline {

    /** One bucket: its point, or null when it had no traffic; {@code seconds} is shorter for the current one. */
    record Slot(Instant start, double seconds, Point point) {

        double requestsPerSecond() {
            return point == null ? 0 : point.requests() / seconds;
        }

        boolean hadRequests() {
            return point != null && point.requests() > 0;
        }
    }

    private Timeline() {
    }

    static List<Slot> of(Window window, List<Point> points) {
        List<Slot> slots = new ArrayList<>();
        if (window == null || window.bucketSeconds() <= 0) {
            return slots;
        }
        Map<Instant, Point> byStart = new HashMap<>();
        points.forEach(point -> byStart.put(point.start(), point));
        Duration bucket = Duration.ofSeconds(window.bucketSeconds());
        for (Instant start = window.from(); start.isBefore(window.to()); start = start.plus(bucket)) {
            // the newest bucket is still filling: its rate is over the seconds it has had so far
            double seconds = Math.clamp(Duration.between(start, window.to()).toMillis() / 1000.0, 1, window.bucketSeconds());
            slots.add(new Slot(start, seconds, byStart.get(start)));
        }
        return slots;
    }

    /** How long the window is, in seconds, for rates over all of it. */
    static double seconds(Window window) {
        return window == null ? 0 : Math.max(1, Duration.between(window.from(), window.to()).toMillis() / 1000.0);
    }
}
