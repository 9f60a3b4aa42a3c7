package org.plenum.gateway.engine.planning;

import graphql.language.Argument;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.VariableReference;
import org.plenum.gateway.engine.plan.FetchNode;
import org.plenum.gateway.engine.plan.FetchSelection;
import org.plenum.gateway.engine.plan.PathSegment;
import org.plenum.gateway.engine.plan.PlanningException;
import org.plenum.gateway.engine.plan.ResponseKeys;
import org.plenum.gateway.engine.supergraph.ContextArgument;
import org.plenum.gateway.engine.supergraph.FieldMeta;
import org.plenum.gateway.engine.supergraph.SubgraphInfo;
import org.plenum.gateway.engine.supergraph.Supergraph;
import org.plenum.gateway.engine.supergraph.TypeMeta;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Walks the operation keeping the current fetch group; a field the current subgraph cannot resolve becomes an entity
 * jump, a dependent _entities fetch at that path. Each visit returns the groups that produce what it selected, which
 * the fetches needing it (for keys and @requires) must wait for.
 */
final class SelectionWalk {

    /** Guards against supergraphs whose keys can only be reached in circles. */
    private static final int MAX_JUMPS = 2_000;

    private final Supergraph supergraph;
    private final FieldCollector collector;
    private final Reachability reachability;
    private final SubgraphChoice choice;
    private final OperationDefinition operation;
    private final boolean mutation;
    private final PlanningDeadline deadline;
    private final FetchGraph fetches = new FetchGraph();
    private final ServingSubgraphs serving;
    /** Entity jumps whose key fields are being planned: the target cannot be the way to its own key. */
    private final Set<EntityRoute> reaching = new HashSet<>();
    private int jumps;
    /** The positions being walked, innermost first: where the ancestors of a field are found (for @fromContext). */
    private final Deque<Position> positions = new ArrayDeque<>();
    private int contextVariables;

    private record EntityRoute(String type, String graph) {
    }

    /** An object position of the walk: its type (or type condition) and path, and the selection there in a group. */
    private record Position(FetchGroup group, FetchSelection selection, String type, List<PathSegment> path) {
    }

    /** @param activeLabels the progressive @override labels that are active: the other labels are not */
    SelectionWalk(Supergraph supergraph, FieldCollector collector, EnumInputs enumInputs, Set<String> activeLabels,
                  OperationDefinition operation, PlanningDeadline deadline) {
        this.supergraph = supergraph;
        this.collector = collector;
        this.operation = operation;
        this.mutation = operation.getOperation() == OperationDefinition.Operation.MUTATION;
        this.deadline = deadline;
        this.reachability = new Reachability(supergraph, collector, deadline, enumInputs, activeLabels);
        this.choice = new SubgraphChoice(supergraph, reachability, fetches, mutation);
        this.serving = new ServingSubgraphs(supergraph, reachability);
    }

    /** Shared root fields split by subgraph where no single one resolves them; the rest go to one subgraph each. */
    FetchGraph walk() {
        String rootType = rootTypeName();
        Map<String, List<Field>> rootFields = collector.collect(rootType, operation.getSelectionSet().getSelections());
        FetchGroup current = null;
        for (Map.Entry<String, List<Field>> entry : rootFields.entrySet()) {
            String name = entry.getValue().get(0).getName();
            if (name.startsWith("__")) {
                continue;
            }
            FieldMeta field = supergraph.type(rootType).field(name);
            String key = ResponseKeys.dataKey(entry.getKey(), name);
            Map<String, List<Field>> parts = mutation ? null : reachability.splitValueTree(field, entry.getValue());
            if (parts != null) {
                for (Map.Entry<String, List<Field>> part : parts.entrySet()) {
                    FetchGroup group = fetches.rootGroupFor(part.getKey());
                    if (group == null) {
                        group = fetches.newRootGroup(part.getKey());
                    }
                    addField(group, group.selection, key, part.getValue(), field, List.of(), null, false);
                }
                continue;
            }
            String graph = choice.rootGraph(field, entry.getValue(), current);
            FetchGroup group = mutation ? current : fetches.rootGroupFor(graph);
            if (group == null || !group.graph.equals(graph)) {
                group = fetches.newRootGroup(graph);
            }
            current = group;
            addField(current, current.selection, key, entry.getValue(), field, List.of(), null, false);
        }
        return fetches;
    }

    private String rootTypeName() {
        return switch (operation.getOperation()) {
            case QUERY -> supergraph.apiSchema().getQueryType().getName();
            case MUTATION -> supergraph.apiSchema().getMutationType().getName();
            case SUBSCRIPTION -> throw new PlanningException("Subscriptions are not supported by this gateway");
        };
    }

    /**
     * @param provided what an enclosing @provides lets the group's subgraph resolve here
     * @param internal whether the selection is the gateway's own (keys, @requires), fetched under internal keys
     */
    private Set<FetchGroup> visitSelections(FetchGroup group, FetchSelection selection, String typeName,
                                            List<Selection> selections, List<PathSegment> path,
                                            List<Selection> provided, boolean internal) {
        deadline.check();
        TypeMeta type = supergraph.type(typeName);
        if (!type.isAbstract()) {
            return visitFields(group, selection, typeName, collector.collect(typeName, selections), path, provided, internal);
        }
        if (type.isInterfaceObjectIn(group.graph)) {
            return visitInterfaceObject(group, selection, type, selections, path, provided, internal);
        }
        selection.field("__typename", "__typename", List.of());
        Set<FetchGroup> producers = new LinkedHashSet<>();
        producers.add(group);
        List<String> returnable = new ArrayList<>();
        for (String possible : type.possibleTypes()) {
            TypeMeta object = supergraph.type(possible);
            if (object != null && object.inGraph(group.graph)
                    && (type.kind() == TypeMeta.Kind.UNION ? type.related(group.graph).contains(possible)
                    : object.related(group.graph).contains(typeName))) {
                returnable.add(possible);
            }
        }
        if (type.kind() == TypeMeta.Kind.INTERFACE && returnable.isEmpty()) {
            // no implementation here: the interface's own fields are all this subgraph can be asked, and one it
            // cannot resolve must fail the plan rather than vanish from it
            producers.addAll(visitFields(group, selection, typeName, collector.collect(typeName, selections), path,
                    provided, internal));
            return producers;
        }
        if (type.kind() == TypeMeta.Kind.INTERFACE && provided == null
                && !collector.hasTypeConditionsOtherThan(typeName, selections)) {
            Map<String, List<Field>> fields = collector.collect(typeName, selections);
            if (reachability.allLocal(group.graph, type, returnable, fields)) {
                // every implementation answers these interface fields here: no need to split by type
                producers.addAll(visitFields(group, selection, typeName, fields, path, null, internal));
                return producers;
            }
        }
        for (String possible : returnable) {
            // a type that another subgraph which could serve here would not return: only what is selected on the
            // abstract type itself, so that the answer does not depend on the subgraph asked (as Apollo's planner)
            boolean everywhere = serving.returnedByAll(type, possible, path);
            if (!everywhere && type.kind() == TypeMeta.Kind.UNION) {
                continue;
            }
            Map<String, List<Field>> fields = collector.collect(everywhere ? possible : typeName, selections);
            if (!fields.isEmpty()) {
                producers.addAll(visitFields(group, selection.fragment(possible), possible, fields,
                        PathSegment.append(path, new PathSegment.TypeCondition(possible)), provided, internal));
            }
        }
        return producers;
    }

    /**
     * The subgraph sees the interface as an object: the interface's fields come from it or through the
     * interface's key; type conditions and __typename need the concrete type from a subgraph that knows it.
     */
    private Set<FetchGroup> visitInterfaceObject(FetchGroup group, FetchSelection selection, TypeMeta type,
                                                 List<Selection> selections, List<PathSegment> path,
                                                 List<Selection> provided, boolean internal) {
        selection.field("__typename", "__typename", List.of());
        boolean lookup = collector.hasTypeConditionsOtherThan(type.name(), selections);
        Map<String, List<Field>> local = new LinkedHashMap<>();
        for (Map.Entry<String, List<Field>> entry : collector.collect(type.name(), selections).entrySet()) {
            String name = entry.getValue().get(0).getName();
            FieldMeta field = type.field(name);
            if (name.equals("__typename")) {
                lookup |= !internal;
            } else if (field != null && (reachability.resolvesHere(field, entry.getValue(), group.graph)
                    || reachability.acceptingGraphs(field, entry.getValue()).stream()
                    .anyMatch(graph -> !type.keys(graph).isEmpty()))) {
                // resolvable here, or through the interface's key elsewhere (e.g. another @interfaceObject)
                local.put(entry.getKey(), entry.getValue());
            } else {
                lookup = true;
            }
        }
        Set<FetchGroup> producers = visitFields(group, selection, type.name(), local, path, provided, internal);
        producers.add(group);
        if (lookup) {
            String target = type.graphs().stream()
                    .filter(g -> !type.isInterfaceObjectIn(g) && !type.keys(g).isEmpty()).findFirst()
                    .orElseThrow(() -> new PlanningException("No subgraph can resolve the concrete type of interface "
                            + type.name() + " (needs a @key on the interface)"));
            FetchGroup lookupGroup = entityGroup(group, selection, type.name(), type.name(), target, path, provided, null,
                    Set.of());
            producers.add(lookupGroup);
            // what the interface object resolved stays its answer: the lookup asks only for the rest
            List<Selection> rest = new ArrayList<>(collector.otherTypeConditions(type.name(), selections));
            collector.collect(type.name(), selections).forEach((key, fields) -> {
                if (!local.containsKey(key)) {
                    rest.addAll(fields);
                }
            });
            producers.addAll(visitSelections(lookupGroup, lookupGroup.selection.fragment(type.name()), type.name(),
                    rest, path, null, internal));
        }
        return producers;
    }

    private Set<FetchGroup> visitFields(FetchGroup group, FetchSelection selection, String typeName,
                                        Map<String, List<Field>> fields, List<PathSegment> path,
                                        List<Selection> provided, boolean internal) {
        Map<String, List<Field>> providedFields = provided == null ? null : collector.collect(typeName, provided);
        Set<FetchGroup> producers = new LinkedHashSet<>();
        positions.push(new Position(group, selection, typeName, path));
        try {
            for (Map.Entry<String, List<Field>> entry : fields.entrySet()) {
                Field first = entry.getValue().get(0);
                String key = internal ? ResponseKeys.internalKey(first) : ResponseKeys.dataKey(entry.getKey(), first.getName());
                producers.addAll(visitField(group, selection, typeName, key, entry.getValue(), path, providedFields, internal));
            }
        } finally {
            positions.pop();
        }
        return producers;
    }

    private Set<FetchGroup> visitField(FetchGroup group, FetchSelection selection, String typeName, String key,
                                       List<Field> fields, List<PathSegment> path,
                                       Map<String, List<Field>> providedFields, boolean internal) {
        String name = fields.get(0).getName();
        if (name.equals("__typename")) {
            if (internal) {
                selection.field(key, name, List.of());
                return Set.of(group);
            }
            return Set.of();
        }
        if (name.startsWith("__")) {
            return Set.of();
        }
        TypeMeta type = supergraph.type(typeName);
        FieldMeta field = type.field(name);
        if (field == null) {
            throw new PlanningException("Unknown field " + typeName + "." + name);
        }
        List<Field> provided = providedFields == null ? null : providedFields.get(name);
        if (provided != null && providesEnough(group.graph, field, fields, provided)) {
            return addField(group, selection, key, fields, field, path, FieldCollector.subSelections(provided), internal);
        }
        if (!reachability.resolvesHere(field, fields, group.graph)) {
            return jump(group, selection, type, key, fields, field, path, providedFields, internal, null);
        }
        Elsewhere elsewhere = reachability.elsewhere(group.graph, type, field, fields);
        if (elsewhere == null) {
            return addField(group, selection, key, fields, field, path, null, internal);
        }
        if (elsewhere.local() == null) {
            return jump(group, selection, type, key, fields, field, path, providedFields, internal, elsewhere.graph());
        }
        Set<FetchGroup> producers = new LinkedHashSet<>(
                addField(group, selection, key, elsewhere.local(), field, path, null, internal));
        producers.addAll(jump(group, selection, type, key, elsewhere.remote(), field, path, providedFields,
                internal, elsewhere.graph()));
        return producers;
    }

    /**
     * Whether what @provides gives the subgraph here, with what it resolves itself, reaches the whole selection below
     * the field; else the field is planned as if nothing were provided (another subgraph may serve all of it).
     */
    private boolean providesEnough(String graph, FieldMeta field, List<Field> fields, List<Field> provided) {
        TypeMeta result = supergraph.type(field.namedType());
        return result == null || reachability.reachable(graph, result, FieldCollector.subSelections(fields),
                FieldCollector.subSelections(provided));
    }

    private Set<FetchGroup> addField(FetchGroup group, FetchSelection selection, String key, List<Field> fields,
                                     FieldMeta field, List<PathSegment> path, List<Selection> provided, boolean internal) {
        if (!field.contextArguments(group.graph).isEmpty()) {
            return addContextualField(group, selection, key, fields, field, path, provided, internal);
        }
        return addField(group, selection, key, fields, field, path, provided, internal, fields.get(0).getArguments());
    }

    /**
     * A field taking arguments from an ancestor's context (@fromContext): the context's selection is fetched at the
     * ancestor, and the field in an entity fetch that runs after that and whose entities are at or below the ancestor,
     * so that each entity's value can be read there: the current fetch if it is such a fetch, else one of the field's
     * parent from the same subgraph (as Apollo's planner does).
     */
    private Set<FetchGroup> addContextualField(FetchGroup group, FetchSelection selection, String key, List<Field> fields,
                                               FieldMeta field, List<PathSegment> path, List<Selection> provided,
                                               boolean internal) {
        List<ContextArgument> contextArguments = field.contextArguments(group.graph);
        Position parent = positions.peek();
        List<Position> ancestors = new ArrayList<>();
        Set<FetchGroup> valueProducers = new LinkedHashSet<>();
        for (ContextArgument argument : contextArguments) {
            Position ancestor = nearestSetting(argument.context());
            if (ancestor == null || parent == null) {
                throw new PlanningException(field.parentType() + "." + field.name() + " cannot be resolved here: its"
                        + " argument " + argument.name() + " comes from an ancestor with context "
                        + argument.context().substring(argument.context().indexOf("__") + 2)
                        + ", and no ancestor in the operation has it");
            }
            ancestors.add(ancestor);
            valueProducers.addAll(visitSelections(ancestor.group(), ancestor.selection(), ancestor.type(),
                    argument.selection().getSelections(), ancestor.path(), null, true));
        }
        FetchGroup host = group;
        FetchSelection hostSelection = selection;
        if (hostsContextualField(group, ancestors, valueProducers)) {
            group.dependsOn.addAll(valueProducers);
        } else {
            String parentType = parent.type();
            if (supergraph.type(parentType).keys(group.graph).isEmpty()) {
                throw new PlanningException(field.parentType() + "." + field.name() + " cannot be resolved here: it"
                        + " takes arguments from an ancestor's context, and " + parentType + " has no @key in subgraph "
                        + subgraphName(group.graph) + " to fetch it after that ancestor");
            }
            host = entityGroup(group, selection, parentType, parentType, group.graph, path, null,
                    field.requires(group.graph), valueProducers);
            hostSelection = host.selection.fragment(parentType);
        }
        List<Argument> arguments = new ArrayList<>(fields.get(0).getArguments());
        for (int i = 0; i < contextArguments.size(); i++) {
            ContextArgument argument = contextArguments.get(i);
            String variable = "contextualArgument_" + ++contextVariables;
            arguments.add(new Argument(argument.name(), new VariableReference(variable)));
            host.contextValues.add(new FetchNode.ContextValue(variable, argument.type(), ancestors.get(i).path().size(),
                    FetchGroup.fieldSetSelection(argument.selection(), reachability::objectTypes)));
        }
        return addField(host, hostSelection, key, fields, field, path, provided, internal, arguments);
    }

    /** The nearest position above the current field's parent whose type sets the context. */
    private Position nearestSetting(String context) {
        Iterator<Position> above = positions.iterator();
        if (above.hasNext()) {
            above.next(); // the parent: a type is not its own fields' context
        }
        while (above.hasNext()) {
            Position position = above.next();
            TypeMeta type = supergraph.type(position.type());
            if (type != null && type.setsContext(context)) {
                return position;
            }
        }
        return null;
    }

    /**
     * Whether the group can take the contextual field: an entity fetch below (or at) every ancestor the values come
     * from, that can wait for what produces them.
     */
    private static boolean hostsContextualField(FetchGroup group, List<Position> ancestors, Set<FetchGroup> valueProducers) {
        return group.entity
                && ancestors.stream().allMatch(ancestor -> ancestor.path().size() <= group.mergeAt.size()
                && group.mergeAt.subList(0, ancestor.path().size()).equals(ancestor.path()))
                && valueProducers.stream().noneMatch(producer -> producer == group || producer.dependsOn(group));
    }

    private Set<FetchGroup> addField(FetchGroup group, FetchSelection selection, String key, List<Field> fields,
                                     FieldMeta field, List<PathSegment> path, List<Selection> provided, boolean internal,
                                     List<Argument> arguments) {
        Field first = fields.get(0);
        FetchSelection.FieldSelection added = selection.field(key, first.getName(), arguments);
        added.subgraphType(field.typeIn(group.graph));
        group.useVariables(first.getArguments());
        Set<FetchGroup> producers = new LinkedHashSet<>();
        producers.add(group);
        if (supergraph.type(field.namedType()) == null) {
            return producers;
        }
        List<Selection> childProvided = provided;
        SelectionSet provides = field.provides(group.graph);
        if (provides != null) {
            childProvided = new ArrayList<>(provided == null ? List.of() : provided);
            childProvided.addAll(provides.getSelections());
        }
        List<PathSegment> childPath = PathSegment.append(path, new PathSegment.Key(key));
        for (int i = 0; i < field.listDepth(); i++) {
            childPath = PathSegment.append(childPath, PathSegment.ITEMS);
        }
        serving.enter(path, childPath, field, group.graph);
        String childType = field.namedType();
        String declared = field.namedTypeIn(group.graph);
        if (!declared.equals(childType) && supergraph.type(declared) != null && supergraph.type(childType).isAbstract()) {
            // the subgraph declares a narrower type (an object or a smaller union): only its types can come back
            childType = declared;
            added.subOrCreate().field("__typename", "__typename", List.of());
        }
        producers.addAll(visitSelections(group, added.subOrCreate(), childType,
                FieldCollector.subSelections(fields), childPath, childProvided, internal));
        return producers;
    }

    /** The current subgraph cannot resolve the field: fetch it from another through _entities. */
    private Set<FetchGroup> jump(FetchGroup group, FetchSelection selection, TypeMeta type, String key,
                                 List<Field> fields, FieldMeta field, List<PathSegment> path,
                                 Map<String, List<Field>> providedFields, boolean internal, String forcedTarget) {
        if (++jumps > MAX_JUMPS) {
            throw new PlanningException("The operation needs more than " + MAX_JUMPS + " entity jumps to plan (at "
                    + type.name() + "." + field.name() + ")");
        }
        String target = forcedTarget != null ? forcedTarget
                : choice.target(type, field, fields, path, graph -> reaching.contains(new EntityRoute(type.name(), graph)));
        Elsewhere elsewhere = forcedTarget == null && target != null ? reachability.elsewhere(target, type, field, fields) : null;
        if (elsewhere != null && elsewhere.local() == null) {
            target = elsewhere.graph();
        } else if (elsewhere != null) {
            // the selection below is split between two subgraphs that resolve the field
            Set<FetchGroup> producers = new LinkedHashSet<>(jump(group, selection, type, key, elsewhere.local(), field,
                    path, providedFields, internal, target));
            producers.addAll(jump(group, selection, type, key, elsewhere.remote(), field, path, providedFields,
                    internal, elsewhere.graph()));
            return producers;
        }
        String typename = type.name();
        FieldMeta targetField = field;
        if (target == null) {
            // an @interfaceObject elsewhere may resolve the field for this implementation through the interface's key
            for (String itf : type.relatedInAnyGraph()) {
                TypeMeta itfType = supergraph.type(itf);
                for (String graph : itfType.interfaceObjectGraphs()) {
                    FieldMeta itfField = itfType.field(field.name());
                    if (target == null && itfField != null && reachability.resolvesIn(itfField, graph) && !itfType.keys(graph).isEmpty()) {
                        target = graph;
                        typename = itf;
                        targetField = itfField;
                    }
                }
            }
        }
        if (target == null && !reachability.resolvingGraphs(field).isEmpty() && reachability.acceptingGraphs(field, fields).isEmpty()) {
            throw reachability.noSubgraphAccepts(field, fields);
        }
        if (target == null) {
            throw new PlanningException("No subgraph can resolve " + type.name() + "." + field.name()
                    + " from subgraph " + subgraphName(group.graph) + " (no usable @key)");
        }
        List<Selection> provided = providedFields == null ? null
                : providedFields.values().stream().<Selection>map(f -> f.get(0)).toList();
        FetchGroup entityGroup = entityGroup(group, selection, type.name(), typename, target, path, provided,
                targetField.requires(target), Set.of());
        return addField(entityGroup, entityGroup.selection.fragment(typename), key, fields, targetField, path, null, internal);
    }

    /**
     * The entity fetch to the target at this path, after the fetches that give its key and required fields.
     *
     * @param after what else the fetch must wait for (what produces its context values)
     */
    private FetchGroup entityGroup(FetchGroup group, FetchSelection selection, String runtimeType, String typename,
                                   String target, List<PathSegment> path, List<Selection> provided, SelectionSet requires,
                                   Set<FetchGroup> after) {
        TypeMeta.Key key = choice.key(supergraph.type(typename).keys(target), group.graph, runtimeType);
        selection.field("__typename", "__typename", List.of());
        Set<FetchGroup> dependencies = new LinkedHashSet<>();
        dependencies.add(group);
        EntityRoute route = new EntityRoute(runtimeType, target);
        boolean added = reaching.add(route);
        try {
            dependencies.addAll(visitSelections(group, selection, runtimeType, key.selections().getSelections(), path, provided, true));
        } finally {
            if (added) {
                reaching.remove(route);
            }
        }
        if (requires != null) {
            // required fields may come from the target itself, in an earlier fetch
            dependencies.addAll(visitSelections(group, selection, runtimeType, requires.getSelections(), path, provided, true));
        }
        dependencies.addAll(after);
        FetchGroup entityGroup = fetches.entityGroup(target, path, dependencies,
                open -> open.acceptsRequirements(runtimeType, requires));
        entityGroup.addRepresentation(runtimeType, typename, key.selections(), requires, reachability::objectTypes);
        return entityGroup;
    }

    private String subgraphName(String graph) {
        SubgraphInfo info = supergraph.subgraph(graph);
        return info == null ? graph : info.name();
    }
}
