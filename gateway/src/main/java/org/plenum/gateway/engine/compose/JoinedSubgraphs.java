package org.plenum.gateway.engine.compose;

import graphql.language.Field;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import org.plenum.gateway.engine.supergraph.FieldMeta;
import org.plenum.gateway.engine.supergraph.SubgraphInfo;
import org.plenum.gateway.engine.supergraph.Supergraph;
import org.plenum.gateway.engine.supergraph.TypeMeta;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The subgraphs as a composed supergraph's join directives describe them (what Apollo extracts from it to check
 * satisfiability): which types and fields each defines, resolves or only declares, and their keys. Graphs are named
 * by their join__Graph value.
 */
final class JoinedSubgraphs {

    private final Supergraph supergraph;
    private final List<String> graphs;
    private final Set<String> rootTypes;
    private final Map<String, Set<String>> interfaces = new HashMap<>();

    JoinedSubgraphs(Supergraph supergraph, Set<String> rootTypes) {
        this.supergraph = supergraph;
        this.graphs = List.copyOf(supergraph.subgraphs().keySet());
        this.rootTypes = rootTypes;
    }

    List<String> graphs() {
        return graphs;
    }

    String name(String graph) {
        SubgraphInfo info = supergraph.subgraph(graph);
        return info == null ? graph : info.name();
    }

    /** The composite type, or null for a leaf type. */
    TypeMeta type(String name) {
        return supergraph.type(name);
    }

    boolean isRootType(String type) {
        return rootTypes.contains(type);
    }

    boolean defines(String graph, String type) {
        TypeMeta meta = type(type);
        return meta != null && meta.inGraph(graph);
    }

    boolean isInterfaceObject(String graph, String type) {
        TypeMeta meta = type(type);
        return meta != null && meta.isInterfaceObjectIn(graph);
    }

    /** An interface or union in that subgraph (an @interfaceObject is an object there). */
    boolean isAbstractIn(String graph, String type) {
        TypeMeta meta = type(type);
        return meta != null && meta.isAbstract() && meta.inGraph(graph) && !meta.isInterfaceObjectIn(graph);
    }

    /** The object types the subgraph may return for the type. */
    Set<String> runtimeTypesIn(String graph, String type) {
        TypeMeta meta = type(type);
        if (meta == null || !isAbstractIn(graph, type)) {
            return Set.of(type);
        }
        Set<String> runtimeTypes = new LinkedHashSet<>();
        if (meta.kind() == TypeMeta.Kind.UNION) {
            meta.related(graph).stream().filter(member -> defines(graph, member)).forEach(runtimeTypes::add);
        } else {
            meta.possibleTypes().stream()
                    .filter(object -> defines(graph, object) && type(object).related(graph).contains(type))
                    .forEach(runtimeTypes::add);
        }
        return runtimeTypes;
    }

    /** The interfaces the object implements in some subgraph. */
    Set<String> interfacesOf(String object) {
        return interfaces.computeIfAbsent(object, name -> {
            TypeMeta meta = type(name);
            return meta == null || meta.isAbstract() ? Set.of() : meta.relatedInAnyGraph();
        });
    }

    /** How the subgraph declares the field, or null. */
    FieldMeta.InGraph field(String graph, String type, String field) {
        TypeMeta meta = type(type);
        FieldMeta fieldMeta = meta == null ? null : meta.field(field);
        return fieldMeta == null ? null : fieldMeta.inGraph(graph);
    }

    /** Not external there, nor taken away by an {@code @override} (a progressive one leaves it to both sides). */
    static boolean resolves(FieldMeta.InGraph field) {
        return field != null && !field.external() && (field.overrideLabel() != null || !field.usedOverridden());
    }

    /** The graphs that take the field away from {@code graph} with an {@code @override}. */
    List<String> overriding(String type, String field) {
        List<String> names = new ArrayList<>();
        for (String graph : graphs) {
            FieldMeta.InGraph in = field(graph, type, field);
            if (in != null && in.overriding()) {
                names.add(name(graph));
            }
        }
        return names;
    }

    /** The top-level fields of the type's keys there that the subgraph marks @external. */
    List<String> externalKeyFields(String graph, String type) {
        Set<String> external = new LinkedHashSet<>();
        for (TypeMeta.Key key : type(type).declaredKeys(graph)) {
            for (String field : topLevelFields(key.selections())) {
                FieldMeta.InGraph in = field(graph, type, field);
                if (in != null && in.external()) {
                    external.add(field);
                }
            }
        }
        return List.copyOf(external);
    }

    /** Whether one of the type's keys there selects no external field: the subgraph can be re-entered after a @requires. */
    boolean hasLocallySatisfiableKey(String graph, String type) {
        return type(type).declaredKeys(graph).stream().anyMatch(key -> topLevelFields(key.selections()).stream()
                .noneMatch(field -> {
                    FieldMeta.InGraph in = field(graph, type, field);
                    return in != null && in.external();
                }));
    }

    private static List<String> topLevelFields(SelectionSet selections) {
        List<String> names = new ArrayList<>();
        for (Selection<?> selection : selections.getSelections()) {
            if (selection instanceof Field field) {
                names.add(field.getName());
            }
        }
        return names;
    }
}
