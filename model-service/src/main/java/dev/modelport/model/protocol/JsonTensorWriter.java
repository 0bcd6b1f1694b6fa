package dev.modelport.model.protocol;

import dev.modelport.model.inference.Datatype;
import dev.modelport.model.inference.Tensor;
import java.nio.charset.StandardCharsets;
import tools.jackson.core.JsonGenerator;

/**
 * Writes a tensor's elements as one flat JSON array. Unsigned types are written as their unsigned values,
 * FP16 as the float its half bits stand for, BYTES as UTF-8 strings (bytes that are not UTF-8 become U+FFFD:
 * ask for such outputs in binary). JSON has no NaN or infinities, so those are written as the strings
 * {@code "NaN"}, {@code "Infinity"} and {@code "-Infinity"}, which strict parsers accept and numpy converts.
 */
final class JsonTensorWriter {

    private JsonTensorWriter() {
    }

    static void writeData(JsonGenerator json, Tensor tensor) {
        json.writeStartArray();
        switch (tensor.datatype()) {
            case BOOL -> writeBooleans(json, (boolean[]) tensor.data());
            case INT8, UINT8 -> writeBytes(json, (byte[]) tensor.data(), tensor.datatype() == Datatype.UINT8);
            case INT16, UINT16 -> writeShorts(json, (short[]) tensor.data(), tensor.datatype() == Datatype.UINT16);
            case INT32, UINT32 -> writeInts(json, (int[]) tensor.data(), tensor.datatype() == Datatype.UINT32);
            case INT64 -> writeLongs(json, (long[]) tensor.data());
            case UINT64 -> writeUnsignedLongs(json, (long[]) tensor.data());
            case FP16 -> writeHalves(json, (short[]) tensor.data());
            case FP32 -> writeFloats(json, (float[]) tensor.data());
            case FP64 -> writeDoubles(json, (double[]) tensor.data());
            case BYTES -> writeStrings(json, (byte[][]) tensor.data());
        }
        json.writeEndArray();
    }

    private static void writeBooleans(JsonGenerator json, boolean[] values) {
        for (boolean value : values) {
            json.writeBoolean(value);
        }
    }

    private static void writeBytes(JsonGenerator json, byte[] values, boolean unsigned) {
        for (byte value : values) {
            json.writeNumber(unsigned ? Byte.toUnsignedInt(value) : value);
        }
    }

    private static void writeShorts(JsonGenerator json, short[] values, boolean unsigned) {
        for (short value : values) {
            json.writeNumber(unsigned ? Short.toUnsignedInt(value) : value);
        }
    }

    private static void writeInts(JsonGenerator json, int[] values, boolean unsigned) {
        for (int value : values) {
            json.writeNumber(unsigned ? Integer.toUnsignedLong(value) : value);
        }
    }

    private static void writeLongs(JsonGenerator json, long[] values) {
        for (long value : values) {
            json.writeNumber(value);
        }
    }

    private static void writeHalves(JsonGenerator json, short[] values) {
        for (short bits : values) {
            writeFloat(json, Float.float16ToFloat(bits));
        }
    }

    private static void writeFloats(JsonGenerator json, float[] values) {
        for (float value : values) {
            writeFloat(json, value);
        }
    }

    private static void writeDoubles(JsonGenerator json, double[] values) {
        for (double value : values) {
            writeDouble(json, value);
        }
    }

    private static void writeStrings(JsonGenerator json, byte[][] values) {
        for (byte[] value : values) {
            json.writeString(new String(value, StandardCharsets.UTF_8));
        }
    }

    private static void writeUnsignedLongs(JsonGenerator json, long[] values) {
        for (long value : values) {
            if (value >= 0) {
                json.writeNumber(value);
            } else {
                json.writeNumber(Long.toUnsignedString(value));
            }
        }
    }

    private static void writeFloat(JsonGenerator json, float value) {
        if (Float.isFinite(value)) {
            json.writeNumber(value);
        } else {
            json.writeString(nonFinite(value));
        }
    }

    private static void writeDouble(JsonGenerator json, double value) {
        if (Double.isFinite(value)) {
            json.writeNumber(value);
        } else {
            json.writeString(nonFinite(value));
        }
    }

    private static String nonFinite(double value) {
        return Double.isNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity";
    }
}
