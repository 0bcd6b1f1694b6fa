package dev.modelport.model.onnx;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Decides whether an uploaded file is a model ModelPort will serve, and reads its metadata and signature. The
 * streaming structural check runs first, so ONNX Runtime only ever sees self-contained models with standard
 * operators; ORT then loads the model in a child process to prove it works and to report the signature.
 */
@Component
public class ModelValidator {

    private final OnnxInspector inspector;
    private final OnnxRuntimeProbe probe;

    public ModelValidator(ValidationProperties properties) {
        this.inspector = new OnnxInspector();
        this.probe = new OnnxRuntimeProbe(ProbeCommand.forCurrentJvm(properties.maxMemory()), properties.timeout());
    }

    /**
     * Checks the model at {@code file} and describes it.
     *
     * @throws InvalidModelException when the file is not a model ModelPort will serve; the message says why
     */
    public InspectedModel validate(Path file) {
        OnnxMetadata metadata = inspector.inspect(file);
        Signature signature = probe.probe(file);
        requireServableDatatypes(signature);
        return new InspectedModel(metadata, signature);
    }

    private static void requireServableDatatypes(Signature signature) {
        Stream.concat(
                        signature.inputs().stream().map(spec -> new Labeled("input", spec)),
                        signature.outputs().stream().map(spec -> new Labeled("output", spec)))
                .filter(labeled -> !DatatypeNames.isServable(labeled.spec().datatype()))
                .findFirst()
                .ifPresent(labeled -> {
                    throw new InvalidModelException("%s '%s' has element type %s, which the V2 inference protocol "
                            .formatted(labeled.kind(), labeled.spec().name(), labeled.spec().datatype())
                            + "cannot carry");
                });
    }

    private record Labeled(String kind, TensorSpec spec) {
    }
}
