package org.plenum.gateway.engine.execute;

import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLOutputType;
import org.plenum.gateway.engine.error.ErrorEntry;
import org.plenum.gateway.engine.json.JsonObject;
import org.plenum.gateway.engine.plan.ResponseShape;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the client's response from the merged subgraph data: exactly the requested fields in request
 * order under the client's keys, internal fields left out, nulls in non-null positions bubbled up to the
 * nearest nullable parent with an error.
 */
final class ResponseBuilder {

    private static final Object BUBBLE = new Object();
    private static final Map<String, Object> UNAUTHORIZED = Map.of("code", "UNAUTHORIZED_FIELD_OR_TYPE");

    private final List<Map<String, Object>> errors;
    private final Map<String, Object> introspection;
    /** The response path of the value being built: keys and list indexes, copied only when an error needs it. */
    private final List<Object> path = new ArrayList<>();
    /** the keys of each field list, shared by every object built of it */
    private final Map<ResponseShape.Field[], String[]> keys = new IdentityHashMap<>();

    ResponseBuilder(List<Map<String, Object>> errors, Map<String, Object> introspection) {
        this.errors = errors;
        this.introspection = introspection;
    }

    /** @return the client's data, or null when a null bubbled up to the root */
    @SuppressWarnings("unchecked")
    Map<String, Object> build(ResponseShape shape, Map<String, Object> data) {
        Object built = object(data, shape);
        return built == BUBBLE ? null : (Map<String, Object>) built;
    }

    private Object object(Map<String, Object> source, ResponseShape shape) {
        String runtimeType = shape.isAbstract() ? (String) source.get("__typename") : shape.staticType();
        if (runtimeType != null && shape.isAbstract() && !shape.byType().containsKey(runtimeType)
                && !runtimeType.equals(shape.staticType())) {
            // neither a possible type nor the interface itself (as an @interfaceObject subgraph names it): a type
            // the client's schema does not have, e.g. an @inaccessible one, so not a value the client can see
            return null;
        }
        ResponseShape.Field[] fields = shape.fieldsFor(runtimeType);
        JsonObject out = JsonObject.withKeys(keys.computeIfAbsent(fields, ResponseBuilder::keysOf));
        for (ResponseShape.Field field : fields) {
            switch (field.kind()) {
                case TYPENAME -> out.append(field.key(), runtimeType == null ? shape.staticType() : runtimeType);
                case INTROSPECTION -> out.append(field.key(), introspection == null ? null : introspection.get(field.key()));
                case DENIED -> {
                    addError("Unauthorized field or type: " + (runtimeType == null ? shape.staticType() : runtimeType) + "."
                            + field.name(), pathTo(field.key()), UNAUTHORIZED);
                    if (field.type() instanceof GraphQLNonNull) {
                        return BUBBLE;
                    }
                    out.append(field.key(), null);
                }
                case FIELD -> {
                    Object value = value(source.get(field.dataKey()), field.type(), field, field.key());
                    if (value == BUBBLE) {
                        return BUBBLE;
                    }
                    out.append(field.key(), value);
                }
            }
        }
        return out;
    }

    private static String[] keysOf(ResponseShape.Field[] fields) {
        String[] keys = new String[fields.length];
        for (int i = 0; i < fields.length; i++) {
            keys[i] = fields[i].key();
        }
        return keys;
    }

    /** The value at the current path + {@code segment}. */
    @SuppressWarnings("unchecked")
    private Object value(Object raw, GraphQLOutputType type, ResponseShape.Field field, Object segment) {
        if (type instanceof GraphQLNonNull nonNull) {
            Object value = raw == null ? null : value(raw, (GraphQLOutputType) nonNull.getWrappedType(), field, segment);
            if (value == null) {
                if (raw == null) {
                    nullError(field, pathTo(segment));
                }
                return BUBBLE;
            }
            return value;
        }
        if (raw == null) {
            return null;
        }
        if (type instanceof GraphQLList list) {
            if (!(raw instanceof List<?> items)) {
                return null;
            }
            List<Object> out = new ArrayList<>(items.size());
            GraphQLOutputType itemType = (GraphQLOutputType) list.getWrappedType();
            path.add(segment);
            try {
                for (int i = 0; i < items.size(); i++) {
                    Object item = value(items.get(i), itemType, field, i);
                    if (item == BUBBLE) {
                        return null;
                    }
                    out.add(item);
                }
            } finally {
                path.remove(path.size() - 1);
            }
            return out;
        }
        if (field.sub() != null) {
            if (!(raw instanceof Map<?, ?> map)) {
                return null;
            }
            path.add(segment);
            try {
                Object built = object((Map<String, Object>) map, field.sub());
                return built == BUBBLE ? null : built;
            } finally {
                path.remove(path.size() - 1);
            }
        }
        if (type instanceof GraphQLEnumType enumType && !(raw instanceof String name && enumType.getValue(name) != null)) {
            // e.g. an @inaccessible value a subgraph still returns: the client's schema does not have it
            addError("Invalid value for enum " + enumType.getName() + " in field " + field.name(), pathTo(segment));
            return null;
        }
        return raw;
    }

    private List<Object> pathTo(Object segment) {
        List<Object> segments = new ArrayList<>(path.size() + 1);
        segments.addAll(path);
        segments.add(segment);
        return segments;
    }

    private void addError(String message, List<Object> segments) {
        addError(message, segments, null);
    }

    private void addError(String message, List<Object> segments, Map<String, Object> extensions) {
        errors.add(ErrorEntry.message(message).path(segments).extensions(extensions).build());
    }

    /** Adds the spec's error, unless an error already explains this null (same path, a parent's, or a failed fetch). */
    private void nullError(ResponseShape.Field field, List<Object> segments) {
        for (Map<String, Object> error : errors) {
            Object errorPath = error.get("path");
            if (!(errorPath instanceof List<?> existing)) {
                return;
            }
            int common = Math.min(existing.size(), segments.size());
            if (existing.subList(0, common).equals(segments.subList(0, common))) {
                return;
            }
        }
        addError("Cannot return null for non-nullable field " + field.name(), segments);
    }
}
