package dev.modelport.model.inference;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How this worker runs models ({@code modelport.inference.*}).
 *
 * @param intraOpThreads ONNX Runtime threads inside one operator (per session)
 * @param interOpThreads ONNX Runtime threads across independent operators (per session)
 * @param optimizationLevel ONNX Runtime graph optimisation: NO_OPT, BASIC_OPT, EXTENDED_OPT or ALL_OPT
 * @param memoryPattern ONNX Runtime's memory pattern planning (faster for fixed shapes)
 * @param requestTimeout how long a request may wait and run before it fails with 504
 * @param maxElementsPerRequest the most tensor elements one request may carry (all inputs)
 * @param batching dynamic batching defaults
 * @param models per-model batching overrides, by model name
 */
@Validated
@ConfigurationProperties("modelport.inference")
public record InferenceProperties(
        @DefaultValue("1") @Min(1) int intraOpThreads,
        @DefaultValue("1") @Min(1) int interOpThreads,
        @DefaultValue("ALL_OPT") String optimizationLevel,
        @DefaultValue("true") boolean memoryPattern,
        @DefaultValue("30s") Duration requestTimeout,
        @DefaultValue("16777216") @Min(1) @Max(Integer.MAX_VALUE - 8) long maxElementsPerRequest,
        @DefaultValue Batching batching,
        Map<String, Batching> models) {

    public InferenceProperties {
        models = models == null ? Map.of() : Map.copyOf(models);
    }

    /**
     * Dynamic batching for models whose first dimension is a symbolic batch dimension.
     *
     * @param enabled merge concurrent requests into one ONNX Runtime call (off by default: on a CPU it pays only for
     *     models that read many weights per call, under sustained concurrency; see docs/benchmarks.md)
     * @param maxBatchSize the most rows one merged call carries
     * @param maxQueueDelay how long the first request of a batch may wait for others, while every other slot is busy
     * @param queueCapacity requests waiting per version before new ones are refused with 503
     * @param maxConcurrency parallel ONNX Runtime calls per version when not batching
     * @param runners batches of one version running at once, each on a caller's thread (0: one per core)
     */
    public record Batching(
            @DefaultValue("false") boolean enabled,
            @DefaultValue("32") @Min(1) @Max(4096) int maxBatchSize,
            @DefaultValue("2ms") Duration maxQueueDelay,
            @DefaultValue("256") @Min(1) int queueCapacity,
            @DefaultValue("4") @Min(1) int maxConcurrency,
            @DefaultValue("0") @Min(0) int runners) {

        public Batching {
            runners = runners == 0 ? Runtime.getRuntime().availableProcessors() : runners;
        }
    }

    /** The batching settings for {@code model}: its override, or the defaults. */
    public Batching batchingFor(String model) {
        return models.getOrDefault(model, batching);
    }
}
