package dev.modelport.model.inference;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.TensorInfo;
import java.nio.ByteBuffer;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.ShortBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Converts between {@link Tensor}s and ONNX Runtime tensors, one copy each way. */
final class OrtTensors {

    private OrtTensors() {
    }

    static OnnxTensor toOrt(OrtEnvironment env, Tensor tensor) throws OrtException {
        long[] shape = tensor.shape();
        return switch (tensor.datatype()) {
            case FP32 -> OnnxTensor.createTensor(env, FloatBuffer.wrap((float[]) tensor.data()), shape);
            case FP64 -> OnnxTensor.createTensor(env, DoubleBuffer.wrap((double[]) tensor.data()), shape);
            case INT64 -> OnnxTensor.createTensor(env, LongBuffer.wrap((long[]) tensor.data()), shape);
            case INT32 -> OnnxTensor.createTensor(env, IntBuffer.wrap((int[]) tensor.data()), shape);
            case INT16 -> OnnxTensor.createTensor(env, ShortBuffer.wrap((short[]) tensor.data()), shape);
            case FP16 -> OnnxTensor.createTensor(env, ShortBuffer.wrap((short[]) tensor.data()), shape, OnnxJavaType.FLOAT16);
            case INT8 -> OnnxTensor.createTensor(env, ByteBuffer.wrap((byte[]) tensor.data()), shape, OnnxJavaType.INT8);
            case UINT8 -> OnnxTensor.createTensor(env, ByteBuffer.wrap((byte[]) tensor.data()), shape, OnnxJavaType.UINT8);
            case BOOL -> OnnxTensor.createTensor(env, ByteBuffer.wrap(bytesOf((boolean[]) tensor.data())), shape,
                    OnnxJavaType.BOOL);
            case BYTES -> OnnxTensor.createTensor(env, stringsOf((byte[][]) tensor.data()), shape);
            case UINT16, UINT32, UINT64 -> throw unsupported(tensor.name(), tensor.datatype());
        };
    }

    /**
     * An ONNX Runtime tensor over {@code buffer} (direct, native byte order), which ONNX Runtime
     * reads in place: no copy. Not for BYTES, whose strings ONNX Runtime keeps on its side.
     */
    static OnnxTensor toOrt(OrtEnvironment env, String name, Datatype datatype, ByteBuffer buffer, long[] shape)
            throws OrtException {
        return switch (datatype) {
            case FP32 -> OnnxTensor.createTensor(env, buffer.asFloatBuffer(), shape);
            case FP64 -> OnnxTensor.createTensor(env, buffer.asDoubleBuffer(), shape);
            case INT64 -> OnnxTensor.createTensor(env, buffer.asLongBuffer(), shape);
            case INT32 -> OnnxTensor.createTensor(env, buffer.asIntBuffer(), shape);
            case INT16 -> OnnxTensor.createTensor(env, buffer.asShortBuffer(), shape);
            case FP16 -> OnnxTensor.createTensor(env, buffer.asShortBuffer(), shape, OnnxJavaType.FLOAT16);
            case INT8 -> OnnxTensor.createTensor(env, buffer, shape, OnnxJavaType.INT8);
            case UINT8 -> OnnxTensor.createTensor(env, buffer, shape, OnnxJavaType.UINT8);
            case BOOL -> OnnxTensor.createTensor(env, buffer, shape, OnnxJavaType.BOOL);
            case BYTES -> throw new IllegalArgumentException("input '" + name + "': BYTES has no native buffer form");
            case UINT16, UINT32, UINT64 -> throw unsupported(name, datatype);
        };
    }

    private static InferenceException unsupported(String name, Datatype datatype) {
        return InferenceException.invalid("input '" + name + "': datatype " + datatype
                + " is not supported by ONNX Runtime's Java API");
    }

    /** Reads an ONNX Runtime output back into a {@link Tensor} named {@code name}. */
    static Tensor fromOrt(String name, OnnxTensor value) throws OrtException {
        TensorInfo info = value.getInfo();
        long[] shape = info.getShape();
        int count = Math.toIntExact(Tensor.elementCount(shape));
        return switch (info.onnxType) {
            case ONNX_TENSOR_ELEMENT_DATA_TYPE_FLOAT -> new Tensor(name, Datatype.FP32, shape, read(value.getFloatBuffer(), count));
            case ONNX_TENSOR_ELEMENT_DATA_TYPE_DOUBLE -> new Tensor(name, Datatype.FP64, shape, read(value.getDoubleBuffer(), count));
            case ONNX_TENSOR_ELEMENT_DATA_TYPE_INT64 -> new Tensor(name, Datatype.INT64, shape, read(value.getLongBuffer(), count));
            case ONNX_TENSOR_ELEMENT_DATA_TYPE_INT32 -> new Tensor(name, Datatype.INT32, shape, read(value.getIntBuffer(), count));
            case ONNX_TENSOR_ELEMENT_DATA_TYPE_INT16 -> new Tensor(name, Datatype.INT16, shape, read(value.getShortBuffer(), count));
            case ONNX_TENSOR_ELEMENT_DATA_TYPE_FLOAT16 -> new Tensor(name, Datatype.FP16, shape, read(value.getShortBuffer(), count));
            case ONNX_TENSOR_ELEMENT_DATA_TYPE_INT8 -> new Tensor(name, Datatype.INT8, shape, read(value.getByteBuffer(), count));
            case ONNX_TENSOR_ELEMENT_DATA_TYPE_UINT8 -> new Tensor(name, Datatype.UINT8, shape, read(value.getByteBuffer(), count));
            case ONNX_TENSOR_ELEMENT_DATA_TYPE_BOOL -> new Tensor(name, Datatype.BOOL, shape, booleansOf(read(value.getByteBuffer(), count)));
            case ONNX_TENSOR_ELEMENT_DATA_TYPE_STRING -> new Tensor(name, Datatype.BYTES, shape, bytesOf(flatStrings(value.getValue(), count)));
            default -> throw new InferenceException(InferenceException.Reason.FAILED, "output '" + name + "' has element type "
                    + info.onnxType + ", which the V2 protocol cannot carry");
        };
    }

    private static float[] read(FloatBuffer buffer, int count) {
        float[] data = new float[count];
        buffer.get(data);
        return data;
    }

    private static double[] read(DoubleBuffer buffer, int count) {
        double[] data = new double[count];
        buffer.get(data);
        return data;
    }

    private static long[] read(LongBuffer buffer, int count) {
        long[] data = new long[count];
        buffer.get(data);
        return data;
    }

    private static int[] read(IntBuffer buffer, int count) {
        int[] data = new int[count];
        buffer.get(data);
        return data;
    }

    private static short[] read(ShortBuffer buffer, int count) {
        short[] data = new short[count];
        buffer.get(data);
        return data;
    }

    private static byte[] read(ByteBuffer buffer, int count) {
        byte[] data = new byte[count];
        buffer.get(data);
        return data;
    }

    private static byte[] bytesOf(boolean[] values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) (values[i] ? 1 : 0);
        }
        return bytes;
    }

    private static boolean[] booleansOf(byte[] bytes) {
        boolean[] values = new boolean[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            values[i] = bytes[i] != 0;
        }
        return values;
    }

    private static String[] stringsOf(byte[][] values) {
        return Arrays.stream(values).map(value -> new String(value, StandardCharsets.UTF_8)).toArray(String[]::new);
    }

    private static byte[][] bytesOf(String[] values) {
        return Arrays.stream(values).map(value -> value.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
    }

    /** ONNX Runtime hands string tensors back as nested String arrays; flatten them row-major. */
    private static String[] flatStrings(Object value, int count) {
        String[] flat = new String[count];
        int[] next = {0};
        flatten(value, flat, next);
        return flat;
    }

    private static void flatten(Object value, String[] flat, int[] next) {
        if (value instanceof String string) {
            flat[next[0]++] = string;
        } else if (value instanceof Object[] array) {
            for (Object element : array) {
                flatten(element, flat, next);
            }
        }
    }
}
