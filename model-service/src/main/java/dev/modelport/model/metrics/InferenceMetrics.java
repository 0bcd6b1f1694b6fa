package dev.modelport.model.metrics;

import dev.modelport.model.inference.InferenceException;
import dev.modelport.model.inference.InferenceObserver;
import dev.modelport.model.inference.VersionKey;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import org.springframework.stereotype.Component;

/**
 * What the engine reports ({@link InferenceObserver}), per model and version, named after
 * Triton's {@code nv_inference_*} metrics so existing dashboards translate: successes, failures
 * by reason, request latency, queue and compute time, batch sizes, pending requests, and the
 * shadow comparisons. The same events also go to {@link RecentTraffic}, the last hour in
 * 10-second buckets that the console charts.
 */
@Component
public class InferenceMetrics implements InferenceObserver {

    public static final String SUCCESS = "nv_inference_request_success";
    public static final String FAILURE = "nv_inference_request_failure";
    public static final String REQUEST_DURATION = "nv_inference_request_duration";
    public static final String QUEUE_DURATION = "nv_inference_queue_duration";
    public static final String COMPUTE_DURATION = "nv_inference_compute_infer_duration";
    public static final String EXEC_COUNT = "nv_inference_exec_count";
    public static final String BATCH_SIZE = "nv_inference_batch_size";
    public static final String PENDING = "nv_inference_pending_request_count";
    public static final String SHADOW_MAX_ABS_DIFF = "modelport_shadow_max_abs_diff";
    public static final String SHADOW_ROWS = "modelport_shadow_rows";
    public static final String SHADOW_ARGMAX_AGREEMENTS = "modelport_shadow_argmax_agreements";
    public static final String SHADOW_DROPPED = "modelport_shadow_dropped";
    public static final String WARMUP_FAILURES = "modelport_warmup_failures";

    private static final double[] PERCENTILES = {0.5, 0.95, 0.99};

    private final MeterRegistry registry;
    private final RecentTraffic traffic;

    InferenceMetrics(MeterRegistry registry, RecentTraffic traffic) {
        this.registry = registry;
        this.traffic = traffic;
    }

    @Override
    public void succeeded(VersionKey key, long nanos) {
        traffic.succeeded(key, nanos);
        counter(SUCCESS, key).increment();
        Timer.builder(REQUEST_DURATION).tags(tags(key)).publishPercentiles(PERCENTILES).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void failed(VersionKey key, InferenceException.Reason reason) {
        traffic.failed(key);
        Counter.builder(FAILURE).tags(tags(key)).tag("reason", reason.name()).register(registry).increment();
    }

    @Override
    public void queued(VersionKey key, long nanos) {
        traffic.queued(key, nanos);
        Timer.builder(QUEUE_DURATION).tags(tags(key)).register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void executed(VersionKey key, int rows, long nanos) {
        traffic.executed(key, rows);
        counter(EXEC_COUNT, key).increment();
        DistributionSummary.builder(BATCH_SIZE).tags(tags(key)).register(registry).record(rows);
        Timer.builder(COMPUTE_DURATION).tags(tags(key)).register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void shadowCompared(VersionKey production, VersionKey shadow, double maxAbsDiff, long rows, long argmaxAgreements) {
        String[] tags = {"model", production.model(), "version", String.valueOf(production.version()),
                "shadow_version", String.valueOf(shadow.version())};
        DistributionSummary.builder(SHADOW_MAX_ABS_DIFF).tags(tags).register(registry).record(maxAbsDiff);
        if (rows > 0) {
            Counter.builder(SHADOW_ROWS).tags(tags).register(registry).increment(rows);
            Counter.builder(SHADOW_ARGMAX_AGREEMENTS).tags(tags).register(registry).increment(argmaxAgreements);
        }
    }

    @Override
    public void shadowDropped(VersionKey production, VersionKey shadow) {
        Counter.builder(SHADOW_DROPPED).description("copies of production requests not sent to the shadow (it was behind)")
                .tags(tags(production)).tag("shadow_version", String.valueOf(shadow.version()))
                .register(registry).increment();
    }

    @Override
    public void warmUpFailed(VersionKey key) {
        Counter.builder(WARMUP_FAILURES).description("versions that serve without a warm-up: their warm-up request failed")
                .tags(tags(key)).register(registry).increment();
    }

    /** Micrometer holds {@code version} weakly: the gauge reads NaN once the version is unloaded and collected. */
    @Override
    public <T> void pending(VersionKey key, T version, ToDoubleFunction<T> pending) {
        registry.gauge(PENDING, Tags.of(tags(key)), version, pending);
    }

    private Counter counter(String name, VersionKey key) {
        return Counter.builder(name).tags(tags(key)).register(registry);
    }

    private static String[] tags(VersionKey key) {
        return new String[] {"model", key.model(), "version", String.valueOf(key.version())};
    }
}
