package dev.modelport.model.inference;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.modelport.model.onnx.Signature;
import dev.modelport.model.onnx.TensorSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One ONNX Runtime session and the one way to call it: tensors in, tensors out. Thread-safe. */
final class SessionRunner implements AutoCloseable {

    private final OrtEnvironment env;
    private final OrtSession session;
    private final Signature signature;

    SessionRunner(OrtEnvironment env, OrtSession session, Signature signature) {
        this.env = env;
        this.session = session;
        this.signature = signature;
    }

    Signature signature() {
        return signature;
    }

    OrtEnvironment environment() {
        return env;
    }

    /** Runs the model; {@code outputs} empty means every tensor output. */
    List<Tensor> run(List<Tensor> inputs, List<String> outputs) {
        Map<String, OnnxTensor> feeds = new HashMap<>();
        try {
            for (Tensor input : inputs) {
                feeds.put(input.name(), OrtTensors.toOrt(env, input));
            }
            return run(feeds, outputs);
        } catch (OrtException e) {
            throw new InferenceException(InferenceException.Reason.FAILED, "ONNX Runtime failed: " + e.getMessage(), null, e);
        } finally {
            feeds.values().forEach(OnnxTensor::close);
        }
    }

    /** Runs the model on tensors already on ONNX Runtime's side; the caller closes them. */
    List<Tensor> run(Map<String, OnnxTensor> feeds, List<String> outputs) {
        Set<String> wanted = outputs.isEmpty() ? allTensorOutputs() : new LinkedHashSet<>(outputs);
        try (OrtSession.Result result = session.run(feeds, wanted)) {
            List<Tensor> tensors = new ArrayList<>(wanted.size());
            for (String name : wanted) {
                OnnxValue value = result.get(name).orElseThrow();
                if (!(value instanceof OnnxTensor tensor)) {
                    throw new InferenceException(InferenceException.Reason.INVALID_INPUT, "output '" + name
                            + "' is not a tensor; the V2 protocol carries tensors only");
                }
                tensors.add(OrtTensors.fromOrt(name, tensor));
            }
            return tensors;
        } catch (OrtException e) {
            throw new InferenceException(InferenceException.Reason.FAILED, "ONNX Runtime failed: " + e.getMessage(), null, e);
        }
    }

    private Set<String> allTensorOutputs() {
        Set<String> names = new LinkedHashSet<>();
        for (TensorSpec output : signature.outputs()) {
            if (!"SEQUENCE".equals(output.datatype()) && !"MAP".equals(output.datatype())) {
                names.add(output.name());
            }
        }
        return names;
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }
}
