package org.plenum.gateway.engine.compose;

import graphql.language.DirectiveDefinition;
import graphql.language.DirectiveLocation;

import java.util.List;
import java.util.Set;

/**
 * A directive a subgraph defines itself (not a federation, link or built-in one). Composition keeps its
 * executable locations when every subgraph defines it, so clients may use it in operations; with
 * {@code @composeDirective} it keeps the whole definition and the applications.
 */
record SubgraphDirective(String name, String description, boolean repeatable, List<String> locations,
        SubgraphField signature) {

    private static final Set<String> EXECUTABLE_LOCATIONS = Set.of("QUERY", "MUTATION", "SUBSCRIPTION", "FIELD",
            "FRAGMENT_DEFINITION", "FRAGMENT_SPREAD", "INLINE_FRAGMENT", "VARIABLE_DEFINITION");
    /** Federation, link and built-in directives: never composed as a subgraph's own directives. */
    private static final Set<String> NOT_COMPOSED = Set.of("key", "external", "requires", "provides", "extends",
            "shareable", "tag", "inaccessible", "override", "link", "composeDirective", "interfaceObject",
            "authenticated", "requiresScopes", "policy", "context", "fromContext", "cost", "listSize",
            "include", "skip", "deprecated", "specifiedBy", "defer", "stream", "oneOf");

    /** The subgraph's own directive, or null for a federation, link or built-in one. */
    static SubgraphDirective of(DirectiveDefinition definition, LinkedSpecs specs, SubgraphField signature) {
        String name = definition.getName();
        if (NOT_COMPOSED.contains(name) || (specs.isFederation2() && specs.canonicalDirective(name) != null)
                || specs.isSpecType(name)) {
            return null;
        }
        List<String> locations = definition.getDirectiveLocations().stream().map(DirectiveLocation::getName).toList();
        String description = definition.getDescription() == null ? null : definition.getDescription().getContent();
        return new SubgraphDirective(name, description, definition.isRepeatable(), locations, signature);
    }

    /** The locations where operations may use it, sorted. */
    List<String> executableLocations() {
        return locations.stream().filter(EXECUTABLE_LOCATIONS::contains).sorted().toList();
    }
}
