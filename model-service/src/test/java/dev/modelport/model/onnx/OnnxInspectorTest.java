package dev.modelport.model.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import dev.modelport.model.testing.OnnxModels;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxInspectorTest {

    private final OnnxInspector inspector = new OnnxInspector();

    @TempDir
    Path directory;

    @Test
    void inspectWhenValidModelThenReadsMetadata() throws IOException {
        OnnxMetadata metadata = inspector.inspect(write(OnnxModels.addConstant()));

        assertThat(metadata).isEqualTo(new OnnxMetadata(8, Map.of("", 13L), "modelport-tests", "1.0"));
    }

    @Test
    void inspectWhenSeveralOpsetsThenKeepsEachDomainInFileOrder() throws IOException {
        OnnxMetadata metadata = inspector.inspect(write(OnnxModels.zipMapOutput()));

        assertThat(metadata.opsets()).containsExactly(Map.entry("", 13L), Map.entry("ai.onnx.ml", 1L));
    }

    @Test
    void inspectWhenEmptyFileThenRejected() throws IOException {
        assertRejected(new byte[0], "the file is empty");
    }

    @Test
    void inspectWhenTextFileThenRejectedAsNotAModel() throws IOException {
        assertRejected(OnnxModels.textFile(), "the file is truncated or not an ONNX model");
    }

    @Test
    void inspectWhenTruncatedThenRejected() throws IOException {
        assertRejected(OnnxModels.truncated(), "the file is truncated or not an ONNX model");
    }

    @Test
    void inspectWhenCutBetweenFieldsOfTheGraphThenRejected() throws IOException {
        // the graph declares its full length, but the file ends right after its first node: every field read is whole
        ModelProto model = ModelProto.parseFrom(OnnxModels.multiInput());
        GraphProto graph = model.getGraph();
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(file);
        model.toBuilder().clearGraph().build().writeTo(out);
        out.writeTag(7, WireFormat.WIRETYPE_LENGTH_DELIMITED);
        out.writeUInt32NoTag(graph.getSerializedSize());
        GraphProto.newBuilder().addNode(graph.getNode(0)).build().writeTo(out);
        out.flush();
        byte[] bytes = file.toByteArray();

        assertRejected(bytes, "the file is truncated or not an ONNX model");
    }

    @Test
    void inspectWhenNoGraphThenRejectedAsNotAModel() throws IOException {
        assertRejected(OnnxModels.withoutGraph(), "not an ONNX model: it has no graph");
    }

    @Test
    void inspectWhenNoIrVersionThenRejectedAsNotAModel() throws IOException {
        assertRejected(OnnxModels.withoutIrVersion(), "not an ONNX model: it has no ir_version");
    }

    @Test
    void inspectWhenExternalDataThenRejectedNamingTensorAndLocation() throws IOException {
        assertRejected(OnnxModels.externalData("../../etc/passwd"),
                "tensor 'W' stores its data in an external file ('../../etc/passwd'); upload a self-contained model");
    }

    @Test
    void inspectWhenExternalDataInSubgraphAttributeThenRejected() throws IOException {
        assertRejected(OnnxModels.externalDataInSubgraph("/etc/shadow"),
                "tensor 'hidden' stores its data in an external file ('/etc/shadow')");
    }

    @Test
    void inspectWhenCustomDomainThenRejectedNamingNodeOperatorAndDomain() throws IOException {
        assertRejected(OnnxModels.customOp(), "node 'custom' uses operator 'Foo' from custom domain "
                + "'com.example.custom'; custom operator libraries are not loaded");
    }

    @Test
    void inspectWhenCustomDomainOperatorIsAModelFunctionThenAccepted() throws IOException {
        OnnxMetadata metadata = inspector.inspect(write(OnnxModels.customFunction()));

        assertThat(metadata.opsets()).containsEntry("com.example.custom", 1L);
    }

    @Test
    void inspectWhenSubgraphsNestTooDeepThenRejected() throws IOException {
        GraphProto graph = GraphProto.newBuilder().setName("leaf").build();
        for (int level = 0; level <= ModelWalk.MAX_DEPTH + 1; level++) {
            NodeProto node = NodeProto.newBuilder().setOpType("If").addInput("c").addOutput("y")
                    .addAttribute(AttributeProto.newBuilder().setName("then_branch")
                            .setType(AttributeProto.AttributeType.GRAPH).setG(graph))
                    .build();
            graph = GraphProto.newBuilder().setName("level" + level).addNode(node).build();
        }
        byte[] model = ModelProto.parseFrom(OnnxModels.addConstant()).toBuilder().setGraph(graph).build()
                .toByteArray();

        assertRejected(model, "the model nests subgraphs more than 64 levels deep");
    }

    @Test
    void inspectWhenLargeModelThenAllocatesFarLessThanItsSize() {
        Path file = directory.resolve("large.onnx");
        OnnxModels.writeLargeModel(file, 50L << 20);
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long threadId = Thread.currentThread().threadId();

        long before = threads.getThreadAllocatedBytes(threadId);
        OnnxMetadata metadata = inspector.inspect(file);
        long allocated = threads.getThreadAllocatedBytes(threadId) - before;

        assertThat(metadata.irVersion()).isEqualTo(8);
        assertThat(allocated).as("bytes allocated inspecting a 50 MB model").isLessThan(2L << 20);
    }

    private void assertRejected(byte[] model, String message) throws IOException {
        Path file = write(model);
        assertThatThrownBy(() -> inspector.inspect(file))
                .isInstanceOf(InvalidModelException.class)
                .hasMessageContaining(message);
    }

    private Path write(byte[] model) throws IOException {
        return Files.write(Files.createTempFile(directory, "model", ".onnx"), model);
    }
}
