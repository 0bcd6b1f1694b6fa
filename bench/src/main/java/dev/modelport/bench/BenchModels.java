package dev.modelport.bench;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import java.util.Random;

/**
 * The benchmark models, built in code: a small MLP, a CNN on 1×3×224×224 images, and a wide
 * fully-connected model whose 21 MB of weights are read once per call, whatever its rows: the
 * case where batching has something to amortize.
 */
final class BenchModels {

    static final int MLP_IN = 256;
    static final int CNN_CHANNELS = 3;
    static final int CNN_SIZE = 224;
    static final int WIDE_IN = 512;
    static final int WIDE_HIDDEN = 2048;

    private BenchModels() {
    }

    /** x [batch, 256] → 512 ReLU → 10. */
    static byte[] mlp() {
        Random random = new Random(7);
        GraphProto graph = GraphProto.newBuilder().setName("mlp")
                .addInitializer(weights("w1", random, MLP_IN, 512)).addInitializer(weights("b1", random, 512))
                .addInitializer(weights("w2", random, 512, 10)).addInitializer(weights("b2", random, 10))
                .addNode(node("Gemm", new String[] {"x", "w1", "b1"}, "h"))
                .addNode(node("Relu", new String[] {"h"}, "a"))
                .addNode(node("Gemm", new String[] {"a", "w2", "b2"}, "y"))
                .addInput(value("x", "batch", MLP_IN))
                .addOutput(value("y", "batch", 10))
                .build();
        return model(graph);
    }

    /** x [batch, 512] → 2048 ReLU → 2048 ReLU → 10: 5.2 M weights. */
    static byte[] wide() {
        Random random = new Random(13);
        GraphProto graph = GraphProto.newBuilder().setName("wide")
                .addInitializer(weights("w1", random, WIDE_IN, WIDE_HIDDEN)).addInitializer(weights("b1", random, WIDE_HIDDEN))
                .addInitializer(weights("w2", random, WIDE_HIDDEN, WIDE_HIDDEN)).addInitializer(weights("b2", random, WIDE_HIDDEN))
                .addInitializer(weights("w3", random, WIDE_HIDDEN, 10)).addInitializer(weights("b3", random, 10))
                .addNode(node("Gemm", new String[] {"x", "w1", "b1"}, "h1"))
                .addNode(node("Relu", new String[] {"h1"}, "a1"))
                .addNode(node("Gemm", new String[] {"a1", "w2", "b2"}, "h2"))
                .addNode(node("Relu", new String[] {"h2"}, "a2"))
                .addNode(node("Gemm", new String[] {"a2", "w3", "b3"}, "y"))
                .addInput(value("x", "batch", WIDE_IN))
                .addOutput(value("y", "batch", 10))
                .build();
        return model(graph);
    }

    /** images [batch, channels, height, width] → global average → 10: next to no compute, for measuring a large input's trip. */
    static byte[] pooled(int channels, int height, int width) {
        Random random = new Random(17);
        GraphProto graph = GraphProto.newBuilder().setName("pooled")
                .addInitializer(weights("w", random, channels, 10)).addInitializer(weights("b", random, 10))
                .addNode(node("GlobalAveragePool", new String[] {"images"}, "p"))
                .addNode(NodeProto.newBuilder().setOpType("Flatten").addInput("p").addOutput("flat")
                        .addAttribute(AttributeProto.newBuilder().setName("axis").setType(AttributeProto.AttributeType.INT).setI(1)))
                .addNode(node("Gemm", new String[] {"flat", "w", "b"}, "logits"))
                .addInput(value("images", "batch", channels, height, width))
                .addOutput(value("logits", "batch", 10))
                .build();
        return model(graph);
    }

    /** images [batch, 3, 224, 224] → conv 3×3/2 to 16 channels → ReLU → conv 3×3/2 to 32 → ReLU → global average → 10. */
    static byte[] cnn() {
        Random random = new Random(11);
        GraphProto graph = GraphProto.newBuilder().setName("cnn")
                .addInitializer(weights("k1", random, 16, CNN_CHANNELS, 3, 3)).addInitializer(weights("c1", random, 16))
                .addInitializer(weights("k2", random, 32, 16, 3, 3)).addInitializer(weights("c2", random, 32))
                .addInitializer(weights("w", random, 32, 10)).addInitializer(weights("b", random, 10))
                .addNode(conv("images", "k1", "c1", "f1")).addNode(node("Relu", new String[] {"f1"}, "r1"))
                .addNode(conv("r1", "k2", "c2", "f2")).addNode(node("Relu", new String[] {"f2"}, "r2"))
                .addNode(node("GlobalAveragePool", new String[] {"r2"}, "p"))
                .addNode(NodeProto.newBuilder().setOpType("Flatten").addInput("p").addOutput("flat")
                        .addAttribute(AttributeProto.newBuilder().setName("axis").setType(AttributeProto.AttributeType.INT).setI(1)))
                .addNode(node("Gemm", new String[] {"flat", "w", "b"}, "logits"))
                .addInput(value("images", "batch", CNN_CHANNELS, CNN_SIZE, CNN_SIZE))
                .addOutput(value("logits", "batch", 10))
                .build();
        return model(graph);
    }

    private static NodeProto conv(String in, String kernel, String bias, String out) {
        return NodeProto.newBuilder().setOpType("Conv").addInput(in).addInput(kernel).addInput(bias).addOutput(out)
                .addAttribute(ints("kernel_shape", 3, 3)).addAttribute(ints("strides", 2, 2)).addAttribute(ints("pads", 1, 1, 1, 1))
                .build();
    }

    private static AttributeProto ints(String name, long... values) {
        AttributeProto.Builder attribute = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
        for (long value : values) {
            attribute.addInts(value);
        }
        return attribute.build();
    }

    private static NodeProto node(String op, String[] inputs, String output) {
        NodeProto.Builder node = NodeProto.newBuilder().setOpType(op).addOutput(output);
        for (String input : inputs) {
            node.addInput(input);
        }
        return node.build();
    }

    private static TensorProto weights(String name, Random random, long... dims) {
        TensorProto.Builder tensor = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT.getNumber());
        long count = 1;
        for (long dim : dims) {
            tensor.addDims(dim);
            count *= dim;
        }
        for (long i = 0; i < count; i++) {
            tensor.addFloatData((float) (random.nextGaussian() * 0.05));
        }
        return tensor.build();
    }

    private static ValueInfoProto value(String name, String batch, long... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder()
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam(batch));
        for (long dim : dims) {
            shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(dim));
        }
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
                TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT.getNumber()).setShape(shape))).build();
    }

    private static byte[] model(GraphProto graph) {
        return ModelProto.newBuilder().setIrVersion(8).setProducerName("modelport-bench")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setVersion(13)).setGraph(graph).build().toByteArray();
    }
}
