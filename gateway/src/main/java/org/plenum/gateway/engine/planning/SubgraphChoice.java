package org.plenum.gateway.engine.planning;

import graphql.language.Field;
import graphql.language.Selection;
import org.plenum.gateway.engine.plan.PathSegment;
import org.plenum.gateway.engine.plan.PlanningException;
import org.plenum.gateway.engine.supergraph.FieldMeta;
import org.plenum.gateway.engine.supergraph.Supergraph;
import org.plenum.gateway.engine.supergraph.TypeMeta;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** Which subgraph a field is fetched from, and by which key, where several could serve. */
final class SubgraphChoice {

    private final Supergraph supergraph;
    private final Reachability reachability;
    private final FetchGraph fetches;
    private final boolean mutation;

    SubgraphChoice(Supergraph supergraph, Reachability reachability, FetchGraph fetches, boolean mutation) {
        this.supergraph = supergraph;
        this.reachability = reachability;
        this.fetches = fetches;
        this.mutation = mutation;
    }

    /** A shared root field goes where earlier root fields went, else where most of its selection resolves. */
    String rootGraph(FieldMeta field, List<Field> fields, FetchGroup current) {
        if (reachability.resolvingGraphs(field).isEmpty()) {
            throw new PlanningException("No subgraph resolves root field " + field.parentType() + "." + field.name());
        }
        Set<String> candidates = reachability.acceptingGraphs(field, fields);
        if (candidates.isEmpty()) {
            throw reachability.noSubgraphAccepts(field, fields);
        }
        if (mutation && current != null && candidates.contains(current.graph)) {
            return current.graph;
        }
        if (candidates.size() == 1) {
            return candidates.iterator().next();
        }
        // one from which the whole selection can be reached, most of it resolved locally, then a subgraph already
        // asked for other root fields
        List<Selection> selections = FieldCollector.subSelections(fields);
        TypeMeta type = supergraph.type(field.namedType());
        boolean composite = type != null;
        return candidates.stream().max(Comparator.<String, Boolean>comparing(graph -> !composite
                        || reachability.reachable(graph, type, selections, provided(field, graph)))
                .thenComparingLong(graph -> !composite ? 0 : localFields(graph, field, selections))
                .thenComparing(graph -> !mutation && fetches.rootGroupFor(graph) != null)).orElseThrow();
    }

    /**
     * Among the subgraphs that resolve the field and can be reached by a key: one without @requires, then one
     * already asked at this path (same request), then the one resolving most of the selection below itself.
     *
     * @param excluded subgraphs that cannot serve here (e.g. the one whose key is being fetched)
     * @return the subgraph, or null when none can be reached by a key
     */
    String target(TypeMeta type, FieldMeta field, List<Field> fields, List<PathSegment> path, Predicate<String> excluded) {
        List<Selection> selections = supergraph.type(field.namedType()) == null ? null : FieldCollector.subSelections(fields);
        return reachability.acceptingGraphs(field, fields).stream()
                .filter(graph -> !type.keys(graph).isEmpty() && !excluded.test(graph))
                .max(Comparator.<String, Boolean>comparing(graph -> field.requires(graph) == null)
                        .thenComparing(graph -> fetches.hasEntityGroup(graph, path))
                        .thenComparingLong(graph -> selections == null ? 0 : localFields(graph, field, selections)))
                .orElse(null);
    }

    /** Prefers a key the current subgraph can provide itself. */
    TypeMeta.Key key(List<TypeMeta.Key> keys, String sourceGraph, String runtimeType) {
        for (TypeMeta.Key key : keys) {
            if (reachability.resolvesFieldSet(sourceGraph, runtimeType, key.selections())) {
                return key;
            }
        }
        return keys.get(0);
    }

    private long localFields(String graph, FieldMeta field, List<Selection> selections) {
        return reachability.localFields(graph, field.namedType(), selections, provided(field, graph));
    }

    private static List<Selection> provided(FieldMeta field, String graph) {
        return field.provides(graph) == null ? null : field.provides(graph).getSelections();
    }
}
