package dev.modelport.model.protocol;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Walks an input's {@code data} array, nested or flat, and hands each scalar to a decoder in row-major order.
 * Only the total count is checked against the shape; how the client nested its arrays does not matter, as in
 * Triton.
 */
final class JsonDataReader {

    private JsonDataReader() {
    }

    /**
     * Reads from the parser's current START_ARRAY through its matching END_ARRAY. When the buffer is full,
     * a growable buffer's overflow is an error at once; an exact buffer's extra elements are only counted, so
     * the mismatch error can say how many there were.
     *
     * @return how many elements did not fit the exact buffer
     */
    static long read(JsonParser parser, JsonElementDecoder decoder, ElementBuffer buffer, Runnable onOverflow,
                     String input) {
        requireArray(parser, input);
        long extra = 0;
        int depth = 0;
        while (true) {
            JsonToken token = parser.nextToken();
            if (token == JsonToken.START_ARRAY) {
                depth++;
            } else if (token == JsonToken.END_ARRAY) {
                if (depth-- == 0) {
                    return extra;
                }
            } else if (token == JsonToken.START_OBJECT) {
                throw new ProtocolException(input + ": 'data' must hold arrays and scalars, not objects");
            } else if (buffer.isFull()) {
                onOverflow.run();
                extra++;
            } else {
                decoder.decodeInto(buffer);
            }
        }
    }

    static void requireArray(JsonParser parser, String input) {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw new ProtocolException(input + ": 'data' must be an array");
        }
    }
}
