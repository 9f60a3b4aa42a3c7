package org.plenum.gateway.engine.plan;

import graphql.schema.GraphQLOutputType;

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

    public enum Kind { FIELD, TYPENAME, INTROSPECTION }

    /** One output field: {@code key} in the response, {@code dataKey} in the merged subgraph data; {@code sub} is null for leaves. */
    public record Field(String key, String dataKey, String name, Kind kind, GraphQLOutputType type, ResponseShape sub) {
    }

    public Field[] fieldsFor(String runtimeType) {
        Field[] fields = byType.get(runtimeType);
        return fields == null ? fallback : fields;
    }

    boolean hasIntrospection() {
        for (Field field : fallback) {
            if (field.kind() == Kind.INTROSPECTION) {
                return true;
            }
        }
        return false;
    }
}
