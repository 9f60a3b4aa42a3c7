package org.plenum.gateway.engine.compose;

import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.GraphQLUnionType;
import org.plenum.gateway.engine.compose.SubgraphMoves.Moves;
import org.plenum.gateway.engine.compose.SubgraphPosition.Arrival;
import org.plenum.gateway.engine.compose.WitnessQuery.Step;
import org.plenum.gateway.engine.supergraph.Supergraph;
import org.plenum.gateway.engine.supergraph.TypeMeta;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Composition's satisfiability validation, after Apollo's ({@code SATISFIABILITY_ERROR}): every path of the API
 * schema from a root, field by field and type condition by type condition, must be one some sequence of subgraph
 * fetches can follow. The walk keeps, per path, every subgraph position that can serve it; a step none of them can
 * take is an error, with the query of that path and each subgraph's reasons. Like Apollo, a type is not walked again
 * with positions it was already walked with (or a subset of them), and the walk stops after {@link #MAX_ADVANCES} steps.
 */
final class SatisfiabilityCheck {

    /**
     * Bounds the work on huge schemas (one step of one position costs about a microsecond): beyond it, what is not yet
     * walked is taken as satisfiable.
     */
    private static final int MAX_ADVANCES = 200_000;

    /** A path of the API schema (its last type {@code type}) and the subgraph positions that can serve it. */
    private record State(String operation, String type, Path path, List<SubgraphPosition> options) {
    }

    /** The steps of a path, last first. */
    private record Path(Step step, Path parent) {
        List<Step> steps() {
            List<Step> steps = new ArrayList<>();
            for (Path path = this; path != null; path = path.parent) {
                steps.add(0, path.step);
            }
            return steps;
        }
    }

    /** What one position makes of one step: new positions, or why not; {@code irrelevant} if it never sees the type. */
    private record Advance(List<SubgraphPosition> positions, List<Unadvanceable> deadEnds, boolean irrelevant) {
    }

    private final GraphQLSchema api;
    private final JoinedSubgraphs subgraphs;
    private final SubgraphMoves moves;
    private final Deque<State> stack = new ArrayDeque<>();
    private final Map<String, List<Set<String>>> visits = new HashMap<>();
    private final List<String> errors = new ArrayList<>();
    private int advances;

    private SatisfiabilityCheck(Supergraph supergraph) {
        this.api = supergraph.apiSchema();
        Set<String> rootTypes = new LinkedHashSet<>();
        Stream.of(api.getQueryType(), api.getMutationType(), api.getSubscriptionType())
                .filter(Objects::nonNull).forEach(root -> rootTypes.add(root.getName()));
        this.subgraphs = new JoinedSubgraphs(supergraph, rootTypes);
        this.moves = new SubgraphMoves(subgraphs);
    }

    /** The satisfiability errors of the supergraph, in Apollo's message shape; empty if every path is satisfiable. */
    static List<String> check(Supergraph supergraph) {
        return new SatisfiabilityCheck(supergraph).walk();
    }

    private List<String> walk() {
        push("query", api.getQueryType());
        push("mutation", api.getMutationType());
        push("subscription", api.getSubscriptionType());
        while (!stack.isEmpty() && advances < MAX_ADVANCES) {
            State state = stack.pop();
            if (!visitedWithLess(state, true)) {
                visit(state);
            }
        }
        return errors;
    }

    private void push(String operation, GraphQLObjectType root) {
        if (root == null) {
            return;
        }
        List<SubgraphPosition> options = new ArrayList<>();
        for (String graph : subgraphs.graphs()) {
            if (subgraphs.defines(graph, root.getName())) {
                options.add(new SubgraphPosition(graph, root.getName(), null, Arrival.ROOT));
            }
        }
        stack.push(new State(operation, root.getName(), null, options));
    }

    private void visit(State state) {
        GraphQLType type = api.getType(state.type());
        if (type instanceof GraphQLObjectType object) {
            for (GraphQLFieldDefinition field : object.getFieldDefinitions()) {
                GraphQLNamedType fieldType = (GraphQLNamedType) GraphQLTypeUtil.unwrapAll(field.getType());
                boolean leaf = subgraphs.type(fieldType.getName()) == null;
                step(state, new Step(field, null, !leaf), fieldType.getName(), leaf,
                        option -> advanceField(option, object.getName(), field.getName(), leaf));
            }
        } else {
            for (String runtimeType : runtimeTypes(type)) {
                step(state, new Step(null, runtimeType, true), runtimeType, false,
                        option -> advanceCast(option, type, runtimeType));
            }
        }
    }

    /**
     * Apollo's pruning: the type was walked before with some of these positions, which found what there is to find.
     * With {@code record}, a walk about to start is remembered.
     */
    private boolean visitedWithLess(State state, boolean record) {
        Set<String> current = new HashSet<>();
        state.options().forEach(option -> current.add(option.graph() + "." + option.type()));
        List<Set<String>> previous = visits.computeIfAbsent(state.type(), type -> new ArrayList<>());
        if (previous.stream().anyMatch(current::containsAll)) {
            return true;
        }
        if (record) {
            previous.add(current);
        }
        return false;
    }

    private void step(State state, Step step, String targetType, boolean leaf,
            Function<SubgraphPosition, Advance> advance) {
        Set<SubgraphPosition> positions = new LinkedHashSet<>();
        List<Unadvanceable> deadEnds = new ArrayList<>();
        for (SubgraphPosition option : state.options()) {
            advances++;
            Advance advanced = advance.apply(option);
            if (advanced.irrelevant()) {
                return;
            }
            positions.addAll(advanced.positions());
            if (advanced.positions().isEmpty()) {
                deadEnds.addAll(advanced.deadEnds());
            }
        }
        Path path = new Path(step, state.path());
        if (positions.isEmpty()) {
            errors.add(message(state.operation(), path.steps(), deadEnds));
        } else if (!leaf) {
            State next = new State(state.operation(), targetType, path, List.copyOf(positions));
            if (!visitedWithLess(next, false)) { // it would be skipped when popped: spares the stack
                stack.push(next);
            }
        }
    }

    private Advance advanceField(SubgraphPosition option, String parentType, String fieldName, boolean leaf) {
        Moves direct = moves.field(option, parentType, fieldName, Set.of(), false);
        if (!direct.positions().isEmpty() && leaf) {
            return new Advance(direct.positions(), List.of(), false);
        }
        Advance advance = withJumps(option, direct, jumped -> moves.field(jumped, parentType, fieldName, Set.of(), false));
        if (advance.positions().isEmpty()) {
            advance.deadEnds().addAll(unreachableSubgraphs(option, parentType, fieldName, advance.deadEnds()));
        }
        return advance;
    }

    private Advance advanceCast(SubgraphPosition option, GraphQLType abstractType, String castType) {
        boolean objectForInterface = abstractType instanceof GraphQLInterfaceType
                && !subgraphs.isAbstractIn(option.graph(), option.type());
        if (!objectForInterface && !subgraphs.runtimeTypesIn(option.graph(), option.type()).contains(castType)) {
            return new Advance(List.of(), List.of(), true); // this subgraph never returns such an object here
        }
        return withJumps(option, moves.cast(option, castType), jumped -> moves.cast(jumped, castType));
    }

    /** The direct moves, or else the same step taken after each jump to another subgraph. */
    private Advance withJumps(SubgraphPosition option, Moves direct,
            Function<SubgraphPosition, Moves> stepAfterJump) {
        List<SubgraphPosition> positions = new ArrayList<>(direct.positions());
        List<Unadvanceable> deadEnds = new ArrayList<>(direct.deadEnds());
        Moves jumps = moves.jumps(option, Set.of());
        for (SubgraphPosition jumped : jumps.positions()) {
            Moves after = stepAfterJump.apply(jumped);
            positions.addAll(after.positions());
            deadEnds.addAll(after.deadEnds());
        }
        deadEnds.addAll(jumps.deadEnds());
        return new Advance(positions, deadEnds, false);
    }

    /** The subgraphs that have the field but that no jump reaches from the type the fetch stands at, and why. */
    private List<Unadvanceable> unreachableSubgraphs(SubgraphPosition option, String parentType, String fieldName,
            List<Unadvanceable> deadEnds) {
        Set<String> tried = new LinkedHashSet<>();
        deadEnds.forEach(deadEnd -> tried.add(deadEnd.destination()));
        String source = subgraphs.name(option.graph());
        String type = option.type();
        List<Unadvanceable> unreachable = new ArrayList<>();
        for (String graph : subgraphs.graphs()) {
            String name = subgraphs.name(graph);
            if (tried.contains(name) || subgraphs.field(graph, parentType, fieldName) == null) {
                continue;
            }
            String prefix = "cannot move to subgraph \"" + name + "\", which has field \"" + parentType + "." + fieldName + "\", because ";
            if (!subgraphs.defines(graph, type)) {
                unreachable.add(new Unadvanceable(source, name, () -> prefix + "interface \"" + type + "\" is not defined in this subgraph (to jump to \""
                        + name + "\", it would need to both define interface \"" + type + "\" and have a @key on it)"));
                continue;
            }
            TypeMeta meta = subgraphs.type(type);
            String kind = type.equals(parentType) ? "type" : "interface";
            if (meta.declaredKeys(graph).isEmpty()) {
                unreachable.add(new Unadvanceable(source, name, () -> prefix + kind + " \"" + type + "\" has no @key defined in subgraph \"" + name + "\""));
            } else if (meta.keys(graph).isEmpty()) {
                unreachable.add(new Unadvanceable(source, name, () -> prefix + "none of the @key defined on " + kind + " \"" + type
                        + "\" in subgraph \"" + name + "\" are resolvable (they are all declared with their \"resolvable\" argument set to false)"));
            }
        }
        return unreachable;
    }

    private List<String> runtimeTypes(GraphQLType abstractType) {
        if (abstractType instanceof GraphQLUnionType union) {
            return union.getTypes().stream().map(GraphQLNamedType::getName).toList();
        }
        String name = ((GraphQLNamedType) abstractType).getName();
        return subgraphs.type(name).possibleTypes().stream().filter(object -> api.getType(object) != null).toList();
    }

    private static String message(String operation, List<Step> steps, List<Unadvanceable> deadEnds) {
        Map<String, Set<String>> reasons = new LinkedHashMap<>();
        deadEnds.forEach(deadEnd -> reasons.computeIfAbsent(deadEnd.source(), source -> new LinkedHashSet<>()).add(deadEnd.details()));
        List<String> lines = new ArrayList<>();
        reasons.forEach((source, details) -> lines.add("- from subgraph \"" + source + "\":" + (details.size() == 1
                ? " " + details.iterator().next() + "."
                : String.join("", details.stream().map(detail -> "\n  - " + detail + ".").toList()))));
        return "The following supergraph API query:\n" + WitnessQuery.print(operation, steps) + "\n"
                + "cannot be satisfied by the subgraphs because:\n" + String.join("\n", lines);
    }
}
