package dev.modelport.model.actuator;

import dev.modelport.model.inference.BatchingSettings;
import dev.modelport.model.inference.DeployedModels;
import dev.modelport.model.inference.InferenceProperties;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.stereotype.Component;

/**
 * {@code GET /actuator/batching} (infrastructure user): the batching settings this worker uses
 * now, the defaults, the per-model overrides and, for every model it serves, the effective ones,
 * so an operator can check that a config refresh arrived.
 */
@Component
@Endpoint(id = "batching")
class BatchingEndpoint {

    private final BatchingSettings settings;
    private final DeployedModels deployed;

    BatchingEndpoint(BatchingSettings settings, DeployedModels deployed) {
        this.settings = settings;
        this.deployed = deployed;
    }

    /** Durations as ISO-8601 ({@code PT0.002S}). */
    record Settings(boolean enabled, int maxBatchSize, String maxQueueDelay, int queueCapacity, int maxConcurrency,
                    int runners) {

        static Settings of(InferenceProperties.Batching batching) {
            return new Settings(batching.enabled(), batching.maxBatchSize(), batching.maxQueueDelay().toString(),
                    batching.queueCapacity(), batching.maxConcurrency(), batching.runners());
        }
    }

    record Report(Settings defaults, Map<String, Settings> overrides, Map<String, Settings> serving) {
    }

    @ReadOperation
    Report batching() {
        InferenceProperties current = settings.current();
        Map<String, Settings> overrides = new TreeMap<>();
        current.models().forEach((model, batching) -> overrides.put(model, Settings.of(batching)));
        Map<String, Settings> serving = new TreeMap<>();
        deployed.loadedVersions().forEach(key -> serving.put(key.model(), Settings.of(current.batchingFor(key.model()))));
        return new Report(Settings.of(current.batching()), overrides, serving);
    }
}
