package dev.modelport.model.inference;

import dev.modelport.model.onnx.Signature;
import dev.modelport.model.onnx.TensorSpec;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Checks a decoded request against the version's signature before anything reaches ONNX
 * Runtime: known and complete input names, datatypes, ranks, fixed dimensions, the element
 * cap, and that batched inputs agree on their batch size. Messages name the input.
 */
final class RequestValidator {

    private RequestValidator() {
    }

    static void validate(InferenceRequest request, Signature signature, long maxElements, boolean batching) {
        Map<String, TensorSpec> specs = signature.inputs().stream()
                .collect(Collectors.toMap(TensorSpec::name, Function.identity()));
        Set<String> seen = new HashSet<>();
        long elements = 0;
        Long batch = null;
        for (Tensor input : request.inputs()) {
            TensorSpec spec = specs.get(input.name());
            if (spec == null) {
                throw InferenceException.invalid("unknown input '" + input.name() + "'; the model takes " + specs.keySet());
            }
            if (!seen.add(input.name())) {
                throw InferenceException.invalid("input '" + input.name() + "' is given twice");
            }
            if (!spec.datatype().equals(input.datatype().name())) {
                throw InferenceException.invalid("input '" + input.name() + "' must be " + spec.datatype() + ", not "
                        + input.datatype());
            }
            checkShape(input, spec);
            elements += input.elementCount();
            if (elements > maxElements) {
                throw InferenceException.invalid("request carries more than " + maxElements + " elements (limit)");
            }
            if (batching) {
                long rows = input.shape()[0];
                if (batch != null && batch != rows) {
                    throw InferenceException.invalid("input '" + input.name() + "' has batch size " + rows
                            + " but another input has " + batch);
                }
                batch = rows;
            }
        }
        for (String name : specs.keySet()) {
            if (!seen.contains(name)) {
                throw InferenceException.invalid("missing input '" + name + "'");
            }
        }
        checkOutputs(request.requestedOutputs(), signature);
    }

    private static void checkShape(Tensor input, TensorSpec spec) {
        long[] shape = input.shape();
        List<Long> expected = spec.shape();
        if (shape.length != expected.size()) {
            throw InferenceException.invalid("input '" + input.name() + "' has shape " + Arrays.toString(shape)
                    + " but the model takes " + expected + " (rank " + expected.size() + ")");
        }
        for (int i = 0; i < shape.length; i++) {
            if (expected.get(i) >= 0 && expected.get(i) != shape[i]) {
                throw InferenceException.invalid("input '" + input.name() + "' has shape " + Arrays.toString(shape)
                        + " but the model takes " + expected + " (dimension " + i + " must be " + expected.get(i) + ")");
            }
        }
    }

    private static void checkOutputs(List<String> requested, Signature signature) {
        Set<String> known = signature.outputs().stream().map(TensorSpec::name).collect(Collectors.toSet());
        for (String name : requested) {
            if (!known.contains(name)) {
                throw InferenceException.invalid("unknown output '" + name + "'; the model returns " + known);
            }
        }
    }
}
