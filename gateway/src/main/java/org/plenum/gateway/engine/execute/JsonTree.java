package org.plenum.gateway.engine.execute;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/** In-place operations on the response tree of plain maps and lists. */
final class JsonTree {

    private static final String TYPE_CONDITION = "... on ";

    private JsonTree() {
    }

    /** Merges source into target; maps merge by key, lists of the same size item by item. */
    @SuppressWarnings("unchecked")
    static void merge(Map<String, Object> target, Map<String, Object> source) {
        for (Map.Entry<String, Object> entry : source.entrySet()) {
            Object existing = target.get(entry.getKey());
            Object value = entry.getValue();
            if (existing instanceof Map<?, ?> existingMap && value instanceof Map<?, ?> valueMap) {
                merge((Map<String, Object>) existingMap, (Map<String, Object>) valueMap);
            } else if (existing instanceof List<?> existingList && value instanceof List<?> valueList
                    && existingList.size() == valueList.size()) {
                mergeLists((List<Object>) existingList, (List<Object>) valueList);
            } else {
                target.put(entry.getKey(), value);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void mergeLists(List<Object> target, List<Object> source) {
        for (int i = 0; i < target.size(); i++) {
            Object existing = target.get(i);
            Object value = source.get(i);
            if (existing instanceof Map<?, ?> existingMap && value instanceof Map<?, ?> valueMap) {
                merge((Map<String, Object>) existingMap, (Map<String, Object>) valueMap);
            } else if (existing instanceof List<?> existingList && value instanceof List<?> valueList
                    && existingList.size() == valueList.size()) {
                mergeLists((List<Object>) existingList, (List<Object>) valueList);
            } else if (value != null || existing == null) {
                target.set(i, value);
            }
        }
    }

    /** Calls visitor with every object at the path (keys, "@" for list items, "... on T" filters). */
    static void objectsAt(Map<String, Object> root, List<String> path, Consumer<Map<String, Object>> visitor) {
        walk(root, path, 0, null, (object, ignored) -> visitor.accept(object));
    }

    /** Like {@link #objectsAt(Map, List, Consumer)}, with each object's response path. */
    static void objectsAt(Map<String, Object> root, List<String> path, BiConsumer<Map<String, Object>, List<Object>> visitor) {
        walk(root, path, 0, new ArrayList<>(), visitor);
    }

    @SuppressWarnings("unchecked")
    private static void walk(Object node, List<String> path, int index, List<Object> responsePath,
                             BiConsumer<Map<String, Object>, List<Object>> visitor) {
        if (node == null) {
            return;
        }
        if (index == path.size()) {
            if (node instanceof Map<?, ?> map) {
                visitor.accept((Map<String, Object>) map, responsePath == null ? null : List.copyOf(responsePath));
            } else if (node instanceof List<?> list) {
                walkItems(list, path, index, responsePath, visitor);
            }
            return;
        }
        String segment = path.get(index);
        if (segment.equals("@")) {
            if (node instanceof List<?> list) {
                walkItems(list, path, index + 1, responsePath, visitor);
            }
        } else if (segment.startsWith(TYPE_CONDITION)) {
            if (node instanceof Map<?, ?> map && segment.regionMatches(TYPE_CONDITION.length(),
                    String.valueOf(map.get("__typename")), 0, segment.length() - TYPE_CONDITION.length())
                    && String.valueOf(map.get("__typename")).length() == segment.length() - TYPE_CONDITION.length()) {
                walk(node, path, index + 1, responsePath, visitor);
            }
        } else if (node instanceof Map<?, ?> map) {
            if (responsePath == null) {
                walk(map.get(segment), path, index + 1, null, visitor);
                return;
            }
            responsePath.add(segment);
            walk(map.get(segment), path, index + 1, responsePath, visitor);
            responsePath.remove(responsePath.size() - 1);
        }
    }

    private static void walkItems(List<?> list, List<String> path, int index, List<Object> responsePath,
                                  BiConsumer<Map<String, Object>, List<Object>> visitor) {
        for (int i = 0; i < list.size(); i++) {
            if (responsePath == null) {
                walk(list.get(i), path, index, null, visitor);
                continue;
            }
            responsePath.add(i);
            walk(list.get(i), path, index, responsePath, visitor);
            responsePath.remove(responsePath.size() - 1);
        }
    }
}
