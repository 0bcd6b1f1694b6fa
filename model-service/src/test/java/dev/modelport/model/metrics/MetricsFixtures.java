package dev.modelport.model.metrics;

import dev.modelport.model.inference.InferenceObserver;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;

/** The metrics store wired by hand, for engine tests in other packages that read its Micrometer side. */
public final class MetricsFixtures {

    private MetricsFixtures() {
    }

    public static InferenceObserver inferenceMetrics(MeterRegistry registry) {
        return new InferenceMetrics(registry, new RecentTraffic(Clock.systemUTC()));
    }
}
