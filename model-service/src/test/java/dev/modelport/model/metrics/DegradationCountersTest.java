package dev.modelport.model.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelport.model.inference.InferenceObserver;
import dev.modelport.model.inference.VersionKey;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

/** What degrades quietly is counted where operators look: shadow copies dropped, versions serving without warm-up. */
class DegradationCountersTest {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final InferenceObserver metrics = MetricsFixtures.inferenceMetrics(registry);

    @Test
    void scrapeWhenShadowCopiesDroppedAndWarmUpFailedThenCountedPerVersion() {
        metrics.shadowDropped(new VersionKey("iris", 1), new VersionKey("iris", 2));
        metrics.shadowDropped(new VersionKey("iris", 1), new VersionKey("iris", 2));
        metrics.warmUpFailed(new VersionKey("fraud", 3));

        String scrape = registry.scrape();

        assertThat(scrape)
                .contains("modelport_shadow_dropped_total{model=\"iris\",shadow_version=\"2\",version=\"1\"} 2.0")
                .contains("modelport_warmup_failures_total{model=\"fraud\",version=\"3\"} 1.0");
    }
}
