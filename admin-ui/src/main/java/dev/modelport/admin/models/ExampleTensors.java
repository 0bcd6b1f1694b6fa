package dev.modelport.admin.models;

import dev.modelport.admin.models.ModelRecords.Tensor;
import dev.modelport.admin.models.ModelRecords.TensorSpec;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Example inputs for a signature, and the JSON an admin edits turned into V2 tensors. */
final class ExampleTensors {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ExampleTensors() {
    }

    /** Nested JSON arrays of the input's shape, symbolic dimensions as 1, filled with zeros. */
    static String example(TensorSpec input) {
        List<Long> shape = input.shape() == null ? List.of() : input.shape();
        StringBuilder json = new StringBuilder();
        nest(json, shape, 0, zero(input.datatype()));
        return json.toString();
    }

    private static void nest(StringBuilder json, List<Long> shape, int dimension, String zero) {
        if (dimension == shape.size()) {
            json.append(zero);
            return;
        }
        long size = shape.get(dimension) < 0 ? 1 : shape.get(dimension);
        json.append('[');
        for (long i = 0; i < size; i++) {
            if (i > 0) {
                json.append(", ");
            }
            nest(json, shape, dimension + 1, zero);
        }
        json.append(']');
    }

    private static String zero(String datatype) {
        return switch (datatype == null ? "" : datatype) {
            case "BOOL" -> "false";
            case "BYTES" -> "\"\"";
            case "FP16", "FP32", "FP64" -> "0.0";
            default -> "0";
        };
    }

    /** The tensor a JSON value of nested arrays stands for: its shape from the nesting, its data flat. */
    static Tensor parse(TensorSpec input, String text) {
        JsonNode value;
        try {
            value = JSON.readTree(text);
        } catch (JacksonException notJson) {
            throw new IllegalArgumentException(input.name() + ": not JSON (" + notJson.getOriginalMessage() + ")");
        }
        if (value == null || value.isMissingNode()) {
            throw new IllegalArgumentException(input.name() + ": enter a value");
        }
        List<Long> shape = new ArrayList<>();
        for (JsonNode level = value; level.isArray(); level = level.get(0)) {
            shape.add((long) level.size());
            if (level.isEmpty()) {
                break;
            }
        }
        List<Object> data = new ArrayList<>();
        flatten(input.name(), value, shape, 0, data);
        return new Tensor(input.name(), shape, input.datatype(), data);
    }

    private static void flatten(String name, JsonNode value, List<Long> shape, int dimension, List<Object> data) {
        if (dimension == shape.size()) {
            if (value.isArray() || value.isObject()) {
                throw new IllegalArgumentException(name + ": arrays must be rectangular");
            }
            data.add(value.isNumber() ? value.numberValue() : value.isBoolean() ? value.asBoolean() : value.asString());
            return;
        }
        if (!value.isArray() || value.size() != shape.get(dimension)) {
            throw new IllegalArgumentException(name + ": arrays must be rectangular");
        }
        for (JsonNode element : value) {
            flatten(name, element, shape, dimension + 1, data);
        }
    }
}
