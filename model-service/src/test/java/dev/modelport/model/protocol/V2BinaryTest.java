package dev.modelport.model.protocol;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modelport.model.inference.Datatype;
import dev.modelport.model.inference.InferenceRequest;
import dev.modelport.model.inference.InferenceResult;
import dev.modelport.model.inference.Tensor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class V2BinaryTest {

    private final V2JsonReader reader = new V2JsonReader(DecodeLimits.defaults());
    private final V2JsonWriter writer = new V2JsonWriter();

    @Test
    void readBinaryWhenInputsMixBinaryAndJsonThenAllDecoded() {
        String header = """
                {"id":"b1","inputs":[
                 {"name":"f","shape":[2],"datatype":"FP32","parameters":{"binary_data_size":8}},
                 {"name":"j","shape":[1],"datatype":"INT32","data":[5]},
                 {"name":"s","shape":[2],"datatype":"BYTES","parameters":{"binary_data_size":11}},
                 {"name":"b","shape":[3],"datatype":"BOOL","parameters":{"binary_data_size":3}}],
                 "outputs":[{"name":"y","parameters":{"binary_data":true}}]}""";
        byte[] tensors = littleEndian(buffer -> buffer.putFloat(1.5f).putFloat(-2f)
                .putInt(2).put("hi".getBytes(UTF_8)).putInt(1).put("!".getBytes(UTF_8))
                .put((byte) 1).put((byte) 0).put((byte) 2));

        InferenceRequest request = reader.readBinary(body(header, tensors), header.getBytes(UTF_8).length);

        assertThat(request.id()).isEqualTo("b1");
        assertThat(request.binaryOutputs()).containsExactly("y");
        assertThat(request.inputs()).containsExactly(
                new Tensor("f", Datatype.FP32, new long[] {2}, new float[] {1.5f, -2f}),
                new Tensor("j", Datatype.INT32, new long[] {1}, new int[] {5}),
                new Tensor("s", Datatype.BYTES, new long[] {2},
                        new byte[][] {"hi".getBytes(UTF_8), "!".getBytes(UTF_8)}),
                new Tensor("b", Datatype.BOOL, new long[] {3}, new boolean[] {true, false, true}));
    }

    @Test
    void writeBinaryThenReadBinaryRoundTripsEveryDatatype() {
        List<Tensor> tensors = TestBodies.everyDatatype();
        Set<String> binary = tensors.stream().map(Tensor::name).collect(Collectors.toSet());

        assertThat(roundTrip(tensors, binary)).containsExactlyElementsOf(tensors);
    }

    @Test
    void writeBinaryWhenSomeOutputsAreBinaryThenOthersStayJson() {
        List<Tensor> tensors = TestBodies.everyDatatype();
        Set<String> binary = Set.of("bytes", "fp16", "uint64");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int headerLength = writer.writeBinary(new InferenceResult("m", 2, "r", tensors), binary, out);

        String header = new String(out.toByteArray(), 0, headerLength, UTF_8);
        assertThat(header).startsWith("{\"model_name\":\"m\",\"model_version\":\"2\",\"id\":\"r\",\"outputs\":[")
                .contains("{\"name\":\"fp16\",\"datatype\":\"FP16\",\"shape\":[6],"
                        + "\"parameters\":{\"binary_data_size\":12}}")
                .contains("{\"name\":\"bytes\",\"datatype\":\"BYTES\",\"shape\":[3],"
                        + "\"parameters\":{\"binary_data_size\":")
                .contains("{\"name\":\"bool\",\"datatype\":\"BOOL\",\"shape\":[3],\"data\":[true,false,true]}")
                .endsWith("]}");
        assertThat(roundTrip(tensors, binary)).containsExactlyElementsOf(tensors);
    }

    @Test
    void readBinaryWhenSizeDoesNotMatchShapeThenRejectedNamingInput() {
        assertBinaryRejected(binaryInput("FP32", "[2,3]", 20), new byte[20],
                "input 'x': binary_data_size is 20 but shape [2,3] of FP32 needs 24 bytes");
    }

    @Test
    void readBinaryWhenBodyHasTrailingBytesThenRejected() {
        assertBinaryRejected(binaryInput("INT16", "[2]", 4), new byte[5],
                "request body has bytes after the binary data of its inputs");
    }

    @Test
    void readBinaryWhenBodyEndsEarlyThenRejectedNamingInput() {
        assertBinaryRejected(binaryInput("FP64", "[2]", 16), new byte[12],
                "input 'x': the body ends before the 16 bytes of its binary data");
    }

    @Test
    void readBinaryWhenHeaderLengthBeyondBodyThenRejected() {
        String header = binaryInput("UINT8", "[1]", 1);
        int length = header.getBytes(UTF_8).length;

        assertThatThrownBy(() -> reader.readBinary(body(header, new byte[] {1}), length + 10))
                .isInstanceOf(ProtocolException.class)
                .hasMessage("Inference-Header-Content-Length is " + (length + 10) + " but the body has only "
                        + (length + 1) + " bytes");
    }

    @Test
    void readBinaryWhenHeaderLengthCutsTheJsonThenRejectedAsInvalidJson() {
        String header = binaryInput("UINT8", "[1]", 1);

        assertThatThrownBy(() -> reader.readBinary(body(header, new byte[] {1}), 10))
                .isInstanceOf(ProtocolException.class)
                .hasMessageStartingWith("request body is not valid JSON: Unexpected end-of-input");
    }

    @Test
    void readBinaryWhenHeaderLengthNegativeThenRejected() {
        assertThatThrownBy(() -> reader.readBinary(body("{}", new byte[0]), -1))
                .isInstanceOf(ProtocolException.class)
                .hasMessage("Inference-Header-Content-Length must not be negative, not -1");
    }

    @Test
    void readBinaryWhenBytesElementOverrunsItsSizeThenRejected() {
        byte[] tensors = littleEndian(buffer -> buffer.putInt(100).put(new byte[4]).putInt(0));
        assertBinaryRejected(binaryInput("BYTES", "[2]", 12), tensors,
                "input 'x': BYTES element 0 claims 100 bytes but only 4 are left in binary_data_size");
    }

    @Test
    void readBinaryWhenBytesElementsLeaveSlackThenRejected() {
        byte[] tensors = littleEndian(buffer -> buffer.putInt(1).put((byte) 'a').put(new byte[3]));
        assertBinaryRejected(binaryInput("BYTES", "[1]", 8), tensors,
                "input 'x': binary_data_size is 8 but its 1 BYTES elements take 5 bytes");
    }

    @Test
    void readBinaryWhenBytesSizeTooSmallForLengthsThenRejected() {
        assertBinaryRejected(binaryInput("BYTES", "[3]", 8), new byte[8],
                "input 'x': binary_data_size is 8 but 3 BYTES elements need at least 12 bytes for their lengths");
    }

    @Test
    void readBinaryWhenInputHasDataAndBinarySizeThenRejected() {
        String header = "{\"inputs\":[{\"name\":\"x\",\"shape\":[1],\"datatype\":\"UINT8\",\"data\":[1],"
                + "\"parameters\":{\"binary_data_size\":1}}]}";
        assertBinaryRejected(header, new byte[1], "input 'x': has both 'data' and binary_data_size");
    }

    @Test
    void readBinaryWhenShapeExceedsLimitThenRejectedBeforeReadingBytes() {
        assertBinaryRejected(binaryInput("FP32", "[100000000000]", 400000000000L), new byte[0],
                "input 'x': shape [100000000000] has more elements (100000000000)"
                        + " than the limit of 16777216 per tensor");
    }

    private List<Tensor> roundTrip(List<Tensor> tensors, Set<String> binary) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int headerLength = writer.writeBinary(new InferenceResult("m", 1, "r", tensors), binary, out);
        byte[] response = out.toByteArray();
        String header = new String(response, 0, headerLength, UTF_8);
        // A response's output objects are valid request inputs, which lets the reader check the writer.
        String requestHeader = "{\"inputs\":" + header.substring(header.indexOf('['), header.length() - 1) + "}";
        byte[] tensorBytes = Arrays.copyOfRange(response, headerLength, response.length);
        return reader.readBinary(body(requestHeader, tensorBytes), requestHeader.getBytes(UTF_8).length).inputs();
    }

    private void assertBinaryRejected(String header, byte[] tensors, String message) {
        assertThatThrownBy(() -> reader.readBinary(body(header, tensors), header.getBytes(UTF_8).length))
                .isInstanceOf(ProtocolException.class)
                .hasMessage(message);
    }

    private static String binaryInput(String datatype, String shape, long size) {
        return "{\"inputs\":[{\"name\":\"x\",\"shape\":" + shape + ",\"datatype\":\"" + datatype
                + "\",\"parameters\":{\"binary_data_size\":" + size + "}}]}";
    }

    private static ByteArrayInputStream body(String header, byte[] tensors) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(header.getBytes(UTF_8));
        body.writeBytes(tensors);
        return new ByteArrayInputStream(body.toByteArray());
    }

    private static byte[] littleEndian(java.util.function.Consumer<ByteBuffer> content) {
        ByteBuffer buffer = ByteBuffer.allocate(1024).order(ByteOrder.LITTLE_ENDIAN);
        content.accept(buffer);
        return Arrays.copyOf(buffer.array(), buffer.position());
    }
}
