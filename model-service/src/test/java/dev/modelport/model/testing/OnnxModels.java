package dev.modelport.model.testing;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.FunctionProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Small ONNX models built in code, for tests anywhere in model-service. Valid ones use IR version 8 and opset 13 and
 * load in ONNX Runtime; invalid ones each break one rule of {@code ModelValidator}.
 */
public final class OnnxModels {

    public static final long IR_VERSION = 8;
    public static final long OPSET = 13;
    public static final String PRODUCER = "modelport-tests";
    public static final String PRODUCER_VERSION = "1.0";

    /** Stands for a symbolic dimension in {@link #tensor}. */
    public static final String BATCH = "batch";

    private static final int FLOAT = TensorProto.DataType.FLOAT.getNumber();
    private static final int INT64 = TensorProto.DataType.INT64.getNumber();
    private static final int CHUNK = 1 << 20;

    private OnnxModels() {
    }

    /** Input "x" FP32 [batch, 4]; output "y" = x + a constant initializer "bias" of shape [4]. */
    public static byte[] addConstant() {
        return addConstantModel().toByteArray();
    }

    /** Inputs "a" and "b", FP32 [batch, 3]; output "sum" = a + b. */
    public static byte[] multiInput() {
        GraphProto graph = GraphProto.newBuilder()
                .setName("multi_input")
                .addNode(node("add", "Add", "", new String[] {"a", "b"}, "sum"))
                .addInput(tensor("a", FLOAT, BATCH, 3L))
                .addInput(tensor("b", FLOAT, BATCH, 3L))
                .addOutput(tensor("sum", FLOAT, BATCH, 3L))
                .build();
        return model(graph).build().toByteArray();
    }

    /**
     * Input "x" FP32 [batch, width], both dimensions symbolic; output "y" = x + x. Requests of different widths are
     * valid for it but cannot share a batch.
     */
    public static byte[] anyWidth() {
        GraphProto graph = GraphProto.newBuilder()
                .setName("any_width")
                .addNode(node("double", "Add", "", new String[] {"x", "x"}, "y"))
                .addInput(tensor("x", FLOAT, BATCH, "width"))
                .addOutput(tensor("y", FLOAT, BATCH, "width"))
                .build();
        return model(graph).build().toByteArray();
    }

    /** Input "ids" INT64 [batch, 5]; output "doubled" = ids * 2, the 2 an INT64 initializer. */
    public static byte[] int64Model() {
        GraphProto graph = GraphProto.newBuilder()
                .setName("int64")
                .addNode(node("double", "Mul", "", new String[] {"ids", "two"}, "doubled"))
                .addInitializer(TensorProto.newBuilder().setName("two").setDataType(INT64).addInt64Data(2))
                .addInput(tensor("ids", INT64, BATCH, 5L))
                .addOutput(tensor("doubled", INT64, BATCH, 5L))
                .build();
        return model(graph).build().toByteArray();
    }

    /**
     * Inputs "features" FP32 [batch, 3] and "ids" INT64 [batch, 2]; outputs "squared" FP32 (features * features)
     * and "ids_twice" INT64 (ids + ids).
     */
    public static byte[] mixedTypes() {
        GraphProto graph = GraphProto.newBuilder()
                .setName("mixed")
                .addNode(node("square", "Mul", "", new String[] {"features", "features"}, "squared"))
                .addNode(node("twice", "Add", "", new String[] {"ids", "ids"}, "ids_twice"))
                .addInput(tensor("features", FLOAT, BATCH, 3L))
                .addInput(tensor("ids", INT64, BATCH, 2L))
                .addOutput(tensor("squared", FLOAT, BATCH, 3L))
                .addOutput(tensor("ids_twice", INT64, BATCH, 2L))
                .build();
        return model(graph).build().toByteArray();
    }

    /** Input "m" FP32 [2, 2] with no symbolic dimension; output "t", its transpose. */
    public static byte[] fixedShape() {
        GraphProto graph = GraphProto.newBuilder()
                .setName("fixed")
                .addNode(node("transpose", "Transpose", "", new String[] {"m"}, "t"))
                .addInput(tensor("m", FLOAT, 2L, 2L))
                .addOutput(tensor("t", FLOAT, 2L, 2L))
                .build();
        return model(graph).build().toByteArray();
    }

    /**
     * A scikit-learn style classifier tail: input "probabilities" FP32 [batch, 2]; output "labels" is ZipMap's
     * sequence of maps (ai.onnx.ml), a non-tensor output.
     */
    public static byte[] zipMapOutput() {
        NodeProto zipMap = node("zipmap", "ZipMap", "ai.onnx.ml", new String[] {"probabilities"}, "labels").toBuilder()
                .addAttribute(AttributeProto.newBuilder().setName("classlabels_int64s")
                        .setType(AttributeProto.AttributeType.INTS).addInts(0).addInts(1))
                .build();
        TypeProto floatTensor = TypeProto.newBuilder()
                .setTensorType(TypeProto.Tensor.newBuilder().setElemType(FLOAT)).build();
        TypeProto mapType = TypeProto.newBuilder()
                .setMapType(TypeProto.Map.newBuilder().setKeyType(INT64).setValueType(floatTensor)).build();
        ValueInfoProto labels = ValueInfoProto.newBuilder().setName("labels")
                .setType(TypeProto.newBuilder().setSequenceType(TypeProto.Sequence.newBuilder().setElemType(mapType)))
                .build();
        GraphProto graph = GraphProto.newBuilder()
                .setName("zipmap")
                .addNode(zipMap)
                .addInput(tensor("probabilities", FLOAT, BATCH, 2L))
                .addOutput(labels)
                .build();
        return model(graph).addOpsetImport(opset("ai.onnx.ml", 1)).build().toByteArray();
    }

    /** A node "double" of operator "Double" in "com.example.custom", defined by a model-local function. */
    public static byte[] customFunction() {
        FunctionProto function = FunctionProto.newBuilder()
                .setName("Double")
                .setDomain("com.example.custom")
                .addInput("X")
                .addOutput("Y")
                .addNode(node("inner_add", "Add", "", new String[] {"X", "X"}, "Y"))
                .addOpsetImport(opset("", OPSET))
                .build();
        GraphProto graph = GraphProto.newBuilder()
                .setName("custom_function")
                .addNode(node("double", "Double", "com.example.custom", new String[] {"x"}, "y"))
                .addInput(tensor("x", FLOAT, BATCH, 4L))
                .addOutput(tensor("y", FLOAT, BATCH, 4L))
                .build();
        return model(graph).addOpsetImport(opset("com.example.custom", 1)).addFunctions(function).build()
                .toByteArray();
    }

    /** Structurally fine, but ONNX Runtime has no operator "NotAnOnnxOperator" in the default domain. */
    public static byte[] unknownStandardOperator() {
        GraphProto graph = GraphProto.newBuilder()
                .setName("unknown_op")
                .addNode(node("mystery", "NotAnOnnxOperator", "", new String[] {"x"}, "y"))
                .addInput(tensor("x", FLOAT, BATCH, 4L))
                .addOutput(tensor("y", FLOAT, BATCH, 4L))
                .build();
        return model(graph).build().toByteArray();
    }

    /** The first half of {@link #addConstant()}. */
    public static byte[] truncated() {
        byte[] model = addConstant();
        return Arrays.copyOf(model, model.length / 2);
    }

    public static byte[] textFile() {
        return "this is not a model".getBytes();
    }

    /** {@link #addConstant()} whose initializer "W" keeps its data in the external file {@code location}. */
    public static byte[] externalData(String location) {
        ModelProto.Builder model = addConstantModel().toBuilder();
        model.getGraphBuilder().getNodeBuilder(0).setInput(1, "W");
        model.getGraphBuilder().setInitializer(0, externalTensor("W", location));
        return model.build().toByteArray();
    }

    /**
     * A Constant node inside the then-branch of an If, whose tensor "hidden" keeps its data in the external file
     * {@code location}: external data can hide in attributes of subgraphs too.
     */
    public static byte[] externalDataInSubgraph(String location) {
        NodeProto constant = node("constant", "Constant", "", new String[0], "branch_out").toBuilder()
                .addAttribute(AttributeProto.newBuilder().setName("value").setType(AttributeProto.AttributeType.TENSOR)
                        .setT(externalTensor("hidden", location)))
                .build();
        GraphProto branch = GraphProto.newBuilder()
                .setName("then_branch")
                .addNode(constant)
                .addOutput(tensor("branch_out", FLOAT, 4L))
                .build();
        NodeProto ifNode = node("choose", "If", "", new String[] {"condition"}, "y").toBuilder()
                .addAttribute(AttributeProto.newBuilder().setName("then_branch")
                        .setType(AttributeProto.AttributeType.GRAPH).setG(branch))
                .addAttribute(AttributeProto.newBuilder().setName("else_branch")
                        .setType(AttributeProto.AttributeType.GRAPH).setG(branch))
                .build();
        GraphProto graph = GraphProto.newBuilder()
                .setName("external_in_subgraph")
                .addNode(ifNode)
                .addInput(tensor("condition", TensorProto.DataType.BOOL.getNumber()))
                .addOutput(tensor("y", FLOAT, 4L))
                .build();
        return model(graph).build().toByteArray();
    }

    /** A node "custom" of operator "Foo" in the domain "com.example.custom", which the model imports. */
    public static byte[] customOp() {
        GraphProto graph = GraphProto.newBuilder()
                .setName("custom_op")
                .addNode(node("custom", "Foo", "com.example.custom", new String[] {"x"}, "y"))
                .addInput(tensor("x", FLOAT, BATCH, 4L))
                .addOutput(tensor("y", FLOAT, BATCH, 4L))
                .build();
        return model(graph).addOpsetImport(opset("com.example.custom", 1)).build().toByteArray();
    }

    /** A model with a graph but no ir_version. */
    public static byte[] withoutIrVersion() {
        return addConstantModel().toBuilder().clearIrVersion().build().toByteArray();
    }

    /** A protobuf message with metadata but no graph. */
    public static byte[] withoutGraph() {
        return addConstantModel().toBuilder().clearGraph().build().toByteArray();
    }

    /**
     * Writes a valid model of about {@code approximateBytes} to {@code target} without holding it in memory: input
     * "x" FP32 [n], output "y" = x + W, W an FP32 initializer of n elements written in 1 MB pieces. Protobuf merges
     * repeated occurrences of an embedded message, so the small graph and the big initializer are written as two
     * fields of the graph one after the other, with lengths computed up front.
     *
     * @return n, the number of elements of x, W and y
     */
    public static long writeLargeModel(Path target, long approximateBytes) {
        long elements = Math.max(1, approximateBytes / Float.BYTES);
        GraphProto smallGraph = GraphProto.newBuilder()
                .setName("large")
                .addNode(node("add", "Add", "", new String[] {"x", "W"}, "y"))
                .addInput(tensor("x", FLOAT, elements))
                .addOutput(tensor("y", FLOAT, elements))
                .build();
        ModelProto header = model(GraphProto.getDefaultInstance()).clearGraph().build();
        byte[] tensorHeader = TensorProto.newBuilder().setName("W").setDataType(FLOAT).addDims(elements).build()
                .toByteArray();
        long rawBytes = elements * Float.BYTES;
        long tensorLength = tensorHeader.length + lengthDelimitedSize(9, rawBytes);
        long graphLength = smallGraph.getSerializedSize() + lengthDelimitedSize(5, tensorLength);
        try (OutputStream file = Files.newOutputStream(target)) {
            CodedOutputStream out = CodedOutputStream.newInstance(file, CHUNK);
            header.writeTo(out);
            writeLengthDelimitedTag(out, 7, graphLength);
            smallGraph.writeTo(out);
            writeLengthDelimitedTag(out, 5, tensorLength);
            out.writeRawBytes(tensorHeader);
            writeLengthDelimitedTag(out, 9, rawBytes);
            writeWeights(out, rawBytes);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return elements;
    }

    private static void writeWeights(CodedOutputStream out, long rawBytes) throws IOException {
        ByteBuffer chunk = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
        while (chunk.remaining() >= Float.BYTES) {
            chunk.putFloat(0.5f);
        }
        byte[] bytes = chunk.array();
        for (long left = rawBytes; left > 0; left -= CHUNK) {
            out.writeRawBytes(bytes, 0, (int) Math.min(CHUNK, left));
        }
    }

    private static long lengthDelimitedSize(int field, long length) {
        return CodedOutputStream.computeTagSize(field) + CodedOutputStream.computeUInt64SizeNoTag(length) + length;
    }

    private static void writeLengthDelimitedTag(CodedOutputStream out, int field, long length) throws IOException {
        out.writeTag(field, WireFormat.WIRETYPE_LENGTH_DELIMITED);
        out.writeUInt64NoTag(length);
    }

    private static ModelProto addConstantModel() {
        TensorProto bias = TensorProto.newBuilder()
                .setName("bias")
                .setDataType(FLOAT)
                .addDims(4)
                .addAllFloatData(List.of(1f, 2f, 3f, 4f))
                .build();
        GraphProto graph = GraphProto.newBuilder()
                .setName("add_constant")
                .addNode(node("add", "Add", "", new String[] {"x", "bias"}, "y"))
                .addInitializer(bias)
                .addInput(tensor("x", FLOAT, BATCH, 4L))
                .addOutput(tensor("y", FLOAT, BATCH, 4L))
                .build();
        return model(graph).build();
    }

    private static TensorProto externalTensor(String name, String location) {
        return TensorProto.newBuilder()
                .setName(name)
                .setDataType(FLOAT)
                .addDims(4)
                .setDataLocation(TensorProto.DataLocation.EXTERNAL)
                .addExternalData(StringStringEntryProto.newBuilder().setKey("location").setValue(location))
                .addExternalData(StringStringEntryProto.newBuilder().setKey("offset").setValue("0"))
                .addExternalData(StringStringEntryProto.newBuilder().setKey("length").setValue("16"))
                .build();
    }

    private static ModelProto.Builder model(GraphProto graph) {
        return ModelProto.newBuilder()
                .setIrVersion(IR_VERSION)
                .setProducerName(PRODUCER)
                .setProducerVersion(PRODUCER_VERSION)
                .addOpsetImport(opset("", OPSET))
                .setGraph(graph);
    }

    private static OperatorSetIdProto opset(String domain, long version) {
        return OperatorSetIdProto.newBuilder().setDomain(domain).setVersion(version).build();
    }

    private static NodeProto node(String name, String opType, String domain, String[] inputs, String output) {
        return NodeProto.newBuilder()
                .setName(name)
                .setOpType(opType)
                .setDomain(domain)
                .addAllInput(Arrays.asList(inputs))
                .addOutput(output)
                .build();
    }

    /** A tensor value; each dimension is a Long (fixed) or a String (symbolic, such as {@link #BATCH}). */
    private static ValueInfoProto tensor(String name, int elementType, Object... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (Object dim : dims) {
            TensorShapeProto.Dimension.Builder dimension = TensorShapeProto.Dimension.newBuilder();
            if (dim instanceof String symbol) {
                dimension.setDimParam(symbol);
            } else {
                dimension.setDimValue((Long) dim);
            }
            shape.addDim(dimension);
        }
        return ValueInfoProto.newBuilder()
                .setName(name)
                .setType(TypeProto.newBuilder().setTensorType(
                        TypeProto.Tensor.newBuilder().setElemType(elementType).setShape(shape)))
                .build();
    }
}
