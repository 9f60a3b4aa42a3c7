package org.plenum.gateway.engine.execute;

import org.plenum.gateway.engine.json.JsonValues;
import org.plenum.gateway.engine.plan.PathSegment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/** In-place operations on the response tree of plain maps and lists. */
final class JsonTree {

    private JsonTree() {
    }

    /**
     * Merges source into target; maps merge by key, lists of the same size item by item.
     *
     * @param shared whether source is shared with others: then the objects and lists target takes from it are
     *               copies (later merges change them), its plain values are not (nobody changes those)
     */
    @SuppressWarnings("unchecked")
    static void merge(Map<String, Object> target, Map<String, Object> source, boolean shared) {
        for (Map.Entry<String, Object> entry : source.entrySet()) {
            Object existing = target.get(entry.getKey());
            Object value = entry.getValue();
            if (existing instanceof Map<?, ?> existingMap && value instanceof Map<?, ?> valueMap) {
                merge((Map<String, Object>) existingMap, (Map<String, Object>) valueMap, shared);
            } else if (existing instanceof List<?> existingList && value instanceof List<?> valueList
                    && existingList.size() == valueList.size()) {
                mergeLists((List<Object>) existingList, (List<Object>) valueList, shared);
            } else {
                target.put(entry.getKey(), shared ? JsonValues.deepCopy(value) : value);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void mergeLists(List<Object> target, List<Object> source, boolean shared) {
        for (int i = 0; i < target.size(); i++) {
            Object existing = target.get(i);
            Object value = source.get(i);
            if (existing instanceof Map<?, ?> existingMap && value instanceof Map<?, ?> valueMap) {
                merge((Map<String, Object>) existingMap, (Map<String, Object>) valueMap, shared);
            } else if (existing instanceof List<?> existingList && value instanceof List<?> valueList
                    && existingList.size() == valueList.size()) {
                mergeLists((List<Object>) existingList, (List<Object>) valueList, shared);
            } else if (value != null || existing == null) {
                target.set(i, shared ? JsonValues.deepCopy(value) : value);
            }
        }
    }

    /** Calls visitor with every object at the path. */
    static void objectsAt(Map<String, Object> root, List<PathSegment> path, Consumer<Map<String, Object>> visitor) {
        walk(root, path, 0, null, (object, ignored) -> visitor.accept(object));
    }

    /** Like {@link #objectsAt(Map, List, Consumer)}, with each object's response path. */
    static void objectsAt(Map<String, Object> root, List<PathSegment> path, BiConsumer<Map<String, Object>, List<Object>> visitor) {
        walk(root, path, 0, new ArrayList<>(), visitor);
    }

    /**
     * Like {@link #objectsAt(Map, List, Consumer)}, with the objects on the way to each: by how many segments of the
     * path lead to them, for each of {@code ancestorLengths} (ascending; an object of the path must be there).
     */
    static void objectsWithAncestors(Map<String, Object> root, List<PathSegment> path, List<Integer> ancestorLengths,
                                     BiConsumer<Map<String, Object>, Map<Integer, Map<String, Object>>> visitor) {
        withAncestors(root, path, 0, ancestorLengths, 0, new HashMap<>(), visitor);
    }

    private static void withAncestors(Map<String, Object> from, List<PathSegment> path, int start,
                                      List<Integer> ancestorLengths, int next, Map<Integer, Map<String, Object>> ancestors,
                                      BiConsumer<Map<String, Object>, Map<Integer, Map<String, Object>>> visitor) {
        if (next == ancestorLengths.size()) {
            objectsAt(from, path.subList(start, path.size()), object -> visitor.accept(object, ancestors));
            return;
        }
        int length = ancestorLengths.get(next);
        objectsAt(from, path.subList(start, length), ancestor -> {
            ancestors.put(length, ancestor);
            withAncestors(ancestor, path, length, ancestorLengths, next + 1, ancestors, visitor);
        });
    }

    @SuppressWarnings("unchecked")
    private static void walk(Object node, List<PathSegment> path, int index, List<Object> responsePath,
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
        PathSegment segment = path.get(index);
        if (segment instanceof PathSegment.Items) {
            if (node instanceof List<?> list) {
                walkItems(list, path, index + 1, responsePath, visitor);
            }
        } else if (segment instanceof PathSegment.TypeCondition condition) {
            if (node instanceof Map<?, ?> map && condition.type().equals(map.get("__typename"))) {
                walk(node, path, index + 1, responsePath, visitor);
            }
        } else if (segment instanceof PathSegment.Key key && node instanceof Map<?, ?> map) {
            if (responsePath == null) {
                walk(map.get(key.key()), path, index + 1, null, visitor);
                return;
            }
            responsePath.add(key.key());
            walk(map.get(key.key()), path, index + 1, responsePath, visitor);
            responsePath.remove(responsePath.size() - 1);
        }
    }

    private static void walkItems(List<?> list, List<PathSegment> path, int index, List<Object> responsePath,
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
