package dev.modelport.e2e.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelport.e2e.deploy.DashboardQueries.Panel;
import dev.modelport.e2e.deploy.DashboardQueries.Query;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DashboardQueriesTest {

    private final DashboardQueries dashboard = DashboardQueries.read(Repository.file(DashboardQueries.DASHBOARD));

    @Test
    void metricNamesWhenHistogramQuantileThenOnlyTheBucketSeries() {
        assertThat(DashboardQueries.metricNames("histogram_quantile(0.99, sum by (model, version, le) "
                + "(rate(nv_inference_request_duration_seconds_bucket{model=~\"$model\", status!~\"5..\"}[$__rate_interval])))"))
                .containsExactly("nv_inference_request_duration_seconds_bucket");
    }

    @Test
    void metricNamesWhenVectorMatchingOffsetAndTrailingGroupingThenBothOperands() {
        assertThat(DashboardQueries.metricNames("sum(rate(requests_total[5m] offset 1h)) by (job) / on (job) group_left "
                + "sum without (instance) (latency_sum{note=\"by (le) or rate(x)\"})"))
                .containsExactlyInAnyOrder("requests_total", "latency_sum");
    }

    @Test
    void metricNamesWhenNameMatcherSubqueryNumbersAndKeywordsThenOnlyMetrics() {
        assertThat(DashboardQueries.metricNames("{__name__=\"up\", job=\"registry\"} * 1e3 "
                + "+ max_over_time(deriv(job:requests:rate5m[1h:5m])[30m:1m]) - 0x1F > bool Inf unless absent(NaN_metric) @ end()"))
                .containsExactlyInAnyOrder("up", "job:requests:rate5m", "NaN_metric");
    }

    @Test
    void metricNamesWhenSpacesBeforeParenthesesAndBracketsThenFunctionsAreNotMetrics() {
        assertThat(DashboardQueries.metricNames(
                "sum without (instance) (rate ( calls_total {a=\"1\"} [ ${__rate_interval} ] )) or vector(0) and on() time() > 0"))
                .containsExactly("calls_total");
    }

    @Test
    void metricNamesWhenLabelNamesOnlyInStringsThenNotMetrics() {
        assertThat(DashboardQueries.metricNames("label_replace(up{job=\"x\"}, \"dst\", \"$1\", \"src\", \"(.*)\")"))
                .containsExactly("up");
        assertThat(DashboardQueries.metricNames("time() - vector(1)")).isEmpty();
    }

    @Test
    void metricNamesWhenDashboardReadThenExactlyTheExportedSeries() {
        assertThat(dashboard.metricNames()).containsExactlyInAnyOrder(
                "nv_inference_request_success_total",
                "nv_inference_request_failure_total",
                "nv_inference_request_duration_seconds_bucket",
                "nv_inference_queue_duration_seconds_sum",
                "nv_inference_queue_duration_seconds_count",
                "nv_inference_queue_duration_seconds_max",
                "nv_inference_compute_infer_duration_seconds_sum",
                "nv_inference_compute_infer_duration_seconds_count",
                "nv_inference_batch_size_sum",
                "nv_inference_batch_size_count",
                "nv_inference_batch_size_max",
                "nv_inference_exec_count_total",
                "nv_inference_pending_request_count",
                "http_server_requests_seconds_count",
                "http_server_requests_seconds_sum",
                "jvm_memory_used_bytes");
        assertThat(dashboard.panels()).allSatisfy(panel -> assertThat(panel.queries()).allSatisfy(query ->
                assertThat(DashboardQueries.metricNames(query.expr())).as(panel.title()).isNotEmpty()));
    }

    @Test
    void panelsWhenDashboardReadThenRequestRateErrorsAndLatencyPercentiles() {
        assertThat(panel("Request rate").metricNames())
                .contains("nv_inference_request_success_total", "nv_inference_request_failure_total");
        assertThat(panel("Errors by model").metricNames()).containsExactly("nv_inference_request_failure_total");
        assertThat(exprs(panel("Errors by model"))).allMatch(expr -> expr.contains("by (model, version, reason)"));
        assertThat(panel("Error ratio").metricNames())
                .containsExactlyInAnyOrder("nv_inference_request_success_total", "nv_inference_request_failure_total");
        Panel latency = panel("p50 / p95 / p99");
        assertThat(latency.metricNames()).containsExactly("nv_inference_request_duration_seconds_bucket");
        assertThat(exprs(latency)).anyMatch(expr -> expr.startsWith("histogram_quantile(0.5,"))
                .anyMatch(expr -> expr.startsWith("histogram_quantile(0.95,"))
                .anyMatch(expr -> expr.startsWith("histogram_quantile(0.99,"))
                .allMatch(expr -> expr.contains("by (model, version, le)"));
    }

    @Test
    void panelsWhenDashboardReadThenQueueTimeBatchSizeGatewayAndJvmMemory() {
        assertThat(panel("Queue time").metricNames())
                .contains("nv_inference_queue_duration_seconds_sum", "nv_inference_queue_duration_seconds_count");
        assertThat(panel("Batch size").metricNames()).contains("nv_inference_batch_size_sum", "nv_inference_batch_size_count");
        Panel rejected = panel("Gateway 429 and 5xx responses");
        assertThat(rejected.metricNames()).containsExactly("http_server_requests_seconds_count");
        assertThat(exprs(rejected)).allMatch(expr -> expr.contains("job=\"gateway\"") && expr.contains("status=~\"429|5..\""));
        Panel heap = panel("JVM heap");
        assertThat(heap.metricNames()).containsExactly("jvm_memory_used_bytes");
        assertThat(exprs(heap)).allMatch(expr -> expr.contains("by (job, instance)") && expr.contains("area=\"heap\""));
    }

    @Test
    void panelsWhenPerModelThenEveryQueryAndLegendSplitsByModelAndVersion() {
        List<Panel> perModel = dashboard.panels().stream().filter(panel -> panel.title().contains("by model")).toList();
        assertThat(perModel).extracting(Panel::title).contains("Request rate by model and version",
                "Errors by model, version and reason", "Latency p50 / p95 / p99 by model and version",
                "Queue time by model and version", "Batch size by model and version");
        assertThat(perModel).allSatisfy(panel -> assertThat(panel.queries()).allSatisfy(query -> {
            assertThat(query.expr()).as(panel.title()).contains("by (model, version").contains("model=~\"$model\"");
            assertThat(query.legend()).as(panel.title()).contains("{{model}}").contains("{{version}}");
        }));
    }

    @Test
    void missingWhenSeriesAbsentOrOnlyTheFamilyNameUsedThenReported() {
        String exposition = """
                # HELP nv_inference_request_success the OpenMetrics way: the family without _total
                # TYPE nv_inference_request_success counter
                nv_inference_request_success_total{model="iris",version="1"} 3.0
                # TYPE nv_inference_request_failure_total counter
                # TYPE nv_inference_request_duration_seconds histogram
                # TYPE nv_inference_queue_duration_seconds summary
                nv_inference_queue_duration_seconds_count{model="iris",version="1"} 3
                # TYPE jvm_memory_used_bytes gauge
                jvm_memory_used_bytes{area="heap",id="G1 Eden Space"} 1.0E7
                """;
        Set<String> used = Set.of("nv_inference_request_success_total", "nv_inference_request_failure_total",
                "nv_inference_request_duration_seconds_bucket", "nv_inference_request_duration_seconds_count",
                "nv_inference_queue_duration_seconds_sum", "jvm_memory_used_bytes", "nv_inference_batch_size_sum",
                "nv_inference_request_success", "nv_inference_request_duration_seconds");

        assertThat(DashboardQueries.missing(used, exposition)).containsExactly("nv_inference_batch_size_sum",
                "nv_inference_request_duration_seconds", "nv_inference_request_success");
    }

    @Test
    void missingWhenDashboardAgainstMicrometersExpositionThenNothing() throws Exception {
        String exposition;
        try (InputStream resource = getClass().getResourceAsStream("/deploy/micrometer-exposition.txt")) {
            exposition = new String(resource.readAllBytes(), StandardCharsets.UTF_8);
        }

        assertThat(DashboardQueries.exposedNames(exposition)).contains("nv_inference_request_success_total",
                "nv_inference_request_duration_seconds_bucket", "nv_inference_batch_size_count");
        assertThat(DashboardQueries.missing(dashboard.metricNames(), exposition)).isEmpty();
        assertThat(DashboardQueries.missing(Set.of("nv_inference_request_duration_seconds_quantile"), exposition))
                .as("percentiles with a histogram are exported as buckets only")
                .containsExactly("nv_inference_request_duration_seconds_quantile");
    }

    private Panel panel(String titleFragment) {
        List<Panel> matching = dashboard.panels().stream().filter(panel -> panel.title().contains(titleFragment)).toList();
        assertThat(matching).as("panels titled *%s*", titleFragment).hasSize(1);
        return matching.getFirst();
    }

    private static List<String> exprs(Panel panel) {
        return panel.queries().stream().map(Query::expr).toList();
    }
}
