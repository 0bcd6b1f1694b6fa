package dev.modelport.model.inference;

import java.util.List;

/** The answer to an {@link InferenceRequest}: which model and version computed it, and the outputs. */
public record InferenceResult(String model, int version, String id, List<Tensor> outputs) {
}
