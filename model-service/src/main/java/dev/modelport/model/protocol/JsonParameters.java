package dev.modelport.model.protocol;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/** Reads a V2 {@code parameters} object: string, number and boolean values only, as the protocol allows. */
final class JsonParameters {

    private JsonParameters() {
    }

    /**
     * Reads the object at the parser's current token; null reads as no parameters.
     *
     * @param owner what the parameters belong to, for messages: "request", "input 'x'"
     */
    static Map<String, Object> read(JsonParser parser, String owner) {
        if (parser.currentToken() == JsonToken.VALUE_NULL) {
            return Map.of();
        }
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw new ProtocolException(owner + ": 'parameters' must be an object");
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        for (String name = parser.nextName(); name != null; name = parser.nextName()) {
            parameters.put(name, readValue(parser, parser.nextToken(), owner, name));
        }
        return parameters;
    }

    private static Object readValue(JsonParser parser, JsonToken token, String owner, String name) {
        return switch (token) {
            case VALUE_STRING -> parser.getString();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
            case VALUE_NUMBER_INT -> {
                if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                    throw new ProtocolException(owner + ": parameter '" + name + "' is out of range");
                }
                yield parser.getLongValue();
            }
            default -> throw new ProtocolException(owner + ": parameter '" + name
                    + "' must be a string, number or boolean");
        };
    }
}
