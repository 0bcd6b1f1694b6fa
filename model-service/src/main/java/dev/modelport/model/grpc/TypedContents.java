package dev.modelport.model.grpc;

import dev.modelport.model.grpc.v2.InferTensorContents;
import dev.modelport.model.inference.Datatype;
import dev.modelport.model.protocol.ProtocolException;
import dev.modelport.model.protocol.RawTensors;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads an input's typed {@code InferTensorContents} into the array its datatype uses: each datatype has one
 * field (INT8/INT16/INT32 share {@code int_contents}, UINT8/UINT16/UINT32 {@code uint_contents}), values must fit
 * the datatype, and the count must match the shape. FP16 has no field: it travels only as raw contents.
 */
final class TypedContents {

    private TypedContents() {
    }

    /**
     * @param count the shape's element count, already accepted by the request's limits; the contents are already in
     *              memory (protobuf parsed them), so the check guards the copy made here
     */
    static Object read(String label, Datatype datatype, long[] shape, int count, InferTensorContents contents) {
        String field = field(label, datatype);
        requireOnly(label, datatype, field, contents);
        return switch (datatype) {
            case BOOL -> booleans(label, shape, count, contents);
            case INT8, UINT8 -> bytes(label, datatype, shape, count, contents);
            case INT16, UINT16 -> shorts(label, datatype, shape, count, contents);
            case INT32 -> ints(label, shape, count, contents.getIntContentsCount(), contents::getIntContents);
            case UINT32 -> ints(label, shape, count, contents.getUintContentsCount(), contents::getUintContents);
            case INT64 -> longs(label, shape, count, contents.getInt64ContentsCount(), contents::getInt64Contents);
            case UINT64 -> longs(label, shape, count, contents.getUint64ContentsCount(), contents::getUint64Contents);
            case FP32 -> floats(label, shape, count, contents);
            case FP64 -> doubles(label, shape, count, contents);
            case BYTES -> byteStrings(label, shape, count, contents);
            case FP16 -> throw new IllegalStateException("FP16 has no typed field");
        };
    }

    private static String field(String label, Datatype datatype) {
        return switch (datatype) {
            case BOOL -> "bool_contents";
            case INT8, INT16, INT32 -> "int_contents";
            case INT64 -> "int64_contents";
            case UINT8, UINT16, UINT32 -> "uint_contents";
            case UINT64 -> "uint64_contents";
            case FP32 -> "fp32_contents";
            case FP64 -> "fp64_contents";
            case BYTES -> "bytes_contents";
            case FP16 -> throw new ProtocolException(label + ": FP16 data must be sent as raw_input_contents;"
                    + " InferTensorContents has no field for it");
        };
    }

    private static void requireOnly(String label, Datatype datatype, String field, InferTensorContents contents) {
        for (Map.Entry<String, Integer> used : counts(contents).entrySet()) {
            if (used.getValue() > 0 && !used.getKey().equals(field)) {
                throw new ProtocolException(label + ": " + datatype + " data goes in contents." + field + ", not in "
                        + used.getKey());
            }
        }
    }

    private static Map<String, Integer> counts(InferTensorContents contents) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("bool_contents", contents.getBoolContentsCount());
        counts.put("int_contents", contents.getIntContentsCount());
        counts.put("int64_contents", contents.getInt64ContentsCount());
        counts.put("uint_contents", contents.getUintContentsCount());
        counts.put("uint64_contents", contents.getUint64ContentsCount());
        counts.put("fp32_contents", contents.getFp32ContentsCount());
        counts.put("fp64_contents", contents.getFp64ContentsCount());
        counts.put("bytes_contents", contents.getBytesContentsCount());
        return counts;
    }

    private static boolean[] booleans(String label, long[] shape, int count, InferTensorContents contents) {
        RawTensors.requireCount(label, shape, count, contents.getBoolContentsCount());
        boolean[] values = new boolean[count];
        for (int i = 0; i < count; i++) {
            values[i] = contents.getBoolContents(i);
        }
        return values;
    }

    private static byte[] bytes(String label, Datatype datatype, long[] shape, int count, InferTensorContents contents) {
        boolean unsigned = datatype == Datatype.UINT8;
        RawTensors.requireCount(label, shape, count, unsigned ? contents.getUintContentsCount() : contents.getIntContentsCount());
        byte[] values = new byte[count];
        for (int i = 0; i < count; i++) {
            long value = unsigned ? Integer.toUnsignedLong(contents.getUintContents(i)) : contents.getIntContents(i);
            values[i] = (byte) inRange(label, datatype, i, value, unsigned ? 0 : Byte.MIN_VALUE, unsigned ? 0xFF : Byte.MAX_VALUE);
        }
        return values;
    }

    private static short[] shorts(String label, Datatype datatype, long[] shape, int count, InferTensorContents contents) {
        boolean unsigned = datatype == Datatype.UINT16;
        RawTensors.requireCount(label, shape, count, unsigned ? contents.getUintContentsCount() : contents.getIntContentsCount());
        short[] values = new short[count];
        for (int i = 0; i < count; i++) {
            long value = unsigned ? Integer.toUnsignedLong(contents.getUintContents(i)) : contents.getIntContents(i);
            values[i] = (short) inRange(label, datatype, i, value, unsigned ? 0 : Short.MIN_VALUE,
                    unsigned ? 0xFFFF : Short.MAX_VALUE);
        }
        return values;
    }

    /** INT32 and UINT32 alike: a uint32 keeps its bits in a Java int, as ONNX Runtime expects. */
    private static int[] ints(String label, long[] shape, int count, int actual, IntElements elements) {
        RawTensors.requireCount(label, shape, count, actual);
        int[] values = new int[count];
        for (int i = 0; i < count; i++) {
            values[i] = elements.get(i);
        }
        return values;
    }

    /** INT64 and UINT64 alike: a uint64 keeps its bits in a Java long. */
    private static long[] longs(String label, long[] shape, int count, int actual, LongElements elements) {
        RawTensors.requireCount(label, shape, count, actual);
        long[] values = new long[count];
        for (int i = 0; i < count; i++) {
            values[i] = elements.get(i);
        }
        return values;
    }

    private static float[] floats(String label, long[] shape, int count, InferTensorContents contents) {
        RawTensors.requireCount(label, shape, count, contents.getFp32ContentsCount());
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = contents.getFp32Contents(i);
        }
        return values;
    }

    private static double[] doubles(String label, long[] shape, int count, InferTensorContents contents) {
        RawTensors.requireCount(label, shape, count, contents.getFp64ContentsCount());
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = contents.getFp64Contents(i);
        }
        return values;
    }

    private static byte[][] byteStrings(String label, long[] shape, int count, InferTensorContents contents) {
        RawTensors.requireCount(label, shape, count, contents.getBytesContentsCount());
        byte[][] values = new byte[count][];
        for (int i = 0; i < count; i++) {
            values[i] = contents.getBytesContents(i).toByteArray();
        }
        return values;
    }

    private static long inRange(String label, Datatype datatype, int index, long value, long min, long max) {
        if (value < min || value > max) {
            throw new ProtocolException(label + ": element " + index + " (" + value + ") is out of range for " + datatype);
        }
        return value;
    }

    @FunctionalInterface
    private interface IntElements {
        int get(int index);
    }

    @FunctionalInterface
    private interface LongElements {
        long get(int index);
    }
}
