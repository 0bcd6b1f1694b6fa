package dev.modelport.model.protocol;

import dev.modelport.model.inference.Datatype;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.io.NumberInput;

/**
 * Turns the parser's current scalar token into one element of a datatype, checking that it fits. Floats are
 * parsed from the parser's own character buffer: Jackson's {@code getFloatValue()} would first make a String
 * of every number, which is most of the garbage a large tensor would otherwise produce.
 */
final class JsonElementDecoder {

    private static final BigInteger UINT64_LIMIT = BigInteger.ONE.shiftLeft(64);

    private final JsonParser parser;
    private final Datatype datatype;
    private final String input;

    JsonElementDecoder(JsonParser parser, Datatype datatype, String input) {
        this.parser = parser;
        this.datatype = datatype;
        this.input = input;
    }

    void decodeInto(ElementBuffer buffer) {
        switch (datatype) {
            case BOOL -> buffer.addBoolean(readBoolean(buffer));
            case UINT8 -> buffer.addByte((byte) readInteger(buffer, 0, 0xFF));
            case INT8 -> buffer.addByte((byte) readInteger(buffer, Byte.MIN_VALUE, Byte.MAX_VALUE));
            case UINT16 -> buffer.addShort((short) readInteger(buffer, 0, 0xFFFF));
            case INT16 -> buffer.addShort((short) readInteger(buffer, Short.MIN_VALUE, Short.MAX_VALUE));
            case UINT32 -> buffer.addInt((int) readInteger(buffer, 0, 0xFFFF_FFFFL));
            case INT32 -> buffer.addInt((int) readInteger(buffer, Integer.MIN_VALUE, Integer.MAX_VALUE));
            case INT64 -> buffer.addLong(readInteger(buffer, Long.MIN_VALUE, Long.MAX_VALUE));
            case UINT64 -> buffer.addLong(readUnsignedLong(buffer));
            case FP16 -> buffer.addShort(Float.floatToFloat16(readFloat(buffer)));
            case FP32 -> buffer.addFloat(readFloat(buffer));
            case FP64 -> buffer.addDouble(readDouble(buffer));
            case BYTES -> buffer.addBytes(readBytes(buffer));
        }
    }

    private boolean readBoolean(ElementBuffer buffer) {
        return switch (parser.currentToken()) {
            case VALUE_TRUE -> true;
            case VALUE_FALSE -> false;
            default -> throw wrongKind(buffer, "true or false");
        };
    }

    private long readInteger(ElementBuffer buffer, long min, long max) {
        if (parser.currentToken() != JsonToken.VALUE_NUMBER_INT) {
            throw wrongKind(buffer, "an integer");
        }
        if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            throw outOfRange(buffer);
        }
        long value = parser.getLongValue();
        if (value < min || value > max) {
            throw outOfRange(buffer);
        }
        return value;
    }

    /** UINT64 values above Long.MAX_VALUE are kept as their two's complement bits, as ONNX Runtime expects. */
    private long readUnsignedLong(ElementBuffer buffer) {
        if (parser.currentToken() != JsonToken.VALUE_NUMBER_INT) {
            throw wrongKind(buffer, "an integer");
        }
        if (parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
            long value = parser.getLongValue();
            if (value < 0) {
                throw outOfRange(buffer);
            }
            return value;
        }
        BigInteger value = parser.getBigIntegerValue();
        if (value.signum() < 0 || value.compareTo(UINT64_LIMIT) >= 0) {
            throw outOfRange(buffer);
        }
        return value.longValue();
    }

    private float readFloat(ElementBuffer buffer) {
        if (isPlainNumber()) {
            return NumberInput.parseFloat(parser.getTextCharacters(), parser.getTextOffset(),
                    parser.getTextLength(), true);
        }
        return (float) readSpecialDouble(buffer);
    }

    private double readDouble(ElementBuffer buffer) {
        if (isPlainNumber()) {
            return NumberInput.parseDouble(parser.getTextCharacters(), parser.getTextOffset(),
                    parser.getTextLength(), true);
        }
        return readSpecialDouble(buffer);
    }

    private boolean isPlainNumber() {
        return parser.currentToken().isNumeric() && !parser.isNaN();
    }

    /** NaN and the infinities, bare (as Python's json writes them) or as the strings our writer produces. */
    private double readSpecialDouble(ElementBuffer buffer) {
        JsonToken token = parser.currentToken();
        if (token.isNumeric()) {
            return parser.getDoubleValue();
        }
        if (token == JsonToken.VALUE_STRING) {
            switch (parser.getString()) {
                case "NaN" -> {
                    return Double.NaN;
                }
                case "Infinity" -> {
                    return Double.POSITIVE_INFINITY;
                }
                case "-Infinity" -> {
                    return Double.NEGATIVE_INFINITY;
                }
                default -> {
                    // a wrong kind of element, reported below
                }
            }
        }
        throw wrongKind(buffer, "a number");
    }

    private byte[] readBytes(ElementBuffer buffer) {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
            throw wrongKind(buffer, "a string");
        }
        return parser.getString().getBytes(StandardCharsets.UTF_8);
    }

    private ProtocolException wrongKind(ElementBuffer buffer, String expected) {
        return new ProtocolException(input + ": element " + buffer.size() + " of " + datatype + " data must be "
                + expected + ", not " + describeToken());
    }

    private ProtocolException outOfRange(ElementBuffer buffer) {
        return new ProtocolException(input + ": element " + buffer.size() + " (" + parser.getText()
                + ") is out of range for " + datatype);
    }

    private String describeToken() {
        return switch (parser.currentToken()) {
            case VALUE_STRING -> "the string \"" + abbreviate(parser.getString()) + "\"";
            case VALUE_NULL -> "null";
            default -> abbreviate(parser.getText());
        };
    }

    /** Echoing a huge string back in an error would make the error as large as the attack. */
    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
