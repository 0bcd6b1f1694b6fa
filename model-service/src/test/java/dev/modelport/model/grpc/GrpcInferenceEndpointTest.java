package dev.modelport.model.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import com.google.protobuf.ByteString;
import dev.modelport.model.grpc.v2.InferTensorContents;
import dev.modelport.model.grpc.v2.ModelInferRequest;
import dev.modelport.model.grpc.v2.ModelInferRequest.InferInputTensor;
import dev.modelport.model.grpc.v2.ModelInferResponse;
import dev.modelport.model.grpc.v2.ModelMetadataRequest;
import dev.modelport.model.grpc.v2.ModelMetadataResponse;
import dev.modelport.model.grpc.v2.ModelReadyRequest;
import dev.modelport.model.grpc.v2.ServerLiveRequest;
import dev.modelport.model.grpc.v2.ServerMetadataRequest;
import dev.modelport.model.grpc.v2.ServerMetadataResponse;
import dev.modelport.model.grpc.v2.ServerReadyRequest;
import dev.modelport.model.testing.OnnxModels;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * ModelInfer and the other V2 calls over a real channel to a real worker: answers equal ONNX Runtime's on the same
 * inputs, bad requests are INVALID_ARGUMENT naming the input, and the token rules are REST's.
 */
class GrpcInferenceEndpointTest extends GrpcTestSupport {

    private static final float[] X = {0.5f, -1.25f, 3f, 7.75f, 1f, 2f, 3f, 4f};

    @Test
    void inferWhenRawInputContentsThenRawOutputsEqualDirectOnnxRuntime() throws Exception {
        String model = deploy(OnnxModels.addConstant());

        ModelInferResponse response = stub(INFERRER).modelInfer(ModelInferRequest.newBuilder()
                .setModelName(model)
                .setId("req-1")
                .addInputs(input("x", "FP32", 2, 4))
                .addRawInputContents(littleEndian(X))
                .build());

        assertThat(response.getModelName()).isEqualTo(model);
        assertThat(response.getModelVersion()).isEqualTo("1");
        assertThat(response.getId()).isEqualTo("req-1");
        assertThat(response.getOutputsCount()).isEqualTo(1);
        assertThat(response.getOutputs(0).getName()).isEqualTo("y");
        assertThat(response.getOutputs(0).getDatatype()).isEqualTo("FP32");
        assertThat(response.getOutputs(0).getShapeList()).containsExactly(2L, 4L);
        assertThat(response.getOutputs(0).hasContents()).as("outputs travel as raw_output_contents").isFalse();
        float[] expected = (float[]) direct(OnnxModels.addConstant(), Map.of("x", floatTensor(X, 2, 4))).get("y");
        assertFloats(floats(response.getRawOutputContents(0)), expected);
    }

    @Test
    void inferWhenTypedContentsThenOutputsEqualDirectOnnxRuntime() throws Exception {
        String model = deploy(OnnxModels.mixedTypes());
        float[] features = {1.5f, -2f, 0.25f, 3f, 4f, -0.5f};
        long[] ids = {1, -2, 40_000_000_000L, 7};

        ModelInferResponse response = stub(INFERRER).modelInfer(ModelInferRequest.newBuilder()
                .setModelName(model)
                .setModelVersion("1")
                .addInputs(input("features", "FP32", 2, 3).setContents(InferTensorContents.newBuilder()
                        .addAllFp32Contents(List.of(1.5f, -2f, 0.25f, 3f, 4f, -0.5f))))
                .addInputs(input("ids", "INT64", 2, 2).setContents(InferTensorContents.newBuilder()
                        .addAllInt64Contents(List.of(1L, -2L, 40_000_000_000L, 7L))))
                .build());

        Map<String, Object> expected = direct(OnnxModels.mixedTypes(),
                Map.of("features", floatTensor(features, 2, 3), "ids", longTensor(ids, 2, 2)));
        Map<String, ByteString> raw = rawOutputs(response);
        assertThat(raw).containsOnlyKeys("squared", "ids_twice");
        assertFloats(floats(raw.get("squared")), (float[]) expected.get("squared"));
        assertThat(longs(raw.get("ids_twice"))).containsExactly((long[]) expected.get("ids_twice"));
        assertThat(response.getOutputsList()).allSatisfy(output -> assertThat(output.getShapeList()).startsWith(2L));
    }

    @Test
    void inferWhenOutputRequestedThenOnlyThatOutput() throws Exception {
        String model = deploy(OnnxModels.mixedTypes());

        ModelInferResponse response = stub(INFERRER).modelInfer(ModelInferRequest.newBuilder()
                .setModelName(model)
                .addInputs(input("features", "FP32", 1, 3))
                .addInputs(input("ids", "INT64", 1, 2))
                .addRawInputContents(littleEndian(new float[] {1f, 2f, 3f}))
                .addRawInputContents(littleEndian(new long[] {Long.MAX_VALUE / 4, -9}))
                .addOutputs(ModelInferRequest.InferRequestedOutputTensor.newBuilder().setName("ids_twice"))
                .build());

        assertThat(response.getOutputsCount()).isEqualTo(1);
        assertThat(response.getRawOutputContentsCount()).isEqualTo(1);
        assertThat(response.getOutputs(0).getName()).isEqualTo("ids_twice");
        assertThat(response.getOutputs(0).getDatatype()).isEqualTo("INT64");
        assertThat(longs(response.getRawOutputContents(0))).containsExactly(Long.MAX_VALUE / 2 - 1, -18);
    }

    @Test
    void inferWhenBadRequestsThenInvalidArgumentNamingTheInput() throws Exception {
        String model = deploy(OnnxModels.addConstant());
        ByteString four = littleEndian(new float[] {1, 2, 3, 4});
        Map<ModelInferRequest.Builder, String> cases = new LinkedHashMap<>();
        cases.put(request(model).addInputs(input("nope", "FP32", 1, 4)).addRawInputContents(four), "unknown input 'nope'");
        cases.put(request(model).addInputs(input("x", "INT32", 1, 4)).addRawInputContents(four), "input 'x' must be FP32");
        cases.put(request(model).addInputs(input("x", "FP32", 1, 4)).addRawInputContents(four.substring(0, 12)),
                "input 'x': raw contents have 12 bytes but shape [1,4] of FP32 needs 16 bytes");
        cases.put(request(model).addInputs(input("x", "FP32", 1, 4).setContents(InferTensorContents.newBuilder()
                .addAllFp32Contents(List.of(1f, 2f, 3f)))), "input 'x': shape [1,4] needs 4 elements, data has 3");
        cases.put(request(model).addInputs(input("x", "FP32", 1, 4).setContents(InferTensorContents.newBuilder()
                .addAllIntContents(List.of(1, 2, 3, 4)))), "input 'x': FP32 data goes in contents.fp32_contents");
        cases.put(request(model).addInputs(input("x", "FLOAT", 1, 4)).addRawInputContents(four), "unknown datatype 'FLOAT'");
        cases.put(request(model).addInputs(input("x", "FP32", 1, 4).setContents(InferTensorContents.newBuilder()
                .addAllFp32Contents(List.of(1f, 2f, 3f, 4f)))).addRawInputContents(four), "input 'x': has 'contents'");
        cases.put(request(model).addInputs(input("x", "FP32", 1, 4)).addRawInputContents(four).addRawInputContents(four),
                "1 inputs but 2 raw_input_contents");
        cases.put(request(model).addInputs(input("x", "FP32", 1L << 40, 4)).addRawInputContents(four),
                "input 'x': shape [1099511627776,4] has more elements");
        cases.put(request(model).addInputs(input("x", "FP32", 1, 5)).addRawInputContents(littleEndian(new float[5])),
                "input 'x' has shape [1, 5]");
        cases.put(request(model), "request has no inputs");
        cases.put(request(model).setModelVersion("one").addInputs(input("x", "FP32", 1, 4)).addRawInputContents(four),
                "'model_version' must be a version number");
        for (Map.Entry<ModelInferRequest.Builder, String> bad : cases.entrySet()) {
            assertThatThrownBy(() -> stub(INFERRER).modelInfer(bad.getKey().build()))
                    .as(bad.getValue())
                    .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                        assertThat(e.getStatus().getCode()).as(e.getMessage()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                        assertThat(e.getStatus().getDescription()).contains(bad.getValue());
                    });
        }
        assertThat(stub(null).serverReady(ServerReadyRequest.getDefaultInstance()).getReady())
                .as("the worker stays ready").isTrue();
    }

    @Test
    void inferWhenModelOrVersionNotDeployedThenNotFound() throws Exception {
        String model = deploy(OnnxModels.addConstant());
        assertThat(status(() -> stub(INFERRER).modelInfer(request("no-such-model")
                .addInputs(input("x", "FP32", 1, 4)).addRawInputContents(littleEndian(new float[4])).build())))
                .isEqualTo(Status.Code.NOT_FOUND);
        assertThat(status(() -> stub(INFERRER).modelInfer(request(model).setModelVersion("9")
                .addInputs(input("x", "FP32", 1, 4)).addRawInputContents(littleEndian(new float[4])).build())))
                .isEqualTo(Status.Code.NOT_FOUND);
    }

    @Test
    void inferWhenNoOrInvalidTokenThenUnauthenticated() {
        ModelInferRequest request = request("any").addInputs(input("x", "FP32", 1, 4))
                .addRawInputContents(littleEndian(new float[4])).build();
        assertThat(status(() -> stub(null).modelInfer(request))).isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(status(() -> stub("not-a-jwt").modelInfer(request))).isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(status(() -> stub(null).modelMetadata(ModelMetadataRequest.newBuilder().setName("any").build())))
                .isEqualTo(Status.Code.UNAUTHENTICATED);
    }

    @Test
    void inferWhenReadOnlyTokenThenPermissionDenied() throws Exception {
        String model = deploy(OnnxModels.addConstant());
        assertThat(status(() -> stub(READER).modelInfer(request(model).addInputs(input("x", "FP32", 1, 4))
                .addRawInputContents(littleEndian(new float[4])).build()))).isEqualTo(Status.Code.PERMISSION_DENIED);
    }

    @Test
    void callsWhenTokenAllowlistsAnotherModelThenPermissionDenied() throws Exception {
        String model = deploy(OnnxModels.addConstant());
        String elsewhere = TOKENS.tokenForModels("partner", List.of("some-other-model"), "models.infer", "models.read");
        String here = TOKENS.tokenForModels("partner", List.of(model), "models.infer");

        assertThat(status(() -> stub(elsewhere).modelInfer(request(model).addInputs(input("x", "FP32", 1, 4))
                .addRawInputContents(littleEndian(new float[4])).build()))).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(status(() -> stub(elsewhere).modelMetadata(ModelMetadataRequest.newBuilder().setName(model).build())))
                .isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(status(() -> stub(elsewhere).modelReady(ModelReadyRequest.newBuilder().setName(model).build())))
                .isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(stub(here).modelInfer(request(model).addInputs(input("x", "FP32", 1, 4))
                .addRawInputContents(littleEndian(new float[4])).build()).getOutputsCount()).isEqualTo(1);
    }

    @Test
    void serverLiveAndReadyWhenNoTokenThenAnswered() {
        assertThat(stub(null).serverLive(ServerLiveRequest.getDefaultInstance()).getLive()).isTrue();
        assertThat(stub(null).serverReady(ServerReadyRequest.getDefaultInstance()).getReady()).isTrue();
        assertThat(status(() -> stub(null).serverMetadata(ServerMetadataRequest.getDefaultInstance())))
                .isEqualTo(Status.Code.UNAUTHENTICATED);
    }

    @Test
    void serverMetadataWhenTokenThenNamesModelPortAndTheBinaryTensorExtension() {
        ServerMetadataResponse metadata = stub(READER).serverMetadata(ServerMetadataRequest.getDefaultInstance());
        assertThat(metadata.getName()).isEqualTo("modelport");
        // the same list as GET /v2, as Triton answers: raw_input_contents is this extension over gRPC
        assertThat(metadata.getExtensionsList()).containsExactly("binary_tensor_data");
    }

    @Test
    void metadataAndReadyWhenDeployedThenMirrorRest() throws Exception {
        String model = deploy(OnnxModels.addConstant());

        ModelMetadataResponse metadata = stub(READER).modelMetadata(ModelMetadataRequest.newBuilder().setName(model).build());

        assertThat(metadata.getName()).isEqualTo(model);
        assertThat(metadata.getPlatform()).isEqualTo("onnxruntime_onnx");
        assertThat(metadata.getVersionsList()).containsExactly("1");
        assertThat(metadata.getInputs(0).getName()).isEqualTo("x");
        assertThat(metadata.getInputs(0).getDatatype()).isEqualTo("FP32");
        assertThat(metadata.getInputs(0).getShapeList()).containsExactly(-1L, 4L);
        assertThat(metadata.getOutputs(0).getName()).isEqualTo("y");
        assertThat(stub(INFERRER).modelMetadata(ModelMetadataRequest.newBuilder().setName(model).setVersion("1").build())
                .getVersionsList()).containsExactly("1");
        assertThat(stub(READER).modelReady(ModelReadyRequest.newBuilder().setName(model).build()).getReady()).isTrue();
        assertThat(stub(READER).modelReady(ModelReadyRequest.newBuilder().setName(model).setVersion("1").build())
                .getReady()).isTrue();
        assertThat(stub(READER).modelReady(ModelReadyRequest.newBuilder().setName(model).setVersion("9").build())
                .getReady()).isFalse();
        assertThat(status(() -> stub(READER).modelReady(ModelReadyRequest.newBuilder().setName("no-such-model").build())))
                .isEqualTo(Status.Code.NOT_FOUND);
        assertThat(status(() -> stub(READER).modelMetadata(ModelMetadataRequest.newBuilder().setName(model)
                .setVersion("9").build()))).isEqualTo(Status.Code.NOT_FOUND);
    }

    private static ModelInferRequest.Builder request(String model) {
        return ModelInferRequest.newBuilder().setModelName(model);
    }

    private static InferInputTensor.Builder input(String name, String datatype, long... shape) {
        InferInputTensor.Builder input = InferInputTensor.newBuilder().setName(name).setDatatype(datatype);
        for (long dim : shape) {
            input.addShape(dim);
        }
        return input;
    }

    private static Status.Code status(Runnable call) {
        try {
            call.run();
        } catch (StatusRuntimeException e) {
            return e.getStatus().getCode();
        }
        return Status.Code.OK;
    }

    private static Map<String, ByteString> rawOutputs(ModelInferResponse response) {
        assertThat(response.getRawOutputContentsCount()).isEqualTo(response.getOutputsCount());
        Map<String, ByteString> raw = new LinkedHashMap<>();
        for (int i = 0; i < response.getOutputsCount(); i++) {
            raw.put(response.getOutputs(i).getName(), response.getRawOutputContents(i));
        }
        return raw;
    }

    private static ByteString littleEndian(float[] values) {
        ByteBuffer bytes = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(values);
        return ByteString.copyFrom(bytes.array());
    }

    private static ByteString littleEndian(long[] values) {
        ByteBuffer bytes = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asLongBuffer().put(values);
        return ByteString.copyFrom(bytes.array());
    }

    private static float[] floats(ByteString raw) {
        float[] values = new float[raw.size() / 4];
        raw.asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        return values;
    }

    private static long[] longs(ByteString raw) {
        long[] values = new long[raw.size() / 8];
        raw.asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(values);
        return values;
    }

    private static void assertFloats(float[] actual, float[] expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("element " + i).isCloseTo(expected[i], within(1e-6f));
        }
    }

    private record Input(Object data, long[] shape) {
    }

    private static Input floatTensor(float[] data, long... shape) {
        return new Input(data, shape);
    }

    private static Input longTensor(long[] data, long... shape) {
        return new Input(data, shape);
    }

    /** Runs the model in ONNX Runtime directly: every output, flattened. */
    private static Map<String, Object> direct(byte[] model, Map<String, Input> inputs) throws Exception {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        Map<String, OnnxTensor> tensors = new LinkedHashMap<>();
        try (OrtSession session = env.createSession(model)) {
            for (Map.Entry<String, Input> input : inputs.entrySet()) {
                Input value = input.getValue();
                tensors.put(input.getKey(), value.data() instanceof float[] floats
                        ? OnnxTensor.createTensor(env, FloatBuffer.wrap(floats), value.shape())
                        : OnnxTensor.createTensor(env, LongBuffer.wrap((long[]) value.data()), value.shape()));
            }
            try (OrtSession.Result result = session.run(tensors)) {
                Map<String, Object> outputs = new LinkedHashMap<>();
                for (Map.Entry<String, OnnxValue> output : result) {
                    OnnxTensor tensor = (OnnxTensor) output.getValue();
                    outputs.put(output.getKey(), switch (tensor.getInfo().type) {
                        case FLOAT -> toArray(tensor.getFloatBuffer());
                        case INT64 -> toArray(tensor.getLongBuffer());
                        default -> throw new IllegalStateException("unexpected output type " + tensor.getInfo().type);
                    });
                }
                return outputs;
            }
        } finally {
            tensors.values().forEach(OnnxTensor::close);
        }
    }

    private static float[] toArray(FloatBuffer buffer) {
        float[] values = new float[buffer.remaining()];
        buffer.get(values);
        return values;
    }

    private static long[] toArray(LongBuffer buffer) {
        long[] values = new long[buffer.remaining()];
        buffer.get(values);
        return values;
    }
}
