package dev.modelport.model.onnx;

import java.util.List;
import java.util.Objects;

/**
 * One input or output of a model: its name, its KServe V2 datatype name ({@code FP32}, {@code INT64}, {@code BYTES}…,
 * or {@code SEQUENCE}/{@code MAP} for non-tensor values) and its shape, with -1 for symbolic or unknown dimensions.
 */
public record TensorSpec(String name, String datatype, List<Long> shape) {

    public TensorSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(datatype, "datatype");
        shape = List.copyOf(shape);
    }

    /** False for sequences and maps, whose shape ONNX Runtime does not report. */
    boolean isTensor() {
        return !DatatypeNames.SEQUENCE.equals(datatype) && !DatatypeNames.MAP.equals(datatype);
    }
}
