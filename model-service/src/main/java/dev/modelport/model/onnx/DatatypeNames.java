package dev.modelport.model.onnx;

import ai.onnxruntime.TensorInfo.OnnxTensorType;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/** Names ONNX element types the way the KServe V2 inference protocol does. */
final class DatatypeNames {

    static final String SEQUENCE = "SEQUENCE";
    static final String MAP = "MAP";

    private static final Map<OnnxTensorType, String> V2_NAMES = new EnumMap<>(Map.ofEntries(
            Map.entry(OnnxTensorType.ONNX_TENSOR_ELEMENT_DATA_TYPE_BOOL, "BOOL"),
            Map.entry(OnnxTensorType.ONNX_TENSOR_ELEMENT_DATA_TYPE_UINT8, "UINT8"),
            Map.entry(OnnxTensorType.ONNX_TENSOR_ELEMENT_DATA_TYPE_UINT16, "UINT16"),
            Map.entry(OnnxTensorType.ONNX_TENSOR_ELEMENT_DATA_TYPE_UINT32, "UINT32"),
            Map.entry(OnnxTensorType.ONNX_TENSOR_ELEMENT_DATA_TYPE_UINT64, "UINT64"),
            Map.entry(OnnxTensorType.ONNX_TENSOR_ELEMENT_DATA_TYPE_INT8, "INT8"),
            Map.entry(OnnxTensorType.ONNX_TENSOR_ELEMENT_DATA_TYPE_INT16, "INT16"),
            Map.entry(OnnxTensorType.ONNX_TENSOR_ELEMENT_DATA_TYPE_INT32, "INT32"),
            Map.entry(OnnxTensorType.ONNX_TENSOR_ELEMENT_DATA_TYPE_INT64, "INT64"),
            Map.entry(OnnxTensorType.ONNX_TENSOR_ELEMENT_DATA_TYPE_FLOAT16, "FP16"),
            Map.entry(OnnxTensorType.ONNX_TENSOR_ELEMENT_DATA_TYPE_FLOAT, "FP32"),
            Map.entry(OnnxTensorType.ONNX_TENSOR_ELEMENT_DATA_TYPE_DOUBLE, "FP64"),
            Map.entry(OnnxTensorType.ONNX_TENSOR_ELEMENT_DATA_TYPE_STRING, "BYTES"),
            Map.entry(OnnxTensorType.ONNX_TENSOR_ELEMENT_DATA_TYPE_BFLOAT16, "BF16")));

    private static final Set<String> SERVABLE = Set.copyOf(V2_NAMES.values());

    private static final String ONNX_PREFIX = "ONNX_TENSOR_ELEMENT_DATA_TYPE_";

    private DatatypeNames() {
    }

    /**
     * The V2 name of an element type; types V2 has no name for (complex, float8…) keep ONNX's own name, such as
     * {@code COMPLEX64}, so the validator can say which type it refuses.
     */
    static String of(OnnxTensorType type) {
        String name = V2_NAMES.get(type);
        return name != null ? name : type.name().substring(ONNX_PREFIX.length());
    }

    /** True for the datatypes a V2 request or response can carry, sequences and maps included. */
    static boolean isServable(String datatype) {
        return SERVABLE.contains(datatype) || SEQUENCE.equals(datatype) || MAP.equals(datatype);
    }
}
