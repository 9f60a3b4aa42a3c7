package org.plenum.gateway.engine.compose;

import graphql.language.Field;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import org.plenum.gateway.engine.compose.SubgraphPosition.Arrival;
import org.plenum.gateway.engine.supergraph.FieldMeta;
import org.plenum.gateway.engine.supergraph.TypeMeta;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The single steps a subgraph fetch can take from a {@link SubgraphPosition}, as Apollo's federated query graph
 * offers them: a field the subgraph resolves (or is provided), a type condition, and entity jumps to other subgraphs
 * by a resolvable {@code @key} whose fields can be had where the fetch stands. Each refused step says why.
 */
final class SubgraphMoves {

    /** Where the steps lead, and why the refused ones were refused. */
    record Moves(List<SubgraphPosition> positions, List<Unadvanceable> deadEnds) {
    }

    private record JumpsQuestion(SubgraphPosition from, Set<String> excluded) {
    }

    private final JoinedSubgraphs subgraphs;
    private final ConditionResolver conditions;
    private final Map<JumpsQuestion, Moves> jumps = new HashMap<>();

    SubgraphMoves(JoinedSubgraphs subgraphs) {
        this.subgraphs = subgraphs;
        this.conditions = new ConditionResolver(subgraphs, this);
    }

    /**
     * Collects field {@code parentType.fieldName} where the fetch stands, without leaving its subgraph; a
     * {@code @requires} must be satisfiable. In a condition, re-entering the subgraph after a @requires is not
     * checked.
     */
    Moves field(SubgraphPosition from, String parentType, String fieldName, Set<String> excluded, boolean inCondition) {
        String graph = from.graph();
        String type = from.type();
        if (!type.equals(parentType) && subgraphs.isAbstractIn(graph, type) && subgraphs.defines(graph, parentType)) {
            type = parentType; // the field of an implementation, asked at its interface
        }
        FieldMeta.InGraph in = subgraphs.field(graph, type, fieldName);
        Field provided = providedField(from.provided(), fieldName);
        boolean resolves = JoinedSubgraphs.resolves(in);
        if (!resolves && provided == null) {
            String fieldOwner = type;
            return refused(from, () -> noSuchField(graph, fieldOwner, parentType, fieldName, in));
        }
        if (resolves && in.requires() != null) {
            String coordinate = "\"" + type + "." + fieldName + "\"";
            String requiring = type;
            if (!conditions.satisfiable(List.of(from), in.requires(), excluded)) {
                return refused(from, () -> "cannot satisfy @require conditions on field " + coordinate + externalKeyWarning(graph, requiring));
            }
            if (!inCondition && from.arrival() != Arrival.JUMP && !subgraphs.hasLocallySatisfiableKey(graph, type)) {
                return refused(from, () -> "@require condition on field " + coordinate + " can be satisfied but missing usable key on \""
                        + requiring + "\" in subgraph \"" + subgraphs.name(graph) + "\" to resume query");
            }
        }
        FieldMeta declared = subgraphs.type(type).field(fieldName);
        String fieldType = declared != null ? declared.namedTypeIn(graph)
                : subgraphs.type(parentType).field(fieldName).namedTypeIn(graph); // provided on an @interfaceObject
        SelectionSet nowProvided = merge(provided == null ? null : provided.getSelectionSet(),
                resolves ? in.provides() : null);
        return new Moves(List.of(from.moveTo(fieldType, nowProvided, Arrival.FIELD)), List.of());
    }

    /** Takes the fetch to object type {@code castType} without leaving its subgraph. */
    Moves cast(SubgraphPosition from, String castType) {
        String graph = from.graph();
        if (from.type().equals(castType)) {
            return new Moves(List.of(from), List.of());
        }
        if (subgraphs.isInterfaceObject(graph, from.type())) {
            // the subgraph does not know the implementations: another one must tell which it is
            if (!conditions.satisfiable(List.of(from), ConditionResolver.TYPENAME, Set.of())) {
                return refused(from, () -> "no subgraph can be reached to resolve the implementation type of @interfaceObject type \""
                        + from.type() + "\"");
            }
            Arrival arrival = from.arrival() == Arrival.JUMP ? Arrival.CAST_AFTER_JUMP : Arrival.FIELD;
            return new Moves(List.of(from.moveTo(from.type(), from.provided(), arrival)), List.of());
        }
        if (subgraphs.isAbstractIn(graph, from.type()) && subgraphs.runtimeTypesIn(graph, from.type()).contains(castType)) {
            return new Moves(List.of(from.moveTo(castType, from.provided(), Arrival.FIELD)), List.of());
        }
        return refused(from, () -> "cannot find type \"" + castType + "\"");
    }

    /**
     * The other subgraphs the fetch can jump to keeping its type (entity keys, chained; root types), at most one
     * position per subgraph, never back to where it stands nor to {@code excluded} subgraphs.
     */
    Moves jumps(SubgraphPosition from, Set<String> excluded) {
        JumpsQuestion question = new JumpsQuestion(from, excluded);
        Moves known = jumps.get(question);
        if (known == null) {
            known = computeJumps(from, excluded);
            jumps.put(question, known);
        }
        return known;
    }

    private Moves computeJumps(SubgraphPosition from, Set<String> excluded) {
        if (from.arrival() == Arrival.ROOT || from.arrival() == Arrival.CAST_AFTER_JUMP) {
            return new Moves(List.of(), List.of());
        }
        if (subgraphs.isRootType(from.type())) {
            List<SubgraphPosition> roots = new ArrayList<>();
            for (String graph : subgraphs.graphs()) {
                if (!graph.equals(from.graph()) && !excluded.contains(graph) && subgraphs.defines(graph, from.type())) {
                    roots.add(new SubgraphPosition(graph, from.type(), null, Arrival.JUMP));
                }
            }
            return new Moves(roots, List.of());
        }
        Map<String, SubgraphPosition> best = new LinkedHashMap<>();
        List<Unadvanceable> deadEnds = new ArrayList<>();
        List<SubgraphPosition> toTry = new ArrayList<>(List.of(from));
        Set<String> reached = new HashSet<>(List.of(from.graph()));
        for (int i = 0; i < toTry.size(); i++) {
            SubgraphPosition current = toTry.get(i);
            for (KeyEdge edge : keyEdges(current)) {
                if (reached.contains(edge.graph()) || excluded.contains(edge.graph())) {
                    continue;
                }
                Set<String> keyExcluded = new HashSet<>(excluded);
                keyExcluded.add(edge.graph());
                if (conditions.satisfiable(List.of(current), edge.key().selections(), Set.copyOf(keyExcluded))) {
                    SubgraphPosition jumped = new SubgraphPosition(edge.graph(), edge.type(), null, Arrival.JUMP);
                    reached.add(edge.graph());
                    best.put(edge.graph(), jumped);
                    toTry.add(jumped);
                } else {
                    deadEnds.add(new Unadvanceable(subgraphs.name(current.graph()), subgraphs.name(edge.graph()),
                            () -> "cannot move to subgraph \"" + subgraphs.name(edge.graph()) + "\" using @key(fields: \""
                                    + FieldSetPrinter.print(edge.key().selections()) + "\") of \"" + current.type()
                                    + "\", the key field(s) cannot be resolved from subgraph \"" + subgraphs.name(current.graph()) + "\""));
                }
            }
        }
        return new Moves(List.copyOf(best.values()), deadEnds);
    }

    /** An entity jump from where the fetch stands: to {@code type} of {@code graph} by {@code key}. */
    private record KeyEdge(String graph, String type, TypeMeta.Key key) {
    }

    /** The type's resolvable keys elsewhere, and those of its interfaces where they are @interfaceObjects. */
    private List<KeyEdge> keyEdges(SubgraphPosition from) {
        List<KeyEdge> edges = new ArrayList<>();
        TypeMeta type = subgraphs.type(from.type());
        for (String graph : subgraphs.graphs()) {
            if (graph.equals(from.graph())) {
                continue;
            }
            type.keys(graph).forEach(key -> edges.add(new KeyEdge(graph, from.type(), key)));
            for (String itf : subgraphs.interfacesOf(from.type())) {
                if (subgraphs.isInterfaceObject(graph, itf)) {
                    subgraphs.type(itf).keys(graph).forEach(key -> edges.add(new KeyEdge(graph, itf, key)));
                }
            }
        }
        return edges;
    }

    private String noSuchField(String graph, String type, String parentType, String fieldName, FieldMeta.InGraph in) {
        String coordinate = "\"" + parentType + "." + fieldName + "\"";
        if (!subgraphs.defines(graph, parentType) && !type.equals(parentType)) {
            return "cannot find implementation type \"" + parentType + "\" (supergraph interface \"" + type
                    + "\" is declared with @interfaceObject in \"" + subgraphs.name(graph) + "\")";
        }
        if (in == null) {
            return "cannot find field " + coordinate;
        }
        List<String> overriding = in.usedOverridden() ? subgraphs.overriding(type, fieldName) : List.of();
        return overriding.isEmpty() ? "field " + coordinate + " is not resolvable because marked @external"
                : "field " + coordinate + " is not resolvable because it is overridden by " + FieldMerger.subgraphList(overriding);
    }

    private String externalKeyWarning(String graph, String type) {
        List<String> external = subgraphs.externalKeyFields(graph, type);
        if (external.isEmpty()) {
            return "";
        }
        return " (please ensure that this is not due to key " + (external.size() == 1 ? "field " : "fields ")
                + String.join(", ", external.stream().map(field -> "\"" + field + "\"").toList())
                + " being accidentally marked @external)";
    }

    private Moves refused(SubgraphPosition from, Supplier<String> details) {
        String name = subgraphs.name(from.graph());
        return new Moves(List.of(), List.of(new Unadvanceable(name, name, details)));
    }

    /** The field an enclosing @provides selects here, also under type conditions (which are not told apart). */
    private static Field providedField(SelectionSet provided, String fieldName) {
        if (provided == null) {
            return null;
        }
        for (Selection<?> selection : provided.getSelections()) {
            if (selection instanceof Field field && field.getName().equals(fieldName)) {
                return field;
            }
            if (selection instanceof InlineFragment fragment) {
                Field inFragment = providedField(fragment.getSelectionSet(), fieldName);
                if (inFragment != null) {
                    return inFragment;
                }
            }
        }
        return null;
    }

    private static SelectionSet merge(SelectionSet first, SelectionSet second) {
        if (first == null || second == null) {
            return first == null ? second : first;
        }
        return first.transform(builder -> second.getSelections().forEach(builder::selection));
    }
}
