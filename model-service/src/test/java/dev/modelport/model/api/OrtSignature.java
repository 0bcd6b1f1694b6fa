package dev.modelport.model.api;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** What ONNX Runtime itself reports for a model, in the API's JSON terms: the oracle for signature tests. */
final class OrtSignature {

    /** One input or output as the API should describe it. */
    record Spec(String name, String datatype, List<Long> shape) {
    }

    private static final Map<TensorInfo.OnnxTensorType, String> V2 = Map.ofEntries(
            Map.entry(TensorInfo.OnnxTensorType.ONNX_TENSOR_ELEMENT_DATA_TYPE_FLOAT, "FP32"),
            Map.entry(TensorInfo.OnnxTensorType.ONNX_TENSOR_ELEMENT_DATA_TYPE_DOUBLE, "FP64"),
            Map.entry(TensorInfo.OnnxTensorType.ONNX_TENSOR_ELEMENT_DATA_TYPE_INT64, "INT64"),
            Map.entry(TensorInfo.OnnxTensorType.ONNX_TENSOR_ELEMENT_DATA_TYPE_INT32, "INT32"),
            Map.entry(TensorInfo.OnnxTensorType.ONNX_TENSOR_ELEMENT_DATA_TYPE_BOOL, "BOOL"));

    private OrtSignature() {
    }

    static List<List<Spec>> of(byte[] model) throws OrtException {
        try (OrtSession session = OrtEnvironment.getEnvironment().createSession(model)) {
            return List.of(specs(session.getInputInfo()), specs(session.getOutputInfo()));
        }
    }

    private static List<Spec> specs(Map<String, NodeInfo> infos) {
        List<Spec> specs = new ArrayList<>();
        infos.forEach((name, info) -> {
            TensorInfo tensor = (TensorInfo) info.getInfo();
            specs.add(new Spec(name, V2.get(tensor.onnxType), Arrays.stream(tensor.getShape()).boxed().toList()));
        });
        return specs;
    }
}
