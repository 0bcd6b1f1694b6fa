package dev.modelport.model.grpc;

import com.google.protobuf.ByteString;
import dev.modelport.model.grpc.v2.InferParameter;
import dev.modelport.model.grpc.v2.ModelInferRequest;
import dev.modelport.model.grpc.v2.ModelInferRequest.InferInputTensor;
import dev.modelport.model.grpc.v2.ModelInferResponse;
import dev.modelport.model.inference.Datatype;
import dev.modelport.model.inference.InferenceRequest;
import dev.modelport.model.inference.InferenceResult;
import dev.modelport.model.inference.Tensor;
import dev.modelport.model.protocol.DecodeLimits;
import dev.modelport.model.protocol.ProtocolException;
import dev.modelport.model.protocol.RawTensors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * ModelInfer messages to and from the engine's types. Inputs come either all as {@code raw_input_contents} (one
 * little-endian blob per input, in order) or as typed {@code contents}; every shape is counted against the request
 * limits before its elements are copied. Outputs go back as {@code raw_output_contents}, the fast path Triton and
 * KServe clients read, in the order of {@code outputs}.
 */
final class GrpcTensors {

    private GrpcTensors() {
    }

    static InferenceRequest decode(ModelInferRequest request, DecodeLimits limits) {
        int count = request.getInputsCount();
        if (count == 0) {
            throw new ProtocolException("request has no inputs");
        }
        RawTensors tensors = new RawTensors(limits);
        tensors.checkInputCount(count);
        boolean raw = request.getRawInputContentsCount() > 0;
        if (raw && request.getRawInputContentsCount() != count) {
            throw new ProtocolException("request has " + count + " inputs but " + request.getRawInputContentsCount()
                    + " raw_input_contents; send one per input, in the order of 'inputs'");
        }
        Set<String> names = new HashSet<>();
        List<Tensor> inputs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            InferInputTensor input = request.getInputs(i);
            Tensor tensor = raw ? rawInput(input, i, request.getRawInputContents(i), tensors) : typedInput(input, i, tensors);
            if (!names.add(tensor.name())) {
                throw new ProtocolException("input '" + tensor.name() + "' appears more than once");
            }
            inputs.add(tensor);
        }
        String id = request.getId().isEmpty() ? null : request.getId();
        return new InferenceRequest(id, inputs, requestedOutputs(request), parameters(request.getParametersMap()), List.of());
    }

    static ModelInferResponse encode(InferenceResult result) {
        ModelInferResponse.Builder response = ModelInferResponse.newBuilder()
                .setModelName(result.model())
                .setModelVersion(String.valueOf(result.version()))
                .setId(result.id() == null ? "" : result.id());
        for (Tensor output : result.outputs()) {
            response.addOutputs(ModelInferResponse.InferOutputTensor.newBuilder()
                    .setName(output.name())
                    .setDatatype(output.datatype().name())
                    .addAllShape(Arrays.stream(output.shape()).boxed().toList()));
            ByteString.Output bytes = ByteString.newOutput((int) Math.min(RawTensors.byteSize(output), Integer.MAX_VALUE - 8));
            RawTensors.write(output, bytes);
            response.addRawOutputContents(bytes.toByteString());
        }
        return response.build();
    }

    private static Tensor rawInput(InferInputTensor input, int index, ByteString bytes, RawTensors tensors) {
        String label = label(input, index);
        if (input.hasContents()) {
            throw new ProtocolException(label + ": has 'contents' but the request sends raw_input_contents;"
                    + " use one or the other");
        }
        Datatype datatype = datatype(input, label);
        long[] shape = shape(input);
        int count = tensors.reserve(label, input.getShapeList());
        return tensors.decode(label, input.getName(), datatype, shape, count, bytes.newInput(), bytes.size());
    }

    private static Tensor typedInput(InferInputTensor input, int index, RawTensors tensors) {
        String label = label(input, index);
        Datatype datatype = datatype(input, label);
        long[] shape = shape(input);
        int count = tensors.reserve(label, input.getShapeList());
        return new Tensor(input.getName(), datatype, shape, TypedContents.read(label, datatype, shape, count,
                input.getContents()));
    }

    /** {@code input 'x'}, as REST names inputs in its messages. */
    private static String label(InferInputTensor input, int index) {
        if (input.getName().isEmpty()) {
            throw new ProtocolException("inputs[" + index + "]: missing 'name'");
        }
        return "input '" + input.getName() + "'";
    }

    private static Datatype datatype(InferInputTensor input, String label) {
        if (input.getDatatype().isEmpty()) {
            throw new ProtocolException(label + ": missing 'datatype'");
        }
        return Datatype.parse(input.getDatatype()).orElseThrow(() -> new ProtocolException(label
                + ": unknown datatype '" + input.getDatatype() + "'; expected one of " + Arrays.toString(Datatype.values())));
    }

    private static long[] shape(InferInputTensor input) {
        long[] shape = new long[input.getShapeCount()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = input.getShape(i);
        }
        return shape;
    }

    private static List<String> requestedOutputs(ModelInferRequest request) {
        Set<String> names = new LinkedHashSet<>();
        for (ModelInferRequest.InferRequestedOutputTensor output : request.getOutputsList()) {
            if (output.getName().isEmpty()) {
                throw new ProtocolException("outputs: missing 'name'");
            }
            if (!names.add(output.getName())) {
                throw new ProtocolException("output '" + output.getName() + "' is requested more than once");
            }
        }
        return List.copyOf(names);
    }

    private static Map<String, Object> parameters(Map<String, InferParameter> parameters) {
        Map<String, Object> values = new LinkedHashMap<>();
        parameters.forEach((name, parameter) -> {
            Object value = switch (parameter.getParameterChoiceCase()) {
                case BOOL_PARAM -> parameter.getBoolParam();
                case INT64_PARAM -> parameter.getInt64Param();
                case STRING_PARAM -> parameter.getStringParam();
                case DOUBLE_PARAM -> parameter.getDoubleParam();
                case UINT64_PARAM -> parameter.getUint64Param();
                case PARAMETERCHOICE_NOT_SET -> null;
            };
            if (value != null) {
                values.put(name, value);
            }
        });
        return values;
    }
}
