package org.plenum.gateway.engine.compose;

import graphql.language.DirectiveDefinition;
import graphql.language.DirectiveLocation;

import java.util.List;
import java.util.Set;

/**
 * A directive a subgraph accepts in operations (e.g. {@code directive @trace on FIELD}). Composition keeps it
 * when every subgraph defines it, with the executable locations they have in common, so clients may use it.
 */
record ExecutableDirective(String name, String description, boolean repeatable, List<String> locations,
        SubgraphField signature) {

    private static final Set<String> EXECUTABLE_LOCATIONS = Set.of("QUERY", "MUTATION", "SUBSCRIPTION", "FIELD",
            "FRAGMENT_DEFINITION", "FRAGMENT_SPREAD", "INLINE_FRAGMENT", "VARIABLE_DEFINITION");
    /** Federation, link and built-in directives: never composed as executable directives. */
    private static final Set<String> NOT_COMPOSED = Set.of("key", "external", "requires", "provides", "extends",
            "shareable", "tag", "inaccessible", "override", "link", "composeDirective", "interfaceObject",
            "authenticated", "requiresScopes", "policy", "context", "fromContext", "cost", "listSize",
            "include", "skip", "deprecated", "specifiedBy", "defer", "stream", "oneOf");

    /** The executable part of a directive definition, or null if it has none or is not a composed one. */
    static ExecutableDirective of(DirectiveDefinition definition, LinkedSpecs specs, SubgraphField signature) {
        String name = definition.getName();
        if (NOT_COMPOSED.contains(name) || (specs.isFederation2() && specs.canonicalDirective(name) != null)
                || specs.isSpecType(name)) {
            return null;
        }
        List<String> locations = definition.getDirectiveLocations().stream()
                .map(DirectiveLocation::getName)
                .filter(EXECUTABLE_LOCATIONS::contains)
                .sorted()
                .toList();
        if (locations.isEmpty()) {
            return null;
        }
        String description = definition.getDescription() == null ? null : definition.getDescription().getContent();
        return new ExecutableDirective(name, description, definition.isRepeatable(), locations, signature);
    }
}
