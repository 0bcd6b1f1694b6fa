package dev.modelport.model.protocol;

import dev.modelport.model.inference.Datatype;
import java.io.ByteArrayOutputStream;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamFactory;

/**
 * An input's {@code data} seen before its {@code datatype} (as with clients that sort keys), so it cannot be
 * decoded yet. It is kept as compact JSON text, counted but not boxed, and decoded once the datatype is
 * known. Clients that write data last never take this slower path.
 */
final class DeferredData {

    private final TokenStreamFactory factory;
    private final byte[] json;
    private final long count;

    private DeferredData(TokenStreamFactory factory, byte[] json, long count) {
        this.factory = factory;
        this.json = json;
        this.count = count;
    }

    /** Copies the array at the parser's current token; more than {@code limit} scalars is an error. */
    static DeferredData copy(JsonParser parser, TokenStreamFactory factory, int limit, Runnable onOverflow,
                             String input) {
        JsonDataReader.requireArray(parser, input);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        long count = 0;
        try (JsonGenerator copy = factory.createGenerator(bytes, JsonEncoding.UTF8)) {
            copy.writeStartArray();
            int depth = 0;
            while (true) {
                JsonToken token = parser.nextToken();
                switch (token) {
                    case START_ARRAY -> {
                        depth++;
                        copy.writeStartArray();
                    }
                    case END_ARRAY -> {
                        copy.writeEndArray();
                        if (depth-- == 0) {
                            return new DeferredData(factory, finish(copy, bytes), count);
                        }
                    }
                    case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_STRING, VALUE_TRUE, VALUE_FALSE, VALUE_NULL -> {
                        if (count == limit) {
                            onOverflow.run();
                        }
                        count++;
                        copyScalar(parser, copy, token);
                    }
                    default -> throw new ProtocolException(
                            input + ": 'data' must hold arrays and scalars, not objects");
                }
            }
        }
    }

    /** Numbers are copied as their text, so re-parsing them rounds exactly as reading them directly would. */
    private static void copyScalar(JsonParser parser, JsonGenerator copy, JsonToken token) {
        if (token.isNumeric()) {
            copy.writeNumber(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
        } else {
            copy.copyCurrentEvent(parser);
        }
    }

    private static byte[] finish(JsonGenerator copy, ByteArrayOutputStream bytes) {
        copy.flush();
        return bytes.toByteArray();
    }

    long count() {
        return count;
    }

    /** Decodes the copy into an exact buffer; the caller has checked {@link #count()} against the shape. */
    Object decode(Datatype datatype, ElementBuffer buffer, String input) {
        try (JsonParser parser = factory.createParser(json)) {
            parser.nextToken();
            JsonDataReader.read(parser, new JsonElementDecoder(parser, datatype, input), buffer, () -> { }, input);
            return buffer.toArray();
        }
    }
}
