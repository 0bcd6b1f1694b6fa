package dev.modelport.model.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnxruntime.TensorInfo.OnnxTensorType;
import org.junit.jupiter.api.Test;

class DatatypeNamesTest {

    @Test
    void ofWhenV2HasANameThenUsesIt() {
        assertThat(DatatypeNames.of(OnnxTensorType.ONNX_TENSOR_ELEMENT_DATA_TYPE_FLOAT)).isEqualTo("FP32");
        assertThat(DatatypeNames.of(OnnxTensorType.ONNX_TENSOR_ELEMENT_DATA_TYPE_FLOAT16)).isEqualTo("FP16");
        assertThat(DatatypeNames.of(OnnxTensorType.ONNX_TENSOR_ELEMENT_DATA_TYPE_BFLOAT16)).isEqualTo("BF16");
        assertThat(DatatypeNames.of(OnnxTensorType.ONNX_TENSOR_ELEMENT_DATA_TYPE_DOUBLE)).isEqualTo("FP64");
        assertThat(DatatypeNames.of(OnnxTensorType.ONNX_TENSOR_ELEMENT_DATA_TYPE_STRING)).isEqualTo("BYTES");
        assertThat(DatatypeNames.of(OnnxTensorType.ONNX_TENSOR_ELEMENT_DATA_TYPE_UINT64)).isEqualTo("UINT64");
        assertThat(DatatypeNames.of(OnnxTensorType.ONNX_TENSOR_ELEMENT_DATA_TYPE_BOOL)).isEqualTo("BOOL");
    }

    @Test
    void ofWhenV2HasNoNameThenOnnxNameAndNotServable() {
        String name = DatatypeNames.of(OnnxTensorType.ONNX_TENSOR_ELEMENT_DATA_TYPE_COMPLEX64);

        assertThat(name).isEqualTo("COMPLEX64");
        assertThat(DatatypeNames.isServable(name)).isFalse();
        assertThat(DatatypeNames.isServable("SEQUENCE")).isTrue();
        assertThat(DatatypeNames.isServable("INT8")).isTrue();
    }
}
