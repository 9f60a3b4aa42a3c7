package org.plenum.gateway.engine.planning;

import org.plenum.gateway.engine.plan.PathSegment;
import org.plenum.gateway.engine.supergraph.FieldMeta;
import org.plenum.gateway.engine.supergraph.Supergraph;
import org.plenum.gateway.engine.supergraph.TypeMeta;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which subgraphs could serve each position of the response: those resolving its field where the parent can be had,
 * in a subgraph that served the parent or through one of the parent's keys. Below a shareable field the planner
 * relies only on what all of them can return, as Apollo's planner does: of a union member or an interface's
 * implementation one of them lacks, only what the abstract type itself selects is asked, so the answer does not
 * depend on which subgraph the plan happened to ask.
 */
final class ServingSubgraphs {

    private final Supergraph supergraph;
    private final Reachability reachability;
    private final Map<List<PathSegment>, Set<String>> byPosition = new HashMap<>();

    ServingSubgraphs(Supergraph supergraph, Reachability reachability) {
        this.supergraph = supergraph;
        this.reachability = reachability;
    }

    /** Records who could serve the field's value at {@code childPath}, below the parent at {@code path}. */
    void enter(List<PathSegment> path, List<PathSegment> childPath, FieldMeta field, String currentGraph) {
        TypeMeta parent = supergraph.type(field.parentType());
        Set<String> parentGraphs = at(path, parent);
        Set<String> graphs = new LinkedHashSet<>();
        for (String graph : reachability.resolvingGraphs(field)) {
            if (parentGraphs.contains(graph) || !parent.keys(graph).isEmpty()) {
                graphs.add(graph);
            }
        }
        graphs.add(currentGraph);
        byPosition.merge(childPath, graphs, (known, more) -> {
            Set<String> all = new LinkedHashSet<>(known);
            all.addAll(more);
            return all;
        });
    }

    /** Whether every subgraph that could serve the position returns this object type for the abstract type there. */
    boolean returnedByAll(TypeMeta abstractType, String object, List<PathSegment> path) {
        TypeMeta objectType = supergraph.type(object);
        for (String graph : at(path, abstractType)) {
            if (abstractType.isInterfaceObjectIn(graph)) {
                continue; // sees no implementations: the concrete type is found through the interface's key elsewhere
            }
            boolean returned = abstractType.kind() == TypeMeta.Kind.UNION ? abstractType.related(graph).contains(object)
                    : objectType.inGraph(graph) && objectType.related(graph).contains(abstractType.name());
            if (!returned) {
                return false;
            }
        }
        return true;
    }

    /**
     * Who could serve the position, of those defining its type (one without it declares a narrower type there, which
     * restricts nothing); under a type condition, the position's own.
     */
    private Set<String> at(List<PathSegment> path, TypeMeta type) {
        int end = path.size();
        while (end > 0 && path.get(end - 1) instanceof PathSegment.TypeCondition) {
            end--;
        }
        Set<String> graphs = byPosition.get(path.subList(0, end));
        if (graphs == null) {
            return type.graphs(); // the root: every subgraph that defines the root type
        }
        Set<String> defining = new LinkedHashSet<>(graphs);
        defining.retainAll(type.graphs());
        return defining;
    }
}
