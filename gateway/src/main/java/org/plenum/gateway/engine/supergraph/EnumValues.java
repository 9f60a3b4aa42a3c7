package org.plenum.gateway.engine.supergraph;

import graphql.language.Directive;
import graphql.language.Document;
import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValueDefinition;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * In which subgraphs each enum value exists (@join__enumValue, join v0.3+). Composition merges an output enum's values
 * by union, so a subgraph may lack some; it cannot produce them, which is harmless, but must not be sent them.
 */
public final class EnumValues {

    /** enum -> value -> subgraphs that define it; only enums where some subgraph defining the enum lacks a value */
    private final Map<String, Map<String, Set<String>>> partial;

    private EnumValues(Map<String, Map<String, Set<String>>> partial) {
        this.partial = partial;
    }

    static EnumValues read(Document document, LinkedSpecs specs) {
        String joinType = specs.prefixed("join", "type");
        String joinEnumValue = specs.prefixed("join", "enumValue");
        Map<String, Map<String, Set<String>>> partial = new HashMap<>();
        for (EnumTypeDefinition definition : document.getDefinitionsOfType(EnumTypeDefinition.class)) {
            Set<String> enumGraphs = graphs(definition.getDirectives(joinType));
            Map<String, Set<String>> byValue = new HashMap<>();
            boolean lacking = false;
            for (EnumValueDefinition value : definition.getEnumValueDefinitions()) {
                List<Directive> joins = value.getDirectives(joinEnumValue);
                // without @join__enumValue (older join versions) every subgraph defining the enum has the value
                Set<String> valueGraphs = joins.isEmpty() ? enumGraphs : graphs(joins);
                byValue.put(value.getName(), valueGraphs);
                lacking |= !valueGraphs.containsAll(enumGraphs);
            }
            if (lacking) {
                partial.put(definition.getName(), byValue);
            }
        }
        return new EnumValues(partial);
    }

    private static Set<String> graphs(List<Directive> joins) {
        Set<String> graphs = new LinkedHashSet<>();
        for (Directive join : joins) {
            String graph = Supergraph.enumValue(join, "graph");
            if (graph != null) {
                graphs.add(graph);
            }
        }
        return graphs;
    }

    /** Whether some subgraph that defines the enum lacks one of its values. */
    public boolean isPartial(String enumName) {
        return partial.containsKey(enumName);
    }

    /** Whether any enum has values only some of its subgraphs define. */
    public boolean anyPartial() {
        return !partial.isEmpty();
    }

    /** Whether the subgraph defines the value (a value the supergraph does not list is left to validation). */
    public boolean definedIn(String enumName, String value, String graph) {
        Map<String, Set<String>> byValue = partial.get(enumName);
        Set<String> graphs = byValue == null ? null : byValue.get(value);
        return graphs == null || graphs.contains(graph);
    }
}
