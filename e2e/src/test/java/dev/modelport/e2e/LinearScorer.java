package dev.modelport.e2e;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;

/**
 * The model ConsoleIT uploads, built here rather than taken from the demo: input "features"
 * FP32 [batch, 4], output "scores" FP32 [batch, 3] = softmax(features · W + b). {@link #scores}
 * computes the same in Java, so a test can tell this model's answers from any other's.
 */
final class LinearScorer {

    static final float[][] WEIGHTS = {
            {0.5f, -0.25f, 0.1f},
            {-0.3f, 0.8f, 0.05f},
            {0.2f, 0.1f, -0.6f},
            {0.05f, -0.4f, 0.9f}};
    static final float[] BIAS = {0.1f, 0.2f, 0.7f};

    private LinearScorer() {
    }

    static byte[] onnx() {
        return onnx("1.0");
    }

    /** The same model with {@code producerVersion} in its metadata: other bytes, so another sha256, the same answers. */
    static byte[] onnx(String producerVersion) {
        TensorProto.Builder weights = TensorProto.newBuilder().setName("W")
                .setDataType(TensorProto.DataType.FLOAT.getNumber()).addDims(4).addDims(3);
        for (float[] row : WEIGHTS) {
            for (float value : row) {
                weights.addFloatData(value);
            }
        }
        TensorProto.Builder bias = TensorProto.newBuilder().setName("b")
                .setDataType(TensorProto.DataType.FLOAT.getNumber()).addDims(3);
        for (float value : BIAS) {
            bias.addFloatData(value);
        }
        GraphProto graph = GraphProto.newBuilder().setName("linear_scorer")
                .addNode(NodeProto.newBuilder().setName("matmul").setOpType("MatMul").addInput("features").addInput("W").addOutput("logits_raw"))
                .addNode(NodeProto.newBuilder().setName("bias").setOpType("Add").addInput("logits_raw").addInput("b").addOutput("logits"))
                .addNode(NodeProto.newBuilder().setName("softmax").setOpType("Softmax").addInput("logits").addOutput("scores"))
                .addInitializer(weights).addInitializer(bias)
                .addInput(floats("features", 4)).addOutput(floats("scores", 3))
                .build();
        return ModelProto.newBuilder().setIrVersion(8).setProducerName("modelport-e2e").setProducerVersion(producerVersion)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(13))
                .setGraph(graph).build().toByteArray();
    }

    /** What the model answers for one row of features. */
    static double[] scores(float[] features) {
        double[] logits = new double[3];
        for (int out = 0; out < 3; out++) {
            float sum = BIAS[out];
            for (int in = 0; in < 4; in++) {
                sum += features[in] * WEIGHTS[in][out];
            }
            logits[out] = sum;
        }
        double max = Math.max(logits[0], Math.max(logits[1], logits[2]));
        double total = 0;
        for (int i = 0; i < 3; i++) {
            logits[i] = Math.exp(logits[i] - max);
            total += logits[i];
        }
        for (int i = 0; i < 3; i++) {
            logits[i] /= total;
        }
        return logits;
    }

    private static ValueInfoProto floats(String name, long width) {
        TensorShapeProto shape = TensorShapeProto.newBuilder()
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("batch"))
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(width))
                .build();
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
                TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT.getNumber()).setShape(shape))).build();
    }
}
