package dev.modelport.model.inference;

import java.util.List;
import java.util.Map;

/**
 * One V2 inference request, decoded: an optional id (echoed back, and the canary key), the
 * input tensors, the outputs asked for (empty = all), and free-form parameters.
 *
 * @param binaryOutputs output names the caller wants in Triton's binary tensor format
 */
public record InferenceRequest(String id, List<Tensor> inputs, List<String> requestedOutputs,
                               Map<String, Object> parameters, List<String> binaryOutputs) {

    public InferenceRequest {
        requestedOutputs = requestedOutputs == null ? List.of() : List.copyOf(requestedOutputs);
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
        binaryOutputs = binaryOutputs == null ? List.of() : List.copyOf(binaryOutputs);
        inputs = List.copyOf(inputs);
    }
}
