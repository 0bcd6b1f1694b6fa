package dev.modelport.admin.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelport.admin.metrics.MetricsClient.Latency;
import dev.modelport.admin.metrics.MetricsClient.ModelMetrics;
import dev.modelport.admin.metrics.MetricsClient.VersionMetrics;
import dev.modelport.admin.metrics.MetricsHistory.Point;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsHistoryTest {

    private final Instant start = Instant.parse("2026-11-22T10:00:00Z");
    private final MetricsHistory history = new MetricsHistory();

    @Test
    void pointsWhenCountersGrowThenRequestsPerSecondAndErrorRate() {
        history.add(start, metrics(100, 0));
        history.add(start.plusSeconds(10), metrics(150, 5));

        List<Point> points = history.points(start.plusSeconds(10), Duration.ofMinutes(15));
        assertThat(points).hasSize(1);
        assertThat(points.getFirst().requestsPerSecond()).isEqualTo(5.0);
        assertThat(points.getFirst().errorRate()).isEqualTo(0.1);
    }

    @Test
    void pointsWhenWorkerRestartedThenCountsFromZero() {
        history.add(start, metrics(1000, 0));
        history.add(start.plusSeconds(10), metrics(20, 0));

        assertThat(history.points(start.plusSeconds(10), Duration.ofMinutes(15)).getFirst().requestsPerSecond()).isEqualTo(2.0);
    }

    @Test
    void addWhenOlderThanAnHourThenDropped() {
        history.add(start, metrics(1, 0));
        history.add(start.plus(Duration.ofMinutes(61)), metrics(2, 0));

        assertThat(history.size()).isEqualTo(1);
    }

    @Test
    void chartWhenPointsThenSvgMarkup() {
        history.add(start, metrics(100, 0));
        history.add(start.plusSeconds(10), metrics(150, 5));

        String svg = LineChart.svg("Requests per second", "req/s",
                history.points(start.plusSeconds(10), Duration.ofMinutes(15)), Point::requestsPerSecond);
        assertThat(svg).startsWith("<svg").contains("Requests per second");
    }

    private static ModelMetrics metrics(long requests, long errors) {
        return new ModelMetrics("iris", List.of(new VersionMetrics(1, requests, errors, new Latency(1, 2, 3), 1.5, 0.2)));
    }
}
