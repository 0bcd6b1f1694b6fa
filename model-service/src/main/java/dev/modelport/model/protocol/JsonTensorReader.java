package dev.modelport.model.protocol;

import dev.modelport.model.inference.Datatype;
import java.util.Arrays;
import java.util.Map;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamFactory;

/**
 * Reads one object of {@code inputs}, whatever order its fields come in. With shape and datatype first (the
 * usual order) the elements go straight into an array of the declared size, allocated only after the
 * budget accepts the shape; otherwise into a buffer capped by the budget, checked once the shape arrives.
 */
final class JsonTensorReader {

    /** Far above any real model's rank; it only bounds what a hostile shape can make us allocate. */
    static final int MAX_RANK = 64;

    private final JsonParser parser;
    private final TokenStreamFactory factory;
    private final ElementBudget budget;
    private final boolean binaryAllowed;

    private String label;
    private String name;
    private Datatype datatype;
    private long[] shape;
    private int count = -1;
    private ElementBuffer buffer;
    private long extraElements;
    private DeferredData deferred;
    private long binaryDataSize = -1;

    JsonTensorReader(JsonParser parser, TokenStreamFactory factory, ElementBudget budget, boolean binaryAllowed,
                     int index) {
        this.parser = parser;
        this.factory = factory;
        this.budget = budget;
        this.binaryAllowed = binaryAllowed;
        this.label = "inputs[" + index + "]";
    }

    /** Reads from the parser's current token, which starts the input's object, through its end. */
    DecodedInput read() {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw new ProtocolException(label + " must be an object");
        }
        for (String field = parser.nextName(); field != null; field = parser.nextName()) {
            parser.nextToken();
            switch (field) {
                case "name" -> readName();
                case "datatype" -> readDatatype();
                case "shape" -> readShape();
                case "data" -> readData();
                case "parameters" -> readParameters();
                default -> parser.skipChildren();
            }
        }
        return finish();
    }

    private void readName() {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
            throw new ProtocolException(label + ": 'name' must be a string");
        }
        name = parser.getString();
        label = "input '" + name + "'";
    }

    private void readDatatype() {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
            throw new ProtocolException(label + ": 'datatype' must be a string");
        }
        String text = parser.getString();
        datatype = Datatype.parse(text).orElseThrow(() -> new ProtocolException(label + ": unknown datatype '"
                + text + "'; expected one of " + Arrays.toString(Datatype.values())));
    }

    private void readShape() {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw new ProtocolException(label + ": 'shape' must be an array of non-negative integers");
        }
        long[] dims = new long[8];
        int rank = 0;
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            if (token != JsonToken.VALUE_NUMBER_INT || parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                    || parser.getLongValue() < 0) {
                throw new ProtocolException(label + ": 'shape' must be an array of non-negative integers, got "
                        + (token.isScalarValue() ? parser.getText() : "a nested array or object"));
            }
            if (rank == MAX_RANK) {
                throw new ProtocolException(label + ": 'shape' has more than " + MAX_RANK + " dimensions");
            }
            if (rank == dims.length) {
                dims = Arrays.copyOf(dims, 2 * rank);
            }
            dims[rank++] = parser.getLongValue();
        }
        shape = Arrays.copyOf(dims, rank);
    }

    private void readData() {
        JsonDataReader.requireArray(parser, label);
        String input = label;
        Runnable overBudget = () -> {
            throw budget.exceeded(input);
        };
        if (datatype == null) {
            deferred = DeferredData.copy(parser, factory, budget.remainingForNextTensor(), overBudget, label);
            return;
        }
        if (shape != null) {
            count = budget.reserve(label, shape);
            buffer = ElementBuffer.exact(datatype, count);
            extraElements = JsonDataReader.read(parser, decoder(), buffer, () -> { }, label);
        } else {
            buffer = ElementBuffer.growable(datatype, budget.remainingForNextTensor());
            JsonDataReader.read(parser, decoder(), buffer, overBudget, label);
        }
    }

    private JsonElementDecoder decoder() {
        return new JsonElementDecoder(parser, datatype, label);
    }

    private void readParameters() {
        Map<String, Object> parameters = JsonParameters.read(parser, label);
        Object size = parameters.get("binary_data_size");
        if (size == null) {
            return;
        }
        if (!(size instanceof Long bytes) || bytes < 0) {
            throw new ProtocolException(label + ": binary_data_size must be a non-negative integer");
        }
        binaryDataSize = bytes;
    }

    private DecodedInput finish() {
        if (name == null) {
            throw new ProtocolException(label + ": missing 'name'");
        }
        requirePresent(datatype, "datatype");
        requirePresent(shape, "shape");
        boolean hasData = buffer != null || deferred != null;
        if (hasData && binaryDataSize >= 0) {
            throw new ProtocolException(label + ": has both 'data' and binary_data_size");
        }
        if (!hasData && binaryDataSize < 0) {
            throw new ProtocolException(label + ": missing 'data'");
        }
        if (!hasData && !binaryAllowed) {
            throw new ProtocolException(label + ": binary_data_size needs the binary tensor extension"
                    + " (an Inference-Header-Content-Length header)");
        }
        if (count < 0) {
            count = budget.reserve(label, shape);
        }
        if (!hasData) {
            BinaryTensorCodec.checkSize(label, datatype, shape, count, binaryDataSize);
            return decoded(null);
        }
        if (buffer != null) {
            requireCount(buffer.size() + extraElements);
            return decoded(buffer.toArray());
        }
        requireCount(deferred.count());
        return decoded(deferred.decode(datatype, ElementBuffer.exact(datatype, count), label));
    }

    private void requirePresent(Object field, String fieldName) {
        if (field == null) {
            throw new ProtocolException(label + ": missing '" + fieldName + "'");
        }
    }

    private void requireCount(long actual) {
        if (actual != count) {
            throw new ProtocolException(label + ": shape " + Shapes.format(shape) + " needs " + count
                    + " elements, data has " + actual);
        }
    }

    private DecodedInput decoded(Object data) {
        return new DecodedInput(label, name, datatype, shape, count, data, binaryDataSize);
    }
}
