package dev.modelport.admin.metrics;

import static dev.modelport.admin.metrics.MetricsTestData.T1;
import static dev.modelport.admin.metrics.MetricsTestData.T2;
import static dev.modelport.admin.metrics.MetricsTestData.WINDOW;
import static dev.modelport.admin.metrics.MetricsTestData.metrics;
import static dev.modelport.admin.metrics.MetricsTestData.point;
import static dev.modelport.admin.metrics.MetricsTestData.version;
import static org.assertj.core.api.Assertions.assertThat;

import dev.modelport.admin.metrics.LineChart.Line;
import dev.modelport.admin.metrics.LineChart.Value;
import dev.modelport.admin.metrics.MetricsCharts.Chart;
import dev.modelport.admin.metrics.MetricsClient.VersionMetrics;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsChartsTest {

    @Test
    void linesWhenSeriesThenRequestsPerSecondOnEveryBucketOfTheWindow() {
        List<VersionMetrics> versions = List.of(version(1, 100, List.of(point(T1, 20, 0), point(T2, 50, 5))),
                version(2, 7, List.of(point(T2, 10, 0))));

        List<Line> lines = MetricsCharts.lines(WINDOW, versions, Timeline.Slot::requestsPerSecond);

        assertThat(lines).extracting(Line::name).containsExactly("v1", "v2");
        assertThat(lines.getFirst().values()).hasSize(90).contains(new Value(T1, 2.0), new Value(T2, 5.0));
        assertThat(lines.getFirst().values().stream().mapToDouble(Value::value).sum()).isEqualTo(7.0);
        assertThat(lines.get(1).values()).contains(new Value(T2, 1.0));
    }

    @Test
    void ofWhenTwoVersionsThenSharedChartsAndALatencyChartEach() {
        List<Chart> charts = MetricsCharts.of(metrics(version(1, 100, List.of(point(T1, 20, 1))),
                version(2, 7, List.of(point(T2, 10, 0)))));

        assertThat(charts).extracting(Chart::title).containsExactly("Requests per second", "Error rate",
                "Latency v1", "Latency v2", "Queue time", "Batch size");
        assertThat(charts).allSatisfy(chart -> assertThat(chart.svg()).startsWith("<svg").contains(chart.title()));
        assertThat(charts.get(2).svg()).contains("p50", "p95", "p99");
        assertThat(charts.getFirst().svg()).contains("v1", "v2");
    }

    @Test
    void ofWhenVersionHasNoTrafficInWindowThenItHasNoLine() {
        List<Chart> charts = MetricsCharts.of(metrics(version(1, 100, List.of(point(T1, 20, 1))), version(2, 7, List.of())));

        assertThat(charts).extracting(Chart::title).doesNotContain("Latency v2");
    }

    @Test
    void chartWhenEveryValueZeroThenAxisFromZeroToOneNotAroundZero() {
        org.jfree.chart.JFreeChart chart = LineChart.chart("Error rate", "%", WINDOW.from(), WINDOW.to(),
                List.of(new Line("v1", List.of(new Value(T1, 0.0), new Value(T2, 0.0)))));

        org.jfree.chart.axis.ValueAxis range = chart.getXYPlot().getRangeAxis();
        assertThat(range.getLowerBound()).isZero();
        assertThat(range.getUpperBound()).isEqualTo(1.0);
    }
}
