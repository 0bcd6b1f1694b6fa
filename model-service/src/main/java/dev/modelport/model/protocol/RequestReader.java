package dev.modelport.model.protocol;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamFactory;

/**
 * Reads the top level of a V2 request object: {@code id}, {@code parameters}, {@code inputs} and
 * {@code outputs}. Unknown fields are skipped, so newer clients keep working; null reads as absent for the
 * optional ones, since many serializers write absent fields as null.
 */
final class RequestReader {

    private final JsonParser parser;
    private final TokenStreamFactory factory;
    private final DecodeLimits limits;
    private final ElementBudget budget;
    private final boolean binaryAllowed;

    private String id;
    private Map<String, Object> parameters = Map.of();
    private final List<DecodedInput> inputs = new ArrayList<>();
    private final Set<String> requestedOutputs = new LinkedHashSet<>();
    private final List<String> binaryOutputs = new ArrayList<>();

    RequestReader(JsonParser parser, TokenStreamFactory factory, DecodeLimits limits, boolean binaryAllowed) {
        this.parser = parser;
        this.factory = factory;
        this.limits = limits;
        this.budget = new ElementBudget(limits);
        this.binaryAllowed = binaryAllowed;
    }

    DecodedRequest read() {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw new ProtocolException("request body must be a JSON object");
        }
        for (String field = parser.nextName(); field != null; field = parser.nextName()) {
            parser.nextToken();
            switch (field) {
                case "id" -> readId();
                case "parameters" -> parameters = JsonParameters.read(parser, "request");
                case "inputs" -> readInputs();
                case "outputs" -> readOutputs();
                default -> parser.skipChildren();
            }
        }
        if (parser.nextToken() != null) {
            throw new ProtocolException("request body has content after its JSON object");
        }
        if (inputs.isEmpty()) {
            throw new ProtocolException("request has no inputs");
        }
        return new DecodedRequest(id, parameters, inputs, List.copyOf(requestedOutputs), binaryOutputs);
    }

    private void readId() {
        switch (parser.currentToken()) {
            case VALUE_STRING -> id = parser.getString();
            case VALUE_NULL -> id = null;
            default -> throw new ProtocolException("'id' must be a string");
        }
    }

    private void readInputs() {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw new ProtocolException("'inputs' must be an array");
        }
        Set<String> names = new HashSet<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            if (inputs.size() == limits.maxInputs()) {
                throw new ProtocolException("request has more than " + limits.maxInputs() + " inputs");
            }
            DecodedInput input = new JsonTensorReader(parser, factory, budget, binaryAllowed, inputs.size()).read();
            if (!names.add(input.name())) {
                throw new ProtocolException(input.label() + " appears more than once");
            }
            inputs.add(input);
        }
    }

    private void readOutputs() {
        if (parser.currentToken() == JsonToken.VALUE_NULL) {
            return;
        }
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw new ProtocolException("'outputs' must be an array");
        }
        for (int index = 0; parser.nextToken() != JsonToken.END_ARRAY; index++) {
            readOutput(index);
        }
    }

    private void readOutput(int index) {
        String label = "outputs[" + index + "]";
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw new ProtocolException(label + " must be an object");
        }
        String name = null;
        Object binary = null;
        for (String field = parser.nextName(); field != null; field = parser.nextName()) {
            JsonToken value = parser.nextToken();
            switch (field) {
                case "name" -> {
                    if (value != JsonToken.VALUE_STRING) {
                        throw new ProtocolException(label + ": 'name' must be a string");
                    }
                    name = parser.getString();
                }
                case "parameters" -> binary = JsonParameters.read(parser, label).get("binary_data");
                default -> parser.skipChildren();
            }
        }
        if (name == null) {
            throw new ProtocolException(label + ": missing 'name'");
        }
        if (binary != null && !(binary instanceof Boolean)) {
            throw new ProtocolException("output '" + name + "': binary_data must be true or false");
        }
        if (!requestedOutputs.add(name)) {
            throw new ProtocolException("output '" + name + "' is requested more than once");
        }
        if (Boolean.TRUE.equals(binary)) {
            binaryOutputs.add(name);
        }
    }
}
