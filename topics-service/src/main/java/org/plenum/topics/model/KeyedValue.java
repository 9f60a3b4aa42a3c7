package org.plenum.topics.model;

/** A row of a batched one-to-many lookup: {@code value} belongs to the item whose id is {@code key}. */
public record KeyedValue<K, V>(K key, V value) {
}
