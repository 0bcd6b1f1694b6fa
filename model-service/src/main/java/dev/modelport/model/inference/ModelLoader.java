package dev.modelport.model.inference;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.modelport.model.catalog.ModelVersion;
import dev.modelport.model.onnx.TensorSpec;
import dev.modelport.model.storage.ModelFileCache;
import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns a registry version into a {@link LoadedVersion}: the verified local file, an ONNX
 * Runtime session with this worker's options, and one synthetic request (batch of one, zeros)
 * so the first real caller does not pay for lazy initialisation.
 */
@Component
class ModelLoader {

    private static final Logger log = LoggerFactory.getLogger(ModelLoader.class);

    private final ModelFileCache files;
    private final InferenceProperties properties;
    private final BatchingSettings batching;
    private final InferenceObserver observer;
    private final OrtEnvironment env = OrtEnvironment.getEnvironment();

    ModelLoader(ModelFileCache files, InferenceProperties properties, BatchingSettings batching, InferenceObserver observer) {
        this.files = files;
        this.properties = properties;
        this.batching = batching;
        this.observer = observer;
    }

    LoadedVersion load(ModelVersion version) throws IOException, OrtException {
        VersionKey key = new VersionKey(version.model(), version.version());
        long started = System.nanoTime();
        Path file = files.verifiedFile(version.sha256());
        OrtSession session;
        try (OrtSession.SessionOptions options = sessionOptions()) {
            session = env.createSession(file.toString(), options);
        }
        SessionRunner runner = new SessionRunner(env, session, version.signature());
        boolean warmedUp = warmUp(key, runner);
        // the queue reads the settings in force for its model on every batch: a config refresh applies at once
        LoadedVersion loaded = new LoadedVersion(key, runner, observer, () -> batching.batchingFor(version.model()), warmedUp);
        observer.pending(key, loaded, LoadedVersion::pending);
        log.info("loaded {} ({} bytes, batching {}) in {} ms", key, version.sizeBytes(),
                loaded.batching() ? "on" : "off", (System.nanoTime() - started) / 1_000_000);
        return loaded;
    }

    private OrtSession.SessionOptions sessionOptions() throws OrtException {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.setIntraOpNumThreads(properties.intraOpThreads());
        options.setInterOpNumThreads(properties.interOpThreads());
        options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.valueOf(properties.optimizationLevel()));
        options.setMemoryPatternOptimization(properties.memoryPattern());
        return options;
    }

    /** Runs one request of zeros; false (after a WARN and a count) when none can be made or it fails. */
    private boolean warmUp(VersionKey key, SessionRunner runner) {
        List<Tensor> inputs = new ArrayList<>();
        for (TensorSpec spec : runner.signature().inputs()) {
            Datatype datatype = Datatype.parse(spec.datatype()).orElse(null);
            if (datatype == null) {
                log.warn("no warm-up for {}: input '{}' has datatype {}, which a warm-up cannot fill; its first "
                        + "requests pay the start-up cost", key, spec.name(), spec.datatype());
                observer.warmUpFailed(key);
                return false;
            }
            long[] shape = spec.shape().stream().mapToLong(dim -> dim < 0 ? 1 : dim).toArray();
            inputs.add(new Tensor(spec.name(), datatype, shape, zeros(datatype, Math.toIntExact(Tensor.elementCount(shape)))));
        }
        try {
            runner.run(inputs, List.of());
            return true;
        } catch (RuntimeException e) {
            // some models reject zeros (e.g. index inputs); they still load, and pay on the first call
            log.warn("warm-up request for {} failed ({}); serving without warm-up, so its first requests pay the "
                    + "start-up cost", key, e.getMessage());
            observer.warmUpFailed(key);
            return false;
        }
    }

    private static Object zeros(Datatype datatype, int count) {
        if (datatype == Datatype.BYTES) {
            byte[][] empty = new byte[count][];
            Arrays.fill(empty, new byte[0]);
            return empty;
        }
        return Array.newInstance(datatype.arrayType().getComponentType(), count);
    }
}
