package org.plenum.deploy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Null-tolerant navigation in the maps and lists that a YAML parser returns. */
final class Tree {

    private Tree() {
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

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node) {
        return node instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> maps(Object node) {
        return node instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }

    static Map<String, String> stringMap(Object node) {
        Map<String, String> strings = new LinkedHashMap<>();
        map(node).forEach((key, value) -> strings.put(key, String.valueOf(value)));
        return strings;
    }
}
