package dev.modelport.model.onnx;

import ai.onnxruntime.MapInfo;
import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.OrtSession.SessionOptions;
import ai.onnxruntime.OrtSession.SessionOptions.OptLevel;
import ai.onnxruntime.TensorInfo;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Entry point of the child JVM that loads an uploaded model in ONNX Runtime. It runs apart from the service because
 * a malformed model can crash ORT natively or make it allocate without bound; here that only ends this process.
 * Prints {@link ProbeReport#STARTED}, then one {@link ProbeReport} JSON line on stdout; exit 0 means loaded.
 */
public final class ModelProbe {

    static final int EXIT_LOADED = 0;
    static final int EXIT_REJECTED = 2;

    private ModelProbe() {
    }

    public static void main(String[] args) {
        System.out.println(ProbeReport.STARTED);
        System.out.flush();
        if (args.length != 1) {
            report(ProbeReport.failed("usage: ModelProbe <model.onnx>"), EXIT_REJECTED);
        }
        try {
            report(ProbeReport.loaded(load(args[0])), EXIT_LOADED);
        } catch (OrtException e) {
            report(ProbeReport.failed(e.getMessage()), EXIT_REJECTED);
        }
    }

    static Signature load(String modelPath) throws OrtException {
        OrtEnvironment environment = OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR, "probe");
        // the least ORT needs to build the session: no arena growth, no thread pools, cheap graph rewrites only
        try (SessionOptions options = new SessionOptions()) {
            options.setCPUArenaAllocator(false);
            options.setMemoryPatternOptimization(false);
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OptLevel.BASIC_OPT);
            try (OrtSession session = environment.createSession(modelPath, options)) {
                return signatureOf(session);
            }
        }
    }

    /** The signature as ONNX Runtime reports it: its names, its order, -1 for symbolic dimensions. */
    static Signature signatureOf(OrtSession session) throws OrtException {
        return new Signature(specs(session.getInputInfo()), specs(session.getOutputInfo()));
    }

    private static List<TensorSpec> specs(Map<String, NodeInfo> nodes) {
        return nodes.values().stream().map(ModelProbe::spec).toList();
    }

    private static TensorSpec spec(NodeInfo node) {
        return switch (node.getInfo()) {
            case TensorInfo tensor -> new TensorSpec(node.getName(), DatatypeNames.of(tensor.onnxType),
                    Arrays.stream(tensor.getShape()).boxed().toList());
            case MapInfo map -> new TensorSpec(node.getName(), DatatypeNames.MAP, List.of());
            // SequenceInfo: the only other kind of value the Java API describes
            default -> new TensorSpec(node.getName(), DatatypeNames.SEQUENCE, List.of());
        };
    }

    private static void report(ProbeReport report, int exitCode) {
        System.out.println(report.toJson());
        System.out.flush();
        System.exit(exitCode);
    }
}
