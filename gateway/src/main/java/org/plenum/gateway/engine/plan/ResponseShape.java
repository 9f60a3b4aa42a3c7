package org.plenum.gateway.engine.plan;

import graphql.schema.GraphQLOutputType;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The client's selection, compiled once per plan: for each position the fields to output per runtime type,
 * in request order, with their API schema types for non-null checks.
 *
 * @param staticType the position's type in the API schema
 * @param isAbstract whether the runtime type comes from the data's __typename
 * @param byType     fields per possible runtime type
 * @param fallback   fields when the runtime type is unknown to the API schema (interface fields only)
 */
public record ResponseShape(String staticType, boolean isAbstract, Map<String, Field[]> byType, Field[] fallback) {

    /** DENIED: removed from the operation because the caller may not see it; null with an error in the response. */
    public enum Kind { FIELD, TYPENAME, INTROSPECTION, DENIED }

    /** One output field: {@code key} in the response, {@code dataKey} in the merged subgraph data; {@code sub} is null for leaves. */
    public record Field(String key, String dataKey, String name, Kind kind, GraphQLOutputType type, ResponseShape sub) {
    }

    public Field[] fieldsFor(String runtimeType) {
        Field[] fields = byType.get(runtimeType);
        return fields == null ? fallback : fields;
    }

    /**
     * This shape (of the operation as sent) with every field that {@code allowed} (the shape of what the caller may
     * run) lacks marked {@link Kind#DENIED}.
     */
    public ResponseShape restrictedTo(ResponseShape allowed) {
        // shapes share their children's shapes: restrict each shared pair once
        return restrictedTo(allowed, new IdentityHashMap<>());
    }

    private ResponseShape restrictedTo(ResponseShape allowed, Map<ResponseShape, Map<ResponseShape, ResponseShape>> done) {
        Map<ResponseShape, ResponseShape> byAllowed = done.computeIfAbsent(this, sent -> new IdentityHashMap<>());
        ResponseShape known = byAllowed.get(allowed);
        if (known != null) {
            return known;
        }
        Map<String, Field[]> restricted = new LinkedHashMap<>();
        byType.forEach((type, fields) -> restricted.put(type, restrict(fields, allowed.byType.get(type), done)));
        ResponseShape result = new ResponseShape(staticType, isAbstract, restricted, restrict(fallback, allowed.fallback, done));
        byAllowed.put(allowed, result);
        return result;
    }

    private static Field[] restrict(Field[] sent, Field[] allowed, Map<ResponseShape, Map<ResponseShape, ResponseShape>> done) {
        Map<String, Field> allowedByKey = new HashMap<>();
        for (Field field : allowed == null ? new Field[0] : allowed) {
            allowedByKey.put(field.key(), field);
        }
        Field[] restricted = new Field[sent.length];
        for (int i = 0; i < sent.length; i++) {
            Field field = sent[i];
            Field kept = allowedByKey.get(field.key());
            if (kept == null) {
                restricted[i] = new Field(field.key(), field.dataKey(), field.name(), Kind.DENIED, field.type(), null);
            } else {
                restricted[i] = field.sub() == null || kept.sub() == null ? field : new Field(field.key(), field.dataKey(),
                        field.name(), field.kind(), field.type(), field.sub().restrictedTo(kept.sub(), done));
            }
        }
        return restricted;
    }

    public boolean hasIntrospection() {
        for (Field field : fallback) {
            if (field.kind() == Kind.INTROSPECTION) {
                return true;
            }
        }
        return false;
    }
}
