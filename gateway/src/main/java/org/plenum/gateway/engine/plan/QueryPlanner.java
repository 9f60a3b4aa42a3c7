package org.plenum.gateway.engine.plan;

import graphql.language.AstPrinter;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.VariableDefinition;
import org.plenum.gateway.engine.supergraph.FieldMeta;
import org.plenum.gateway.engine.supergraph.SubgraphInfo;
import org.plenum.gateway.engine.supergraph.Supergraph;
import org.plenum.gateway.engine.supergraph.TypeMeta;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Plans one operation into subgraph fetches. Walks the operation keeping the current fetch; a field the
 * current subgraph cannot resolve becomes an entity jump (a dependent _entities fetch at that path).
 * Dependent fetches to the same subgraph at the same path are merged, so each plan step sends one
 * request per subgraph whatever the number of items.
 */
public final class QueryPlanner {

    /** Guards against supergraphs whose keys can only be reached in circles. */
    private static final int MAX_JUMPS = 2_000;

    private final Supergraph supergraph;

    public QueryPlanner(Supergraph supergraph) {
        this.supergraph = supergraph;
    }

    /**
     * @param conditionValues the request's values of the variables used by @skip/@include (the plan depends on them)
     */
    public OperationPlan plan(OperationDefinition operation, Map<String, FragmentDefinition> fragments,
                              Map<String, Object> conditionValues) {
        FieldCollector collector = new FieldCollector(supergraph, fragments, conditionValues);
        Planning planning = new Planning(collector, operation);
        PlanNode root = planning.planRoot();
        ResponseShape shape = new ShapeCompiler(supergraph.apiSchema(), collector).compile(operation);
        return new OperationPlan(root, shape, operation.getOperation().name().toLowerCase(), shape.hasIntrospection());
    }

    /**
     * Plans what the caller may run ({@code allowed}, the operation {@code sent} without what the caller may not see)
     * and answers in the shape of what was sent: each removed field is null with an error.
     */
    public OperationPlan plan(OperationDefinition sent, Map<String, FragmentDefinition> sentFragments,
                              OperationDefinition allowed, Map<String, FragmentDefinition> allowedFragments,
                              Map<String, Object> conditionValues) {
        OperationPlan plan = plan(allowed, allowedFragments, conditionValues);
        ResponseShape sentShape = new ShapeCompiler(supergraph.apiSchema(),
                new FieldCollector(supergraph, sentFragments, conditionValues)).compile(sent);
        return new OperationPlan(plan.root(), sentShape.restrictedTo(plan.shape()), plan.operationType(), plan.introspection());
    }

    private final class Planning {
        private final FieldCollector collector;
        private final OperationDefinition operation;
        private final boolean mutation;
        private final List<FetchGroup> groups = new ArrayList<>();
        private final List<FetchGroup> rootGroups = new ArrayList<>();
        private int jumps;
        /** "Type@graph" entity jumps whose key fields are being planned */
        private final Set<String> reaching = new HashSet<>();

        Planning(FieldCollector collector, OperationDefinition operation) {
            this.collector = collector;
            this.operation = operation;
            this.mutation = operation.getOperation() == OperationDefinition.Operation.MUTATION;
        }

        PlanNode planRoot() {
            String rootType = rootTypeName();
            Map<String, List<Field>> rootFields = collector.collect(rootType, operation.getSelectionSet().getSelections());
            FetchGroup current = null;
            for (Map.Entry<String, List<Field>> entry : rootFields.entrySet()) {
                String name = entry.getValue().get(0).getName();
                if (name.startsWith("__")) {
                    continue;
                }
                FieldMeta field = supergraph.type(rootType).field(name);
                Map<String, List<Field>> parts = mutation ? null : splitValueTree(field, entry.getValue());
                if (parts != null) {
                    for (Map.Entry<String, List<Field>> part : parts.entrySet()) {
                        FetchGroup group = rootGroupFor(part.getKey());
                        if (group == null) {
                            group = newGroup(part.getKey(), List.of(), false);
                            rootGroups.add(group);
                        }
                        addField(group, group.selection, ResponseKeys.dataKey(entry.getKey(), name), part.getValue(), field,
                                List.of(), null, false);
                    }
                    continue;
                }
                String graph = chooseRootGraph(field, entry.getValue(), current);
                FetchGroup group = mutation ? current : rootGroupFor(graph);
                if (group == null || !group.graph.equals(graph)) {
                    group = newGroup(graph, List.of(), false);
                    rootGroups.add(group);
                }
                current = group;
                addField(current, current.selection, ResponseKeys.dataKey(entry.getKey(), name), entry.getValue(), field,
                        List.of(), null, false);
            }
            return toPlanNode();
        }

        /**
         * A shared root field returning a type without keys that no single subgraph resolves whole: each subgraph
         * is asked for the root field with the part of the selection it resolves, and the answers merge.
         *
         * @return the selection per subgraph, or null when one subgraph will do (or splitting cannot help)
         */
        private Map<String, List<Field>> splitValueTree(FieldMeta field, List<Field> fields) {
            TypeMeta type = supergraph.type(field.namedType());
            Set<String> candidates = field.resolvableIn();
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
            parts.forEach((graph, part) -> split.put(graph, withSelections(fields, part)));
            return split;
        }

        /** The field (with its arguments and directives) selecting only part of what it selects. */
        private static List<Field> withSelections(List<Field> fields, List<Selection> part) {
            return List.of(fields.get(0).transform(builder ->
                    builder.selectionSet(SelectionSet.newSelectionSet().selections(part).build())));
        }

        private String rootTypeName() {
            return switch (operation.getOperation()) {
                case QUERY -> supergraph.apiSchema().getQueryType().getName();
                case MUTATION -> supergraph.apiSchema().getMutationType().getName();
                case SUBSCRIPTION -> throw new PlanningException("Subscriptions are not supported by this gateway");
            };
        }

        private FetchGroup rootGroupFor(String graph) {
            return rootGroups.stream().filter(g -> g.graph.equals(graph)).findFirst().orElse(null);
        }

        /** A shared root field goes where earlier root fields went, else where most of its selection resolves. */
        private String chooseRootGraph(FieldMeta field, List<Field> fields, FetchGroup current) {
            Set<String> candidates = field.resolvableIn();
            if (candidates.isEmpty()) {
                throw new PlanningException("No subgraph resolves root field " + field.parentType() + "." + field.name());
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
            return candidates.stream().max(Comparator.<String, Boolean>comparing(graph -> !composite || type.isAbstract()
                            || reachable(graph, type, selections))
                    .thenComparingLong(graph -> !composite ? 0 : localFields(graph, field.namedType(), selections,
                            field.provides(graph) == null ? null : field.provides(graph).getSelections()))
                    .thenComparing(graph -> !mutation && rootGroupFor(graph) != null)).orElseThrow();
        }

        /** How many of the selected fields (all levels) the subgraph resolves itself: fewer jumps from there. */
        private long localFields(String graph, String typeName, List<Selection> selections, List<Selection> provided) {
            TypeMeta type = supergraph.type(typeName);
            if (type.isAbstract()) {
                long count = 0;
                for (String possible : type.possibleTypes()) {
                    TypeMeta object = supergraph.type(possible);
                    if (object != null && object.inGraph(graph)) {
                        count += localFields(graph, possible, selections, provided);
                    }
                }
                return count;
            }
            Map<String, List<Field>> providedFields = provided == null ? Map.of() : collector.collect(typeName, provided);
            long count = 0;
            for (List<Field> fields : collector.collect(typeName, selections).values()) {
                FieldMeta field = type.field(fields.get(0).getName());
                List<Field> providedField = providedFields.get(fields.get(0).getName());
                if (field != null && (providedField != null || (field.resolvableIn(graph) && field.requires(graph) == null))) {
                    count++;
                    if (supergraph.type(field.namedType()) != null) {
                        count += localFields(graph, field.namedType(), FieldCollector.subSelections(fields),
                                providedField == null ? null : FieldCollector.subSelections(providedField));
                    }
                }
            }
            return count;
        }

        private FetchGroup newGroup(String graph, List<String> mergeAt, boolean entity) {
            FetchGroup group = new FetchGroup(groups.size(), graph, mergeAt, entity);
            groups.add(group);
            return group;
        }

        Set<FetchGroup> visitSelections(FetchGroup group, FetchSelection selection, String typeName,
                                        List<Selection> selections, List<String> path,
                                        List<Selection> provided, boolean internal) {
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
            if (type.kind() == TypeMeta.Kind.INTERFACE && provided == null
                    && !collector.hasTypeConditionsOtherThan(typeName, selections)) {
                Map<String, List<Field>> fields = collector.collect(typeName, selections);
                if (allLocal(group.graph, type, returnable, fields)) {
                    // every implementation answers these interface fields here: no need to split by type
                    producers.addAll(visitFields(group, selection, typeName, fields, path, null, internal));
                    return producers;
                }
            }
            for (String possible : returnable) {
                Map<String, List<Field>> fields = collector.collect(possible, selections);
                if (!fields.isEmpty()) {
                    producers.addAll(visitFields(group, selection.fragment(possible), possible, fields,
                            append(path, "... on " + possible), provided, internal));
                }
            }
            return producers;
        }

        private boolean allLocal(String graph, TypeMeta itf, List<String> implementations, Map<String, List<Field>> fields) {
            for (List<Field> selected : fields.values()) {
                String name = selected.get(0).getName();
                if (name.startsWith("__")) {
                    continue;
                }
                FieldMeta field = itf.field(name);
                if (field == null || !field.resolvableIn(graph) || field.requires(graph) != null) {
                    return false;
                }
                for (String implementation : implementations) {
                    FieldMeta own = supergraph.type(implementation).field(name);
                    if (own == null || !own.resolvableIn(graph) || own.requires(graph) != null
                            || !String.valueOf(own.typeIn(graph)).equals(String.valueOf(field.typeIn(graph)))) {
                        return false;
                    }
                }
            }
            return true;
        }

        /**
         * The subgraph sees the interface as an object: the interface's fields come from it or through the
         * interface's key; type conditions and __typename need the concrete type from a subgraph that knows it.
         */
        private Set<FetchGroup> visitInterfaceObject(FetchGroup group, FetchSelection selection, TypeMeta type,
                                                     List<Selection> selections, List<String> path,
                                                     List<Selection> provided, boolean internal) {
            selection.field("__typename", "__typename", List.of());
            boolean lookup = collector.hasTypeConditionsOtherThan(type.name(), selections);
            Map<String, List<Field>> local = new LinkedHashMap<>();
            for (Map.Entry<String, List<Field>> entry : collector.collect(type.name(), selections).entrySet()) {
                String name = entry.getValue().get(0).getName();
                FieldMeta field = type.field(name);
                if (name.equals("__typename")) {
                    lookup |= !internal;
                } else if (field != null && ((field.resolvableIn(group.graph) && field.requires(group.graph) == null)
                        || field.resolvableIn().stream().anyMatch(graph -> !type.keys(graph).isEmpty()))) {
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
                FetchGroup lookupGroup = entityGroup(group, selection, type.name(), type.name(), target, path, provided, null);
                producers.add(lookupGroup);
                producers.addAll(visitSelections(lookupGroup, lookupGroup.selection.fragment(type.name()), type.name(),
                        selections, path, null, internal));
            }
            return producers;
        }

        private Set<FetchGroup> visitFields(FetchGroup group, FetchSelection selection, String typeName,
                                            Map<String, List<Field>> fields, List<String> path,
                                            List<Selection> provided, boolean internal) {
            Map<String, List<Field>> providedFields = provided == null ? null : collector.collect(typeName, provided);
            Set<FetchGroup> producers = new LinkedHashSet<>();
            for (Map.Entry<String, List<Field>> entry : fields.entrySet()) {
                Field first = entry.getValue().get(0);
                String key = internal ? ResponseKeys.internalKey(first) : ResponseKeys.dataKey(entry.getKey(), first.getName());
                producers.addAll(visitField(group, selection, typeName, key, entry.getValue(), path,
                        providedFields, internal));
            }
            return producers;
        }

        private Set<FetchGroup> visitField(FetchGroup group, FetchSelection selection, String typeName, String key,
                                           List<Field> fields, List<String> path,
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
            if (provided != null) {
                return addField(group, selection, key, fields, field, path, FieldCollector.subSelections(provided), internal);
            }
            if (field.resolvableIn(group.graph) && field.requires(group.graph) == null) {
                Elsewhere elsewhere = elsewhere(group.graph, type, field, fields);
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
            return jump(group, selection, type, key, fields, field, path, providedFields, internal, null);
        }

        private Set<FetchGroup> addField(FetchGroup group, FetchSelection selection, String key, List<Field> fields,
                                         FieldMeta field, List<String> path, List<Selection> provided, boolean internal) {
            Field first = fields.get(0);
            FetchSelection.FieldSelection added = selection.field(key, first.getName(), first.getArguments());
            added.subgraphType(field.typeIn(group.graph));
            group.useVariables(first.getArguments());
            Set<FetchGroup> producers = new LinkedHashSet<>();
            producers.add(group);
            if (supergraph.type(field.namedType()) != null) {
                List<Selection> childProvided = provided;
                SelectionSet provides = field.provides(group.graph);
                if (provides != null) {
                    childProvided = new ArrayList<>(provided == null ? List.of() : provided);
                    childProvided.addAll(provides.getSelections());
                }
                List<String> childPath = append(path, key);
                for (int i = 0; i < field.listDepth(); i++) {
                    childPath = append(childPath, "@");
                }
                String childType = field.namedType();
                String declared = field.typeIn(group.graph) == null ? childType : field.typeIn(group.graph).replaceAll("[\\[\\]!]", "");
                if (!declared.equals(childType) && supergraph.type(declared) != null && supergraph.type(childType).isAbstract()) {
                    // the subgraph declares a narrower type (an object or a smaller union): only its types can come back
                    childType = declared;
                    added.subOrCreate().field("__typename", "__typename", List.of());
                }
                producers.addAll(visitSelections(group, added.subOrCreate(), childType,
                        FieldCollector.subSelections(fields), childPath, childProvided, internal));
            }
            return producers;
        }

        /** The current subgraph cannot resolve the field: fetch it from another through _entities. */
        private Set<FetchGroup> jump(FetchGroup group, FetchSelection selection, TypeMeta type, String key,
                                     List<Field> fields, FieldMeta field, List<String> path,
                                     Map<String, List<Field>> providedFields, boolean internal, String forcedTarget) {
            if (++jumps > MAX_JUMPS) {
                throw new PlanningException("The operation needs more than " + MAX_JUMPS + " entity jumps to plan (at "
                        + type.name() + "." + field.name() + ")");
            }
            String target = forcedTarget != null ? forcedTarget : chooseTarget(type, field, fields, path);
            Elsewhere elsewhere = forcedTarget == null && target != null ? elsewhere(target, type, field, fields) : null;
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
                for (String itf : type.relatedInAnyGraph()) {
                    TypeMeta itfType = supergraph.type(itf);
                    for (String graph : itfType.interfaceObjectGraphs()) {
                        FieldMeta itfField = itfType.field(field.name());
                        if (target == null && itfField != null && itfField.resolvableIn(graph) && !itfType.keys(graph).isEmpty()) {
                            target = graph;
                            typename = itf;
                            targetField = itfField;
                        }
                    }
                }
            }
            if (target == null) {
                throw new PlanningException("No subgraph can resolve " + type.name() + "." + field.name()
                        + " from subgraph " + subgraphName(group.graph) + " (no usable @key)");
            }
            List<Selection> provided = providedFields == null ? null
                    : providedFields.values().stream().<Selection>map(f -> f.get(0)).toList();
            FetchGroup entityGroup = entityGroup(group, selection, type.name(), typename, target, path, provided,
                    targetField.requires(target));
            return addField(entityGroup, entityGroup.selection.fragment(typename), key, fields, targetField, path, null, internal);
        }

        /**
         * Below a field, a selected field may be out of reach from the current subgraph: resolved elsewhere only,
         * on a type without a key there (a value type, or an entity whose key that subgraph lacks). Then the field
         * comes from a subgraph reached through the parent's key: whole if one reaches its whole selection, else
         * split, what is reachable here from here and the rest from there.
         *
         * @return where to get the field or its out-of-reach part, or null when everything is reachable here
         */
        private Elsewhere elsewhere(String graph, TypeMeta parent, FieldMeta field, List<Field> fields) {
            TypeMeta result = supergraph.type(field.namedType());
            if (result == null || result.isAbstract()) {
                return null;
            }
            List<Selection> selections = FieldCollector.subSelections(fields);
            if (reachable(graph, result, selections)) {
                return null;
            }
            List<String> others = field.resolvableIn().stream()
                    .filter(other -> !other.equals(graph) && !parent.keys(other).isEmpty() && field.requires(other) == null)
                    .toList();
            for (String other : others) {
                if (reachable(other, result, selections)) {
                    return new Elsewhere(other, null, null);
                }
            }
            List<Selection> local = new ArrayList<>();
            List<Selection> remote = new ArrayList<>();
            for (List<Field> selected : collector.collect(result.name(), selections).values()) {
                List<Selection> part = List.copyOf(selected);
                (reachable(graph, result, part) ? local : remote).addAll(part);
            }
            for (String other : others) {
                if (reachable(other, result, remote)) {
                    return new Elsewhere(other, withSelections(fields, local), withSelections(fields, remote));
                }
            }
            return null;
        }

        /** Whether each selected field resolves in the subgraph, or through a key of its type it has, elsewhere. */
        private boolean reachable(String graph, TypeMeta type, List<Selection> selections) {
            for (List<Field> fields : collector.collect(type.name(), selections).values()) {
                String name = fields.get(0).getName();
                if (name.startsWith("__")) {
                    continue;
                }
                FieldMeta field = type.field(name);
                if (field == null) {
                    return false;
                }
                if (!field.resolvableIn(graph) || field.requires(graph) != null) {
                    if (field.resolvableIn().stream().noneMatch(other -> type.keys(other).stream()
                            .anyMatch(key -> resolvableIn(graph, type.name(), key.selections())))) {
                        return false;
                    }
                    continue;
                }
                TypeMeta result = supergraph.type(field.namedType());
                if (result != null && !result.isAbstract() && !reachable(graph, result, FieldCollector.subSelections(fields))) {
                    return false;
                }
            }
            return true;
        }

        /**
         * Among the subgraphs that resolve the field and can be reached by a key: one without @requires, then one
         * already asked at this path (same request), then the one resolving most of the selection below itself.
         */
        private String chooseTarget(TypeMeta type, FieldMeta field, List<Field> fields, List<String> path) {
            List<Selection> selections = supergraph.type(field.namedType()) == null ? null : FieldCollector.subSelections(fields);
            return field.resolvableIn().stream()
                    .filter(graph -> !type.keys(graph).isEmpty() && !reaching.contains(type.name() + "@" + graph))
                    .max(Comparator.<String, Boolean>comparing(graph -> field.requires(graph) == null)
                            .thenComparing(graph -> groups.stream().anyMatch(g -> g.entity && g.graph.equals(graph) && g.mergeAt.equals(path)))
                            .thenComparingLong(graph -> selections == null ? 0 : localFields(graph, field.namedType(), selections,
                                    field.provides(graph) == null ? null : field.provides(graph).getSelections())))
                    .orElse(null);
        }

        private FetchGroup entityGroup(FetchGroup group, FetchSelection selection, String runtimeType, String typename,
                                       String target, List<String> path, List<Selection> provided, SelectionSet requires) {
            TypeMeta.Key key = chooseKey(supergraph.type(typename).keys(target), group.graph, runtimeType);
            selection.field("__typename", "__typename", List.of());
            Set<FetchGroup> dependencies = new LinkedHashSet<>();
            dependencies.add(group);
            // while getting the key for the target, the target itself cannot be the way to that key
            String reach = runtimeType + "@" + target;
            boolean added = reaching.add(reach);
            try {
                dependencies.addAll(visitSelections(group, selection, runtimeType, key.selections().getSelections(), path, provided, true));
            } finally {
                if (added) {
                    reaching.remove(reach);
                }
            }
            if (requires != null) {
                // required fields may come from the target itself, in an earlier fetch
                dependencies.addAll(visitSelections(group, selection, runtimeType, requires.getSelections(), path, provided, true));
            }
            FetchGroup entityGroup = groups.stream()
                    .filter(g -> g.entity && g.graph.equals(target) && g.mergeAt.equals(path) && !dependencies.contains(g)
                            && dependencies.stream().noneMatch(d -> d.dependsOn(g)))
                    .findFirst().orElseGet(() -> newGroup(target, path, true));
            entityGroup.dependsOn.addAll(dependencies);
            entityGroup.addRepresentation(runtimeType, typename, key.selections(), requires, this::objectTypes);
            return entityGroup;
        }

        private Collection<String> objectTypes(String typeName) {
            TypeMeta type = supergraph.type(typeName);
            return type != null && type.isAbstract() ? type.possibleTypes() : List.of(typeName);
        }

        /** Prefers a key the current subgraph can provide itself. */
        private TypeMeta.Key chooseKey(List<TypeMeta.Key> keys, String sourceGraph, String runtimeType) {
            for (TypeMeta.Key key : keys) {
                if (resolvableIn(sourceGraph, runtimeType, key.selections())) {
                    return key;
                }
            }
            return keys.get(0);
        }

        private boolean resolvableIn(String graph, String typeName, SelectionSet selections) {
            TypeMeta type = supergraph.type(typeName);
            for (Selection<?> selection : selections.getSelections()) {
                if (selection instanceof Field f && !f.getName().equals("__typename")) {
                    FieldMeta field = type.field(f.getName());
                    if (field == null || !field.resolvableIn(graph) || field.requires(graph) != null
                            || (f.getSelectionSet() != null && supergraph.type(field.namedType()) != null
                            && !supergraph.type(field.namedType()).isAbstract()
                            && !resolvableIn(graph, field.namedType(), f.getSelectionSet()))) {
                        return false;
                    }
                }
            }
            return true;
        }

        private String subgraphName(String graph) {
            SubgraphInfo info = supergraph.subgraph(graph);
            return info == null ? graph : info.name();
        }

        private PlanNode toPlanNode() {
            if (mutation) {
                Map<FetchGroup, FetchGroup> rootOf = new HashMap<>();
                List<PlanNode> steps = new ArrayList<>();
                for (FetchGroup root : rootGroups) {
                    List<FetchGroup> members = new ArrayList<>();
                    for (FetchGroup group : groups) {
                        if (root(group, rootOf) == root) {
                            members.add(group);
                        }
                    }
                    steps.add(layered(members));
                }
                return steps.size() == 1 ? steps.get(0) : new PlanNode.Sequence(steps);
            }
            return layered(groups);
        }

        private FetchGroup root(FetchGroup group, Map<FetchGroup, FetchGroup> rootOf) {
            return rootOf.computeIfAbsent(group, g -> g.dependsOn.isEmpty() ? g : root(g.dependsOn.iterator().next(), rootOf));
        }

        /**
         * Each fetch runs in the step after the last of the fetches it waits for; entity fetches of one step
         * to the same subgraph become one request.
         */
        private PlanNode layered(List<FetchGroup> members) {
            Map<FetchGroup, Integer> depth = new HashMap<>();
            List<Map<String, List<FetchGroup>>> layers = new ArrayList<>();
            for (FetchGroup group : members) {
                int level = depth(group, depth);
                while (layers.size() <= level) {
                    layers.add(new LinkedHashMap<>());
                }
                if (!group.selection.isEmpty()) {
                    Map<String, List<FetchGroup>> layer = layers.get(level);
                    int attempt = 0;
                    String batch = group.entity ? group.graph : "root:" + group.id;
                    while (layer.containsKey(batch + "#" + attempt)
                            && !layer.get(batch + "#" + attempt).stream().allMatch(member -> sameRepresentations(member, group))) {
                        attempt++;
                    }
                    layer.computeIfAbsent(batch + "#" + attempt, b -> new ArrayList<>()).add(group);
                }
            }
            List<PlanNode> steps = new ArrayList<>();
            for (Map<String, List<FetchGroup>> layer : layers) {
                List<PlanNode> fetches = new ArrayList<>();
                for (List<FetchGroup> batch : layer.values()) {
                    fetches.add(new PlanNode.Fetch(toFetchNode(batch)));
                }
                if (fetches.size() == 1) {
                    steps.add(fetches.get(0));
                } else if (!fetches.isEmpty()) {
                    steps.add(new PlanNode.Parallel(fetches));
                }
            }
            return steps.size() == 1 ? steps.get(0) : new PlanNode.Sequence(steps);
        }

        /** Entity fetches share a request only if they represent each type the same way (keys and requires). */
        private boolean sameRepresentations(FetchGroup a, FetchGroup b) {
            for (Map.Entry<String, FetchGroup.RepresentationBuilder> entry : a.representations.entrySet()) {
                FetchGroup.RepresentationBuilder other = b.representations.get(entry.getKey());
                if (other != null && !(other.key.toString().equals(entry.getValue().key.toString())
                        && other.required.toString().equals(entry.getValue().required.toString())
                        && other.typename.equals(entry.getValue().typename))) {
                    return false;
                }
            }
            return true;
        }

        private int depth(FetchGroup group, Map<FetchGroup, Integer> depth) {
            Integer known = depth.get(group);
            if (known != null) {
                return known;
            }
            int level = 0;
            for (FetchGroup dependency : group.dependsOn) {
                level = Math.max(level, depth(dependency, depth) + 1);
            }
            depth.put(group, level);
            return level;
        }

        private FetchNode toFetchNode(List<FetchGroup> batch) {
            FetchGroup group = batch.get(0);
            FetchSelection selection = group.selection;
            Set<String> usedVariables = new LinkedHashSet<>(group.variables);
            List<List<String>> mergeAt = new ArrayList<>();
            Map<String, FetchNode.Representation> representations = group.entity ? new LinkedHashMap<>() : null;
            for (FetchGroup member : batch) {
                if (member != group) {
                    selection = merged(selection, member.selection);
                    usedVariables.addAll(member.variables);
                }
                if (!mergeAt.contains(member.mergeAt)) {
                    mergeAt.add(member.mergeAt);
                }
                if (group.entity) {
                    member.representations.forEach((type, builder) -> representations.merge(type,
                            new FetchNode.Representation(builder.typename, builder.key, builder.required),
                            (a, b) -> new FetchNode.Representation(a.typename(), merged(a.key(), b.key()), merged(a.required(), b.required()))));
                }
            }
            boolean renamed = selection.separateConflictingFields();
            StringBuilder document = new StringBuilder(mutation && !group.entity ? "mutation" : "query");
            List<String> variableNames = new ArrayList<>();
            List<String> definitions = new ArrayList<>();
            if (group.entity) {
                definitions.add("$representations: [_Any!]!");
            }
            for (VariableDefinition variable : operation.getVariableDefinitions()) {
                if (usedVariables.contains(variable.getName())) {
                    variableNames.add(variable.getName());
                    definitions.add(AstPrinter.printAstCompact(variable));
                }
            }
            if (!definitions.isEmpty()) {
                document.append('(').append(String.join(", ", definitions)).append(')');
            }
            document.append(' ');
            if (group.entity) {
                document.append("{ _entities(representations: $representations) ");
                selection.print(document);
                document.append(" }");
            } else {
                selection.print(document);
            }
            SubgraphInfo subgraph = supergraph.subgraph(group.graph);
            return new FetchNode(group.id, group.graph, subgraph.name(), subgraph.url(), mergeAt,
                    document.toString(), variableNames, representations, renamed ? selection : null,
                    group.entity ? List.of() : selection.fields().stream()
                            .map(field -> (String) ResponseKeys.clientSegment(field.responseKey())).toList());
        }

        private FetchSelection merged(FetchSelection a, FetchSelection b) {
            FetchSelection merged = new FetchSelection();
            merged.mergeFrom(a);
            merged.mergeFrom(b);
            return merged;
        }
    }

    /**
     * Where a field, or the part of its selection out of reach from the current subgraph, comes from.
     *
     * @param local  the field with the part reachable where it is (null: the whole field comes from graph)
     * @param remote the field with the rest
     */
    private record Elsewhere(String graph, List<Field> local, List<Field> remote) {
    }

    private static List<String> append(List<String> path, String segment) {
        List<String> longer = new ArrayList<>(path.size() + 1);
        longer.addAll(path);
        longer.add(segment);
        return List.copyOf(longer);
    }
}
