package dev.modelport.model.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.modelport.model.grpc.v2.InferParameter;
import dev.modelport.model.grpc.v2.InferTensorContents;
import dev.modelport.model.grpc.v2.ModelInferRequest;
import dev.modelport.model.grpc.v2.ModelInferRequest.InferInputTensor;
import dev.modelport.model.grpc.v2.ModelInferResponse;
import dev.modelport.model.inference.Datatype;
import dev.modelport.model.inference.InferenceRequest;
import dev.modelport.model.inference.InferenceResult;
import dev.modelport.model.inference.Tensor;
import dev.modelport.model.protocol.DecodeLimits;
import dev.modelport.model.protocol.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Decoding ModelInfer requests and encoding responses, without a server. */
class GrpcTensorsTest {

    private static final DecodeLimits LIMITS = new DecodeLimits(1_000, 1_500, 4);

    @Test
    void decodeWhenRawBytesBoolAndFp16ThenLittleEndianElements() {
        InferenceRequest request = GrpcTensors.decode(ModelInferRequest.newBuilder()
                .setId("abc")
                .putParameters("priority", InferParameter.newBuilder().setInt64Param(3).build())
                .addInputs(input("s", "BYTES", 2))
                .addInputs(input("b", "BOOL", 3))
                .addInputs(input("h", "FP16", 2))
                .addInputs(input("u", "UINT16", 1))
                .addRawInputContents(bytes(5, 0, 0, 0, 'h', 'e', 'l', 'l', 'o', 0, 0, 0, 0))
                .addRawInputContents(bytes(1, 0, 1))
                .addRawInputContents(bytes(0x00, 0x3C, 0x00, 0xC0))
                .addRawInputContents(bytes(0xFF, 0xFF))
                .build(), LIMITS);

        assertThat(request.id()).isEqualTo("abc");
        assertThat(request.parameters()).containsEntry("priority", 3L);
        List<Tensor> inputs = request.inputs();
        assertThat((byte[][]) inputs.get(0).data()).isDeepEqualTo(new byte[][] {"hello".getBytes(StandardCharsets.UTF_8), {}});
        assertThat((boolean[]) inputs.get(1).data()).containsExactly(true, false, true);
        assertThat((short[]) inputs.get(2).data()).containsExactly(Float.floatToFloat16(1f), Float.floatToFloat16(-2f));
        assertThat((short[]) inputs.get(3).data()).containsExactly((short) -1);
    }

    @Test
    void decodeWhenTypedContentsThenEachDatatypeFromItsField() {
        InferenceRequest request = GrpcTensors.decode(ModelInferRequest.newBuilder()
                .addInputs(input("i8", "INT8", 2).setContents(InferTensorContents.newBuilder().addAllIntContents(List.of(-128, 127))))
                .addInputs(input("u8", "UINT8", 2).setContents(InferTensorContents.newBuilder().addAllUintContents(List.of(0, 255))))
                .addInputs(input("u64", "UINT64", 1).setContents(InferTensorContents.newBuilder().addUint64Contents(-1L)))
                .addInputs(input("txt", "BYTES", 1).setContents(InferTensorContents.newBuilder()
                        .addBytesContents(ByteString.copyFromUtf8("héllo"))))
                .addOutputs(ModelInferRequest.InferRequestedOutputTensor.newBuilder().setName("y"))
                .build(), LIMITS);

        assertThat(request.id()).isNull();
        assertThat(request.requestedOutputs()).containsExactly("y");
        assertThat((byte[]) request.inputs().get(0).data()).containsExactly(-128, 127);
        assertThat((byte[]) request.inputs().get(1).data()).containsExactly(0, -1);
        assertThat((long[]) request.inputs().get(2).data()).containsExactly(-1L);
        assertThat(new String(((byte[][]) request.inputs().get(3).data())[0], StandardCharsets.UTF_8)).isEqualTo("héllo");
    }

    @Test
    void decodeWhenValueOutOfRangeOrFp16TypedThenProtocolException() {
        assertThatThrownBy(() -> GrpcTensors.decode(ModelInferRequest.newBuilder()
                .addInputs(input("i8", "INT8", 2).setContents(InferTensorContents.newBuilder().addAllIntContents(List.of(1, 300))))
                .build(), LIMITS))
                .isInstanceOf(ProtocolException.class).hasMessage("input 'i8': element 1 (300) is out of range for INT8");
        assertThatThrownBy(() -> GrpcTensors.decode(ModelInferRequest.newBuilder()
                .addInputs(input("h", "FP16", 1).setContents(InferTensorContents.newBuilder().addFp32Contents(1f)))
                .build(), LIMITS))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("input 'h': FP16 data must be sent as raw_input_contents");
    }

    @Test
    void decodeWhenOverTheLimitsThenRejectedBeforeReadingTheData() {
        assertThatThrownBy(() -> GrpcTensors.decode(ModelInferRequest.newBuilder()
                .addInputs(input("x", "FP32", 1_001)).addRawInputContents(ByteString.EMPTY).build(), LIMITS))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("input 'x': shape [1001] has more elements (1001) than the limit of 1000 per tensor");
        assertThatThrownBy(() -> GrpcTensors.decode(ModelInferRequest.newBuilder()
                .addInputs(input("a", "FP32", 1_000)).addInputs(input("b", "FP32", 1_000))
                .addRawInputContents(ByteString.copyFrom(new byte[4_000])).addRawInputContents(ByteString.EMPTY).build(), LIMITS))
                .isInstanceOf(ProtocolException.class)
                .hasMessage("input 'b': the request's inputs have more than 1500 elements together, the limit per request");
        assertThatThrownBy(() -> GrpcTensors.decode(ModelInferRequest.newBuilder()
                .addInputs(input("x", "FP32", -1)).addRawInputContents(ByteString.EMPTY).build(), LIMITS))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("input 'x': 'shape' must be non-negative");
        ModelInferRequest.Builder many = ModelInferRequest.newBuilder();
        for (int i = 0; i < 5; i++) {
            many.addInputs(input("in" + i, "FP32", 0)).addRawInputContents(ByteString.EMPTY);
        }
        assertThatThrownBy(() -> GrpcTensors.decode(many.build(), LIMITS))
                .isInstanceOf(ProtocolException.class).hasMessage("request has more than 4 inputs");
    }

    @Test
    void decodeWhenDuplicateInputOrBadBytesLengthThenProtocolException() {
        assertThatThrownBy(() -> GrpcTensors.decode(ModelInferRequest.newBuilder()
                .addInputs(input("x", "BOOL", 1)).addInputs(input("x", "BOOL", 1))
                .addRawInputContents(bytes(1)).addRawInputContents(bytes(0)).build(), LIMITS))
                .isInstanceOf(ProtocolException.class).hasMessage("input 'x' appears more than once");
        assertThatThrownBy(() -> GrpcTensors.decode(ModelInferRequest.newBuilder()
                .addInputs(input("s", "BYTES", 1)).addRawInputContents(bytes(9, 0, 0, 0, 'a')).build(), LIMITS))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("input 's': BYTES element 0 claims 9 bytes");
    }

    @Test
    void encodeWhenResultThenRawOutputContentsInOutputOrder() {
        InferenceResult result = new InferenceResult("m", 3, "req", List.of(
                new Tensor("flags", Datatype.BOOL, new long[] {2}, new boolean[] {true, false}),
                new Tensor("ids", Datatype.INT32, new long[] {1, 2}, new int[] {1, -1}),
                new Tensor("text", Datatype.BYTES, new long[] {1}, new byte[][] {{'o', 'k'}})));

        ModelInferResponse response = GrpcTensors.encode(result);

        assertThat(response.getModelName()).isEqualTo("m");
        assertThat(response.getModelVersion()).isEqualTo("3");
        assertThat(response.getId()).isEqualTo("req");
        assertThat(response.getOutputsList()).extracting(ModelInferResponse.InferOutputTensor::getName)
                .containsExactly("flags", "ids", "text");
        assertThat(response.getOutputs(1).getDatatype()).isEqualTo("INT32");
        assertThat(response.getOutputs(1).getShapeList()).containsExactly(1L, 2L);
        assertThat(response.getRawOutputContents(0)).isEqualTo(bytes(1, 0));
        assertThat(response.getRawOutputContents(1)).isEqualTo(bytes(1, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF));
        assertThat(response.getRawOutputContents(2)).isEqualTo(bytes(2, 0, 0, 0, 'o', 'k'));
    }

    private static InferInputTensor.Builder input(String name, String datatype, long... shape) {
        InferInputTensor.Builder input = InferInputTensor.newBuilder().setName(name).setDatatype(datatype);
        for (long dim : shape) {
            input.addShape(dim);
        }
        return input;
    }

    private static ByteString bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return ByteString.copyFrom(bytes);
    }
}
