package org.plenum.gateway.engine.compose;

import graphql.language.Type;
import graphql.language.Value;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A supergraph field, argument, input field or enum value being composed (enum values have no type). */
final class MergedField {

    final String name;
    String description;
    Type<?> type;
    Value<?> defaultValue;
    final Map<String, MergedField> arguments = new LinkedHashMap<>();
    final List<String> directives = new ArrayList<>();
    /** {@code @inaccessible} and {@code @tag}: printed around the join directives, as composition does. */
    final List<String> composedDirectives = new ArrayList<>();

    MergedField(String name) {
        this.name = name;
    }
}
