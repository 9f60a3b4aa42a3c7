package org.plenum.gateway.engine.planning;

import graphql.language.Argument;
import graphql.language.ArrayValue;
import graphql.language.Field;
import graphql.language.InlineFragment;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.SelectionSet;
import graphql.language.Value;
import graphql.language.VariableReference;
import org.plenum.gateway.engine.plan.FetchNode;
import org.plenum.gateway.engine.plan.FetchSelection;
import org.plenum.gateway.engine.plan.PathSegment;
import org.plenum.gateway.engine.plan.ResponseKeys;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** A subgraph fetch while it is being planned: its selection grows as the planner walks the operation. */
final class FetchGroup {

    /** Representation being built for one runtime type. */
    static final class RepresentationBuilder {
        final String typename;
        final FetchSelection key = new FetchSelection();
        final FetchSelection required = new FetchSelection();

        RepresentationBuilder(String typename) {
            this.typename = typename;
        }
    }

    final int id;
    final String graph;
    final List<PathSegment> mergeAt;
    final boolean entity;
    final FetchSelection selection = new FetchSelection();
    final Map<String, RepresentationBuilder> representations = new LinkedHashMap<>();
    final Set<FetchGroup> dependsOn = new LinkedHashSet<>();
    final Set<String> variables = new LinkedHashSet<>();
    /** Variables whose value each entity takes from an ancestor: such a group is a request of its own. */
    final List<FetchNode.ContextValue> contextValues = new ArrayList<>();

    FetchGroup(int id, String graph, List<PathSegment> mergeAt, boolean entity) {
        this.id = id;
        this.graph = graph;
        this.mergeAt = mergeAt;
        this.entity = entity;
    }

    /**
     * @param objectTypes the object types a type condition stands for: representations are built from objects,
     *                    whose __typename is always an object type
     */
    void addRepresentation(String runtimeType, String typename, SelectionSet key, SelectionSet required,
                           Function<String, Collection<String>> objectTypes) {
        RepresentationBuilder builder = representations.computeIfAbsent(runtimeType, t -> new RepresentationBuilder(typename));
        addFieldSet(builder.key, key, objectTypes);
        if (required != null) {
            addFieldSet(builder.required, required, objectTypes);
        }
    }

    /** A field set as a selection under internal keys, its type conditions as fragments on object types. */
    static FetchSelection fieldSetSelection(SelectionSet fieldSet, Function<String, Collection<String>> objectTypes) {
        FetchSelection selection = new FetchSelection();
        addFieldSet(selection, fieldSet, objectTypes);
        return selection;
    }

    private static void addFieldSet(FetchSelection target, SelectionSet fieldSet, Function<String, Collection<String>> objectTypes) {
        for (graphql.language.Selection<?> selection : fieldSet.getSelections()) {
            if (selection instanceof Field field) {
                FetchSelection.FieldSelection added = target.field(ResponseKeys.internalKey(field), field.getName(), List.of());
                if (field.getSelectionSet() != null) {
                    addFieldSet(added.subOrCreate(), field.getSelectionSet(), objectTypes);
                }
            } else if (selection instanceof InlineFragment inline) {
                for (String objectType : objectTypes.apply(inline.getTypeCondition().getName())) {
                    addFieldSet(target.fragment(objectType), inline.getSelectionSet(), objectTypes);
                }
            }
        }
    }

    /**
     * Whether a representation of the type can also carry these required fields: not when it already requires a
     * field of the same name with other arguments, since a representation has one value per field name.
     */
    boolean acceptsRequirements(String runtimeType, SelectionSet required) {
        RepresentationBuilder builder = representations.get(runtimeType);
        if (builder == null || required == null) {
            return true;
        }
        for (graphql.language.Selection<?> selection : required.getSelections()) {
            if (selection instanceof Field field && builder.required.fields().stream().anyMatch(existing ->
                    existing.name().equals(field.getName()) && !existing.responseKey().equals(ResponseKeys.internalKey(field)))) {
                return false;
            }
        }
        return true;
    }

    void useVariables(List<Argument> arguments) {
        for (Argument argument : arguments) {
            collectVariables(argument.getValue());
        }
    }

    private void collectVariables(Value<?> value) {
        if (value instanceof VariableReference variable) {
            variables.add(variable.getName());
        } else if (value instanceof ArrayValue array) {
            array.getValues().forEach(this::collectVariables);
        } else if (value instanceof ObjectValue object) {
            for (ObjectField field : object.getObjectFields()) {
                collectVariables(field.getValue());
            }
        }
    }

    /** Whether this group waits, directly or not, for {@code other}. */
    boolean dependsOn(FetchGroup other) {
        for (FetchGroup dependency : dependsOn) {
            if (dependency == other || dependency.dependsOn(other)) {
                return true;
            }
        }
        return false;
    }
}
