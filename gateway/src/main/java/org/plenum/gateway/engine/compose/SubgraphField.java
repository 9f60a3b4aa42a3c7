package org.plenum.gateway.engine.compose;

import graphql.language.Type;
import graphql.language.Value;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A field (or input field, or argument) of one subgraph type, with its federation directives resolved. */
final class SubgraphField {

    final String name;
    final String description;
    Type<?> type;
    final Value<?> defaultValue;
    final Map<String, SubgraphField> arguments = new LinkedHashMap<>();
    final boolean fromExtension;
    boolean external;
    boolean shareable;
    String requires;
    String provides;
    String overrideFrom;
    String overrideLabel;
    /** For an argument: where its value comes from instead of the client ({@code @fromContext}), else null. */
    FromContext fromContext;
    final List<AppliedDirectives.Applied> applied = new ArrayList<>();
    AccessDirectives.Access access = new AccessDirectives.Access();

    SubgraphField(String name, String description, Type<?> type, Value<?> defaultValue, boolean fromExtension) {
        this.name = name;
        this.description = description;
        this.type = type;
        this.defaultValue = defaultValue;
        this.fromExtension = fromExtension;
    }

    /** Whether some argument takes its value from a context. */
    boolean hasContextArguments() {
        return arguments.values().stream().anyMatch(argument -> argument.fromContext != null);
    }

    boolean isRequiredInput() {
        return type instanceof graphql.language.NonNullType && defaultValue == null;
    }
}
