package dev.modelport.model.onnx;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The inputs and outputs of a model, in the order ONNX Runtime reports them. */
public record Signature(List<TensorSpec> inputs, List<TensorSpec> outputs) {

    public Signature {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    /**
     * Empty when {@code candidate} can take the same requests as this signature: same input names, same datatypes,
     * same rank, and each fixed dimension equal (a -1 on either side matches anything); otherwise a sentence naming
     * the first mismatch.
     */
    public Optional<String> inputIncompatibility(Signature candidate) {
        Map<String, TensorSpec> candidateInputs = candidate.inputs.stream()
                .collect(Collectors.toMap(TensorSpec::name, Function.identity(), (first, second) -> first));
        for (TensorSpec expected : inputs) {
            TensorSpec actual = candidateInputs.get(expected.name());
            if (actual == null) {
                return Optional.of("input '%s' is missing".formatted(expected.name()));
            }
            Optional<String> mismatch = mismatch(expected, actual);
            if (mismatch.isPresent()) {
                return mismatch;
            }
        }
        for (TensorSpec extra : candidate.inputs) {
            if (inputs.stream().noneMatch(input -> input.name().equals(extra.name()))) {
                return Optional.of("input '%s' is new; current requests do not send it".formatted(extra.name()));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> mismatch(TensorSpec expected, TensorSpec actual) {
        if (!expected.datatype().equals(actual.datatype())) {
            return Optional.of("input '%s' has datatype %s instead of %s"
                    .formatted(expected.name(), actual.datatype(), expected.datatype()));
        }
        if (!expected.isTensor()) {
            return Optional.empty();
        }
        if (expected.shape().size() != actual.shape().size()) {
            return Optional.of("input '%s' has rank %d instead of %d (shape %s instead of %s)".formatted(
                    expected.name(), actual.shape().size(), expected.shape().size(), actual.shape(), expected.shape()));
        }
        for (int i = 0; i < expected.shape().size(); i++) {
            long want = expected.shape().get(i);
            long got = actual.shape().get(i);
            if (want != -1 && got != -1 && want != got) {
                return Optional.of("input '%s' has size %d instead of %d in dimension %d (shape %s instead of %s)"
                        .formatted(expected.name(), got, want, i, actual.shape(), expected.shape()));
            }
        }
        return Optional.empty();
    }
}
