package dev.modelport.model.inference;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import dev.modelport.model.metrics.MetricsFixtures;
import dev.modelport.model.onnx.Signature;
import dev.modelport.model.onnx.TensorSpec;
import dev.modelport.model.testing.OnnxModels;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Engine parts wired by hand around small ONNX models, for tests without Spring. */
final class EngineFixtures {

    static final Signature ADD_CONSTANT = new Signature(
            List.of(new TensorSpec("x", "FP32", List.of(-1L, 4L))),
            List.of(new TensorSpec("y", "FP32", List.of(-1L, 4L))));

    private EngineFixtures() {
    }

    static SessionRunner runner(byte[] model, Signature signature) throws OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        return new SessionRunner(env, env.createSession(model), signature);
    }

    static InferenceObserver metrics(SimpleMeterRegistry registry) {
        return MetricsFixtures.inferenceMetrics(registry);
    }

    static InferenceProperties.Batching batching(int maxBatchSize, Duration maxQueueDelay, int queueCapacity) {
        return new InferenceProperties.Batching(true, maxBatchSize, maxQueueDelay, queueCapacity, 4, 0);
    }

    /**
     * Batching with a single runner: held by a {@link BatchGate}, it leaves every request submitted meanwhile in
     * the queue, so the test decides what the next batch holds.
     */
    static InferenceProperties.Batching oneRunner(int maxBatchSize, Duration maxQueueDelay, int queueCapacity) {
        return new InferenceProperties.Batching(true, maxBatchSize, maxQueueDelay, queueCapacity, 4, 1);
    }

    static InferenceProperties properties() {
        return new InferenceProperties(1, 1, "ALL_OPT", true, Duration.ofSeconds(10), 1 << 24,
                batching(32, Duration.ofMillis(5), 256), Map.of());
    }

    /** A version of the add-constant model that runs directly (no batch queue); the caller retires it. */
    static LoadedVersion directVersion(VersionKey key) throws OrtException {
        return new LoadedVersion(key, runner(OnnxModels.addConstant(), ADD_CONSTANT),
                metrics(new SimpleMeterRegistry()), new InferenceProperties.Batching(false, 8, Duration.ofMillis(1), 8, 1, 1));
    }

    static Tensor rows(String name, int rows, float start) {
        float[] data = new float[rows * 4];
        for (int i = 0; i < data.length; i++) {
            data[i] = start + i;
        }
        return new Tensor(name, Datatype.FP32, new long[] {rows, 4}, data);
    }
}
