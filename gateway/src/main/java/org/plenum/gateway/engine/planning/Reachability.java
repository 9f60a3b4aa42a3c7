package org.plenum.gateway.engine.planning;

import graphql.language.Field;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import org.plenum.gateway.engine.plan.PlanningException;
import org.plenum.gateway.engine.supergraph.FieldMeta;
import org.plenum.gateway.engine.supergraph.Supergraph;
import org.plenum.gateway.engine.supergraph.TypeMeta;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Questions about what a subgraph can resolve of a selection, directly or through keys; no planning state. */
final class Reachability {

    private final Supergraph supergraph;
    private final FieldCollector collector;
    private final PlanningDeadline deadline;
    private final EnumInputs enumInputs;
    /** the progressive @override labels this plan is made for */
    private final Set<String> activeLabels;
    /** Answers of {@link #reachable(String, TypeMeta, List, List)} in this planning, by graph, type and selections. */
    private final Map<List<Object>, Boolean> answers = new HashMap<>();
    /** Answers of {@link #localFields(String, String, List, List)} in this planning, asked the same way. */
    private final Map<List<Object>, Long> localCounts = new HashMap<>();

    /** @param activeLabels the progressive @override labels that are active: the other labels are not */
    Reachability(Supergraph supergraph, FieldCollector collector, PlanningDeadline deadline, EnumInputs enumInputs,
                 Set<String> activeLabels) {
        this.supergraph = supergraph;
        this.collector = collector;
        this.deadline = deadline;
        this.enumInputs = enumInputs;
        this.activeLabels = activeLabels;
    }

    /** The subgraphs that resolve the field themselves, with this plan's override labels. */
    Set<String> resolvingGraphs(FieldMeta field) {
        return field.resolvableIn(activeLabels);
    }

    /** Whether the subgraph resolves the field itself, with this plan's override labels. */
    boolean resolvesIn(FieldMeta field, String graph) {
        return field.resolvableIn(graph, activeLabels);
    }

    /** Whether each selected field resolves in the subgraph, or through a key of its type it has, elsewhere. */
    boolean reachable(String graph, TypeMeta type, List<Selection> selections) {
        return reachable(graph, type, selections, null);
    }

    /**
     * Like {@link #reachable(String, TypeMeta, List)}, where an enclosing @provides lets the subgraph resolve
     * {@code provided} too. Of an abstract type, each of its object types the subgraph can return must be reachable.
     */
    boolean reachable(String graph, TypeMeta type, List<Selection> selections, List<Selection> provided) {
        // each implementation of an interface selects the same child selections again: without remembering answers,
        // a chain of interface-typed fields would cost implementations to the power of its depth
        List<Object> question = question(graph, type.name(), selections, provided);
        Boolean known = answers.get(question);
        if (known == null) {
            known = answerReachable(graph, type, selections, provided);
            answers.put(question, known);
        }
        return known;
    }

    private boolean answerReachable(String graph, TypeMeta type, List<Selection> selections, List<Selection> provided) {
        deadline.check();
        if (type.isAbstract()) {
            for (String possible : type.possibleTypes()) {
                TypeMeta object = supergraph.type(possible);
                if (object != null && object.inGraph(graph) && !reachable(graph, object, selections, provided)) {
                    return false;
                }
            }
            return true;
        }
        Map<String, List<Field>> providedFields = provided == null ? Map.of() : collector.collect(type.name(), provided);
        for (List<Field> fields : collector.collect(type.name(), selections).values()) {
            String name = fields.get(0).getName();
            if (name.startsWith("__")) {
                continue;
            }
            FieldMeta field = type.field(name);
            if (field == null) {
                return false;
            }
            List<Field> providedField = providedFields.get(name);
            if (providedField == null && !resolvesHere(field, fields, graph)) {
                if (acceptingGraphs(field, fields).stream().noneMatch(other -> type.keys(other).stream()
                        .anyMatch(key -> resolvesFieldSet(graph, type.name(), key.selections(), providedFields.keySet())))) {
                    return false;
                }
                continue;
            }
            TypeMeta result = supergraph.type(field.namedType());
            if (result != null && !reachable(graph, result, FieldCollector.subSelections(fields),
                    providedField == null ? null : FieldCollector.subSelections(providedField))) {
                return false;
            }
        }
        return true;
    }

    /** Whether the subgraph resolves every field of a field set (a key, say) itself, without @requires. */
    boolean resolvesFieldSet(String graph, String typeName, SelectionSet fieldSet) {
        return resolvesFieldSet(graph, typeName, fieldSet, Set.of());
    }

    /** Like {@link #resolvesFieldSet(String, String, SelectionSet)}, where top-level fields named in provided count. */
    private boolean resolvesFieldSet(String graph, String typeName, SelectionSet fieldSet, Set<String> provided) {
        TypeMeta type = supergraph.type(typeName);
        for (Selection<?> selection : fieldSet.getSelections()) {
            if (selection instanceof Field f && !f.getName().equals("__typename") && !provided.contains(f.getName())) {
                FieldMeta field = type.field(f.getName());
                if (field == null || !resolvesDirectly(field, graph)
                        || (f.getSelectionSet() != null && supergraph.type(field.namedType()) != null
                        && !supergraph.type(field.namedType()).isAbstract()
                        && !resolvesFieldSet(graph, field.namedType(), f.getSelectionSet()))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static List<Object> question(String graph, String typeName, List<Selection> selections,
                                         List<Selection> provided) {
        return Arrays.asList(graph, typeName, List.copyOf(selections), provided == null ? null : List.copyOf(provided));
    }

    /**
     * How many of the selected fields (all levels) the subgraph resolves itself: fewer jumps from there. Over an
     * abstract type, each of its object types counts; the sum stops growing at a bound instead of overflowing.
     */
    long localFields(String graph, String typeName, List<Selection> selections, List<Selection> provided) {
        // remembered for the same reason as reachable's answers: the same children again for every implementation
        List<Object> question = question(graph, typeName, selections, provided);
        Long known = localCounts.get(question);
        if (known == null) {
            known = countLocalFields(graph, typeName, selections, provided);
            localCounts.put(question, known);
        }
        return known;
    }

    private long countLocalFields(String graph, String typeName, List<Selection> selections, List<Selection> provided) {
        deadline.check();
        TypeMeta type = supergraph.type(typeName);
        if (type.isAbstract()) {
            long count = 0;
            for (String possible : type.possibleTypes()) {
                TypeMeta object = supergraph.type(possible);
                if (object != null && object.inGraph(graph)) {
                    count = saturatedSum(count, localFields(graph, possible, selections, provided));
                }
            }
            return count;
        }
        Map<String, List<Field>> providedFields = provided == null ? Map.of() : collector.collect(typeName, provided);
        long count = 0;
        for (List<Field> fields : collector.collect(typeName, selections).values()) {
            FieldMeta field = type.field(fields.get(0).getName());
            List<Field> providedField = providedFields.get(fields.get(0).getName());
            if (field != null && (providedField != null || resolvesHere(field, fields, graph))) {
                count++;
                if (supergraph.type(field.namedType()) != null) {
                    count = saturatedSum(count, localFields(graph, field.namedType(), FieldCollector.subSelections(fields),
                            providedField == null ? null : FieldCollector.subSelections(providedField)));
                }
            }
        }
        return count;
    }

    private static long saturatedSum(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    /** Whether every implementation answers these interface fields in the subgraph, with the interface's type. */
    boolean allLocal(String graph, TypeMeta itf, List<String> implementations, Map<String, List<Field>> fields) {
        for (List<Field> selected : fields.values()) {
            String name = selected.get(0).getName();
            if (name.startsWith("__")) {
                continue;
            }
            FieldMeta field = itf.field(name);
            if (field == null || !resolvesHere(field, selected, graph)) {
                return false;
            }
            for (String implementation : implementations) {
                FieldMeta own = supergraph.type(implementation).field(name);
                if (own == null || !resolvesHere(own, selected, graph)
                        || !String.valueOf(own.typeIn(graph)).equals(String.valueOf(field.typeIn(graph)))) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Below a field, a selected field may be out of reach from the current subgraph: resolved elsewhere only,
     * on a type without a key there (a value type, or an entity whose key that subgraph lacks, an external key of
     * an interface's implementation). Then the field comes from a subgraph reached through the parent's key: whole
     * if one reaches its whole selection, else (below an object type) split, what is reachable here from here and
     * the rest from there.
     *
     * @return where to get the field or its out-of-reach part, or null when everything is reachable here
     */
    Elsewhere elsewhere(String graph, TypeMeta parent, FieldMeta field, List<Field> fields) {
        TypeMeta result = supergraph.type(field.namedType());
        if (result == null) {
            return null;
        }
        List<Selection> selections = FieldCollector.subSelections(fields);
        if (reachable(graph, result, selections)) {
            return null;
        }
        List<String> others = acceptingGraphs(field, fields).stream()
                .filter(other -> !other.equals(graph) && !parent.keys(other).isEmpty() && field.requires(other) == null)
                .toList();
        for (String other : others) {
            if (reachable(other, result, selections)) {
                return new Elsewhere(other, null, null);
            }
        }
        if (result.isAbstract()) {
            // below an abstract type each implementation reaches what it lacks through its own key, if it has one
            return null;
        }
        List<Selection> local = new ArrayList<>();
        List<Selection> remote = new ArrayList<>();
        for (List<Field> selected : collector.collect(result.name(), selections).values()) {
            List<Selection> part = List.copyOf(selected);
            (reachable(graph, result, part) ? local : remote).addAll(part);
        }
        for (String other : others) {
            if (reachable(other, result, remote)) {
                return new Elsewhere(other, FieldCollector.withSelections(fields, local),
                        FieldCollector.withSelections(fields, remote));
            }
        }
        return null;
    }

    /**
     * A shared root field returning a type without keys that no single subgraph resolves whole: each subgraph
     * is asked for the root field with the part of the selection it resolves, and the answers merge.
     *
     * @return the selection per subgraph, or null when one subgraph will do (or splitting cannot help)
     */
    Map<String, List<Field>> splitValueTree(FieldMeta field, List<Field> fields) {
        TypeMeta type = supergraph.type(field.namedType());
        Set<String> candidates = acceptingGraphs(field, fields);
        if (type == null || type.isAbstract() || type.hasKeys() || candidates.size() < 2) {
            return null;
        }
        List<Selection> selections = FieldCollector.subSelections(fields);
        if (candidates.stream().anyMatch(graph -> reachable(graph, type, selections))) {
            return null;
        }
        Map<String, List<Selection>> parts = new LinkedHashMap<>();
        List<Selection> typenames = new ArrayList<>();
        for (List<Field> selected : collector.collect(type.name(), selections).values()) {
            if (selected.get(0).getName().equals("__typename")) {
                typenames.addAll(selected);
                continue;
            }
            List<Selection> part = List.copyOf(selected);
            String graph = candidates.stream().filter(g -> reachable(g, type, part))
                    .max(Comparator.comparing(parts::containsKey)).orElse(null);
            if (graph == null) {
                return null;
            }
            parts.computeIfAbsent(graph, g -> new ArrayList<>()).addAll(part);
        }
        if (parts.isEmpty()) {
            return null;
        }
        parts.values().iterator().next().addAll(typenames);
        Map<String, List<Field>> split = new LinkedHashMap<>();
        parts.forEach((graph, part) -> split.put(graph, FieldCollector.withSelections(fields, part)));
        return split;
    }

    /** The object types a type condition stands for: representations are built from objects. */
    Collection<String> objectTypes(String typeName) {
        TypeMeta type = supergraph.type(typeName);
        return type != null && type.isAbstract() ? type.possibleTypes() : List.of(typeName);
    }

    /**
     * The subgraph resolves the field itself, needing nothing from elsewhere, and knows every enum value its
     * arguments carry.
     */
    boolean resolvesHere(FieldMeta field, List<Field> fields, String graph) {
        return resolvesDirectly(field, graph) && enumInputs.acceptedBy(graph, field, fields.get(0).getArguments());
    }

    /** The subgraphs resolving the field that know every enum value its arguments carry. */
    Set<String> acceptingGraphs(FieldMeta field, List<Field> fields) {
        if (fields.get(0).getArguments().isEmpty() || !supergraph.enumValues().anyPartial()) {
            return resolvingGraphs(field); // nothing to refuse: the common case, asked for every selected field
        }
        Set<String> accepting = new LinkedHashSet<>();
        for (String graph : resolvingGraphs(field)) {
            if (enumInputs.acceptedBy(graph, field, fields.get(0).getArguments())) {
                accepting.add(graph);
            }
        }
        return accepting;
    }

    /** The field's arguments carry an enum value that no subgraph resolving it knows. */
    PlanningException noSubgraphAccepts(FieldMeta field, List<Field> fields) {
        String lacked = enumInputs.lackedBy(resolvingGraphs(field).iterator().next(), field, fields.get(0).getArguments());
        return new PlanningException(field.parentType() + "." + field.name() + " cannot be resolved with these arguments:"
                + " no subgraph that resolves it knows every enum value they carry (" + lacked + ")");
    }

    /** The subgraph resolves the field itself, needing nothing from elsewhere. */
    private boolean resolvesDirectly(FieldMeta field, String graph) {
        return resolvesIn(field, graph) && field.requires(graph) == null;
    }
}
