package org.plenum.topics.service;

import io.smallrye.mutiny.Uni;
import org.plenum.topics.model.KeyedValue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

/** Turns the rows of one batched query back into one result per requested key, in the order of the keys. */
public final class Batches {

    private Batches() {
    }

    /**
     * For each key, its first values (at most {@code first}: 0 to {@value InputRules#PAGE_SIZE_MAX}, null for
     * {@value InputRules#NESTED_LIST_SIZE_DEFAULT}), read by one query for all keys that is given the keys and the checked size.
     */
    public static <K, V> Uni<List<List<V>>> firstPerKey(List<K> keys, Integer first,
            BiFunction<List<K>, Integer, Uni<List<KeyedValue<K, V>>>> query) {
        return Uni.createFrom().deferred(() -> {
            int size = InputRules.pageSize(first, InputRules.NESTED_LIST_SIZE_DEFAULT);
            return size == 0 ? Uni.createFrom().item(List.<KeyedValue<K, V>>of()) : query.apply(keys, size);
        }).map(rows -> groupByKey(keys, rows));
    }

    /** For each key, the values of the rows with that key (in row order); an empty list for keys without rows. */
    public static <K, V> List<List<V>> groupByKey(List<K> keys, List<KeyedValue<K, V>> rows) {
        Map<K, List<V>> byKey = new LinkedHashMap<>();
        for (KeyedValue<K, V> row : rows) {
            byKey.computeIfAbsent(row.key(), key -> new ArrayList<>()).add(row.value());
        }
        return keys.stream().map(key -> byKey.getOrDefault(key, List.of())).toList();
    }

    /**
     * Looks up items by their GraphQL ids with one query for all of them, answering in the order of the ids with
     * null where there is none (ids that cannot be ours never reach the database).
     */
    public static <V> Uni<List<V>> lookUp(List<String> ids, Function<List<Long>, Uni<List<V>>> query,
            Function<V, Long> idOf) {
        List<Long> keys = ids.stream().map(id -> Ids.parse(id).orElse(null)).toList();
        List<Long> known = keys.stream().filter(Objects::nonNull).distinct().toList();
        Uni<List<V>> found = known.isEmpty() ? Uni.createFrom().item(List.of()) : query.apply(known);
        return found.map(items -> matchByKey(keys, items, idOf));
    }

    /** For each key, the item with that id or null: the contract of federation entity resolvers. */
    static <K, V> List<V> matchByKey(List<K> keys, List<V> items, Function<V, K> idOf) {
        Map<K, V> byId = new LinkedHashMap<>();
        items.forEach(item -> byId.put(idOf.apply(item), item));
        List<V> result = new ArrayList<>(keys.size());
        keys.forEach(key -> result.add(key == null ? null : byId.get(key)));
        return result;
    }
}
