package dev.modelport.model.inference;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One batch runner's staging memory: each request's rows are copied once, straight into native
 * buffers ONNX Runtime reads in place, instead of into a stacked Java array that ONNX Runtime
 * would copy again. The buffers are kept for the next batch (up to {@link #KEPT_BYTES} per input),
 * so a busy runner does not allocate and zero a fresh native block for every call. Not thread-safe:
 * one per runner thread.
 */
final class NativeBatch {

    /** Buffers larger than this are used for one batch and left to the garbage collector. */
    static final int KEPT_BYTES = 64 << 20;

    private final List<ByteBuffer> kept = new ArrayList<>();

    /** The batch's inputs as ONNX Runtime tensors over this runner's buffers; valid until the next call. */
    Feeds stack(OrtEnvironment env, List<PendingRequest> batch) {
        PendingRequest first = batch.getFirst();
        int totalRows = batch.stream().mapToInt(PendingRequest::rows).sum();
        Map<String, OnnxTensor> tensors = new LinkedHashMap<>();
        try {
            for (int input = 0; input < first.inputs().size(); input++) {
                Tensor template = first.inputs().get(input);
                long[] shape = template.shape().clone();
                shape[0] = totalRows;
                tensors.put(template.name(), stacked(env, batch, input, template.datatype(), shape));
            }
            return new Feeds(tensors);
        } catch (OrtException | RuntimeException e) {
            tensors.values().forEach(OnnxTensor::close);
            if (e instanceof InferenceException inference) {
                throw inference;
            }
            throw new InferenceException(InferenceException.Reason.FAILED, "could not stage the batch: " + e.getMessage(), null, e);
        }
    }

    private OnnxTensor stacked(OrtEnvironment env, List<PendingRequest> batch, int input, Datatype datatype, long[] shape)
            throws OrtException {
        if (datatype == Datatype.BYTES) {
            // strings live on ONNX Runtime's side as std::string; there is no buffer to fill in place
            return OrtTensors.toOrt(env, BatchTensors.stack(batch, input));
        }
        long bytes = Math.multiplyExact(Tensor.elementCount(shape), (long) datatype.byteSize());
        ByteBuffer buffer = buffer(input, Math.toIntExact(bytes));
        for (PendingRequest request : batch) {
            put(buffer, request.inputs().get(input));
        }
        return OrtTensors.toOrt(env, batch.getFirst().inputs().get(input).name(), datatype, buffer.flip(), shape);
    }

    private ByteBuffer buffer(int input, int bytes) {
        while (kept.size() <= input) {
            kept.add(null);
        }
        ByteBuffer buffer = kept.get(input);
        if (buffer == null || buffer.capacity() < bytes) {
            buffer = ByteBuffer.allocateDirect(bytes).order(ByteOrder.nativeOrder());
            kept.set(input, bytes <= KEPT_BYTES ? buffer : null);
        }
        return buffer.clear().limit(bytes);
    }

    private static void put(ByteBuffer buffer, Tensor tensor) {
        int at = buffer.position();
        int length;
        switch (tensor.data()) {
            case float[] values -> {
                buffer.asFloatBuffer().put(values);
                length = values.length * Float.BYTES;
            }
            case double[] values -> {
                buffer.asDoubleBuffer().put(values);
                length = values.length * Double.BYTES;
            }
            case long[] values -> {
                buffer.asLongBuffer().put(values);
                length = values.length * Long.BYTES;
            }
            case int[] values -> {
                buffer.asIntBuffer().put(values);
                length = values.length * Integer.BYTES;
            }
            case short[] values -> {
                buffer.asShortBuffer().put(values);
                length = values.length * Short.BYTES;
            }
            case byte[] values -> {
                buffer.put(values);
                return;
            }
            case boolean[] values -> {
                for (boolean value : values) {
                    buffer.put((byte) (value ? 1 : 0));
                }
                return;
            }
            default -> throw new IllegalArgumentException("tensor '" + tensor.name() + "' holds "
                    + tensor.data().getClass().getSimpleName());
        }
        buffer.position(at + length);
    }

    /** A batch's input tensors; closing releases ONNX Runtime's side, the buffers stay with the runner. */
    record Feeds(Map<String, OnnxTensor> tensors) implements AutoCloseable {

        @Override
        public void close() {
            tensors.values().forEach(OnnxTensor::close);
        }
    }
}
