package dev.modelport.model.onnx;

import java.util.Objects;

/** A model file that passed validation: its metadata and the signature ONNX Runtime reported for it. */
public record InspectedModel(OnnxMetadata metadata, Signature signature) {

    public InspectedModel {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(signature, "signature");
    }
}
