package dev.modelport.admin.metrics;

import dev.modelport.admin.metrics.LineChart.Line;
import dev.modelport.admin.metrics.LineChart.Value;
import dev.modelport.admin.metrics.MetricsClient.ModelMetrics;
import dev.modelport.admin.metrics.MetricsClient.Point;
import dev.modelport.admin.metrics.MetricsClient.VersionMetrics;
import dev.modelport.admin.metrics.MetricsClient.Window;
import dev.modelport.admin.metrics.Timeline.Slot;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The Metrics page's charts, drawn from the server's series: requests/s, error rate, queue
 * time and batch size with a line per version, and latency p50/p95/p99 per version.
 * Requests/s reads an idle bucket as zero; the others have no value there and join across it.
 */
final class MetricsCharts {

    /** A chart's title and its SVG markup. */
    record Chart(String title, String svg) {
    }

    private MetricsCharts() {
    }

    static List<Chart> of(ModelMetrics metrics) {
        Window window = metrics.window();
        List<VersionMetrics> versions = metrics.versionsOrNone().stream()
                .filter(version -> !version.seriesOrNone().isEmpty()).toList();
        List<Chart> charts = new ArrayList<>();
        charts.add(chart("Requests per second", "req/s", window, lines(window, versions,
                slot -> slot.requestsPerSecond())));
        charts.add(chart("Error rate", "% of requests", window, lines(window, versions,
                slot -> slot.hadRequests() ? 100.0 * slot.point().errors() / slot.point().requests() : null)));
        for (VersionMetrics version : versions) {
            List<Slot> slots = Timeline.of(window, version.seriesOrNone());
            charts.add(chart("Latency v" + version.version(), "ms", window, List.of(
                    line("p50", slots, slot -> measured(slot, Point::p50Ms)),
                    line("p95", slots, slot -> measured(slot, Point::p95Ms)),
                    line("p99", slots, slot -> measured(slot, Point::p99Ms)))));
        }
        charts.add(chart("Queue time", "ms", window, lines(window, versions, slot -> measured(slot, Point::meanQueueMs))));
        charts.add(chart("Batch size", "rows per batch", window, lines(window, versions,
                slot -> measured(slot, Point::meanBatchSize))));
        return charts;
    }

    /** One line per version; {@code value} null where that bucket has nothing to show. */
    static List<Line> lines(Window window, List<VersionMetrics> versions, Function<Slot, Double> value) {
        return versions.stream()
                .map(version -> line("v" + version.version(), Timeline.of(window, version.seriesOrNone()), value))
                .toList();
    }

    private static Line line(String name, List<Slot> slots, Function<Slot, Double> value) {
        List<Value> values = new ArrayList<>();
        for (Slot slot : slots) {
            Double y = value.apply(slot);
            if (y != null) {
                values.add(new Value(slot.start(), y));
            }
        }
        return new Line(name, values);
    }

    private static Double measured(Slot slot, Function<Point, Double> field) {
        return slot.point() == null ? null : field.apply(slot.point());
    }

    private static Chart chart(String title, String unit, Window window, List<Line> lines) {
        return new Chart(title, LineChart.svg(title, unit, window.from(), window.to(), lines));
    }
}
