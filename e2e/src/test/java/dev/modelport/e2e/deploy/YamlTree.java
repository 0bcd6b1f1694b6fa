package dev.modelport.e2e.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * YAML as SnakeYAML's safe loader reads it (merge keys resolved, every document of a file), with
 * accessors that answer empty instead of throwing on a missing or differently shaped node.
 */
final class YamlTree {

    private YamlTree() {
    }

    /** Every document, in order; empty documents (a trailing {@code ---}) are left out. */
    static List<Object> loadAll(String yaml) {
        List<Object> documents = new ArrayList<>();
        for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(yaml)) {
            if (document != null) {
                documents.add(document);
            }
        }
        return documents;
    }

    static Object at(Object node, String... path) {
        Object current = node;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return current;
    }

    static Map<String, Object> map(Object node) {
        Map<String, Object> result = new LinkedHashMap<>();
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> result.put(String.valueOf(key), value));
        }
        return result;
    }

    static List<Object> list(Object node) {
        return node instanceof List<?> list ? new ArrayList<>(list) : List.of();
    }

    /** The maps in a list, skipping anything else. */
    static List<Map<String, Object>> maps(Object node) {
        return list(node).stream().filter(Map.class::isInstance).map(YamlTree::map).toList();
    }

    /** A scalar as text ({@code 8080} and {@code "8080"} alike), or null. */
    static String text(Object node, String... path) {
        Object value = at(node, path);
        return value == null || value instanceof Map || value instanceof List ? null : String.valueOf(value);
    }

    static Map<String, String> textMap(Object node) {
        Map<String, String> result = new LinkedHashMap<>();
        map(node).forEach((key, value) -> result.put(key, value == null ? "" : String.valueOf(value)));
        return result;
    }
}
