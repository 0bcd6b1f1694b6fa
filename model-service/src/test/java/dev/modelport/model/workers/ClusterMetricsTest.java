package dev.modelport.model.workers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelport.model.inference.MetricsSummary.ModelMetrics;
import dev.modelport.model.inference.MetricsSummary.VersionMetrics;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterMetricsTest {

    @Test
    void combineWhenTwoWorkersThenCountsAddAndPercentilesTakeTheWorst() {
        ModelMetrics first = new ModelMetrics("iris", List.of(
                new VersionMetrics(1, 10, 1, Map.of("p50", 2.0, "p99", 9.0), 2.0, 1.0, 5),
                new VersionMetrics(2, 4, 0, Map.of("p50", 1.0, "p99", 3.0), 1.0, 0.5, 4)));
        ModelMetrics second = new ModelMetrics("iris", List.of(
                new VersionMetrics(1, 30, 2, Map.of("p50", 3.0, "p99", 5.0), 4.0, 3.0, 15)));

        List<VersionMetrics> combined = ClusterMetrics.combine(List.of(first, second));

        assertThat(combined).hasSize(2);
        VersionMetrics v1 = combined.getFirst();
        assertThat(v1.requests()).isEqualTo(40);
        assertThat(v1.errors()).isEqualTo(3);
        assertThat(v1.batches()).isEqualTo(20);
        assertThat(v1.latencyMs()).containsEntry("p50", 3.0).containsEntry("p99", 9.0);
        assertThat(v1.meanBatchSize()).isEqualTo((2.0 * 5 + 4.0 * 15) / 20);
        assertThat(combined.get(1).requests()).isEqualTo(4);
    }
}
