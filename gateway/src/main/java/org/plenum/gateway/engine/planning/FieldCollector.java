package org.plenum.gateway.engine.planning;

import graphql.language.BooleanValue;
import graphql.language.Directive;
import graphql.language.DirectivesContainer;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.Value;
import graphql.language.VariableReference;
import org.plenum.gateway.engine.supergraph.Supergraph;
import org.plenum.gateway.engine.supergraph.TypeMeta;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The spec's CollectFields: the fields a selection set selects on one type, grouped by response key in
 * document order, fragments expanded, @skip/@include decided with the request's variable values.
 */
final class FieldCollector {

    private final Supergraph supergraph;
    private final Map<String, FragmentDefinition> fragments;
    private final Map<String, Object> variables;

    FieldCollector(Supergraph supergraph, Map<String, FragmentDefinition> fragments, Map<String, Object> variables) {
        this.supergraph = supergraph;
        this.fragments = fragments;
        this.variables = variables;
    }

    Map<String, List<Field>> collect(String typeName, List<Selection> selections) {
        Map<String, List<Field>> fields = new LinkedHashMap<>();
        collectInto(fields, typeName, selections);
        return fields;
    }

    private void collectInto(Map<String, List<Field>> fields, String typeName, List<Selection> selections) {
        for (Selection<?> selection : selections) {
            if (!included((DirectivesContainer<?>) selection)) {
                continue;
            }
            if (selection instanceof Field field) {
                String key = field.getAlias() != null ? field.getAlias() : field.getName();
                fields.computeIfAbsent(key, k -> new ArrayList<>(1)).add(field);
            } else if (selection instanceof InlineFragment inline) {
                String condition = inline.getTypeCondition() == null ? null : inline.getTypeCondition().getName();
                if (applies(condition, typeName)) {
                    collectInto(fields, typeName, inline.getSelectionSet().getSelections());
                }
            } else if (selection instanceof FragmentSpread spread) {
                FragmentDefinition fragment = fragments.get(spread.getName());
                if (fragment != null && applies(fragment.getTypeCondition().getName(), typeName)) {
                    collectInto(fields, typeName, fragment.getSelectionSet().getSelections());
                }
            }
        }
    }

    /** Whether a fragment with this type condition applies to objects of (or positions typed) typeName. */
    boolean applies(String condition, String typeName) {
        if (condition == null || condition.equals(typeName)) {
            return true;
        }
        TypeMeta conditionType = supergraph.type(condition);
        return conditionType != null && conditionType.isAbstract() && conditionType.possibleTypes().contains(typeName);
    }

    /** Whether any selection (through fragments) targets a type other than the position's type itself. */
    boolean hasTypeConditionsOtherThan(String typeName, List<Selection> selections) {
        for (Selection<?> selection : selections) {
            if (!included((DirectivesContainer<?>) selection)) {
                continue;
            }
            if (selection instanceof InlineFragment inline) {
                String condition = inline.getTypeCondition() == null ? null : inline.getTypeCondition().getName();
                if ((condition != null && !condition.equals(typeName))
                        || hasTypeConditionsOtherThan(typeName, inline.getSelectionSet().getSelections())) {
                    return true;
                }
            } else if (selection instanceof FragmentSpread spread) {
                FragmentDefinition fragment = fragments.get(spread.getName());
                if (fragment != null && (!fragment.getTypeCondition().getName().equals(typeName)
                        || hasTypeConditionsOtherThan(typeName, fragment.getSelectionSet().getSelections()))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The fragments (inline or spread) whose type condition is another type than the position's, found through
     * fragments on the type itself: the parts of a selection that only the concrete type can decide.
     */
    List<Selection> otherTypeConditions(String typeName, List<Selection> selections) {
        List<Selection> found = new ArrayList<>();
        for (Selection<?> selection : selections) {
            if (!included((DirectivesContainer<?>) selection)) {
                continue;
            }
            if (selection instanceof InlineFragment inline) {
                String condition = inline.getTypeCondition() == null ? null : inline.getTypeCondition().getName();
                if (condition != null && !condition.equals(typeName)) {
                    found.add(inline);
                } else {
                    found.addAll(otherTypeConditions(typeName, inline.getSelectionSet().getSelections()));
                }
            } else if (selection instanceof FragmentSpread spread && fragments.get(spread.getName()) != null) {
                FragmentDefinition fragment = fragments.get(spread.getName());
                if (!fragment.getTypeCondition().getName().equals(typeName)) {
                    found.add(spread);
                } else {
                    found.addAll(otherTypeConditions(typeName, fragment.getSelectionSet().getSelections()));
                }
            }
        }
        return found;
    }

    /** The field (with its arguments and directives) selecting only part of what it selects. */
    static List<Field> withSelections(List<Field> fields, List<Selection> part) {
        return List.of(fields.get(0).transform(builder ->
                builder.selectionSet(SelectionSet.newSelectionSet().selections(part).build())));
    }

    static List<Selection> subSelections(List<Field> fields) {
        if (fields.size() == 1) {
            Field field = fields.get(0);
            return field.getSelectionSet() == null ? List.of() : new ArrayList<>(field.getSelectionSet().getSelections());
        }
        List<Selection> all = new ArrayList<>();
        for (Field field : fields) {
            if (field.getSelectionSet() != null) {
                all.addAll(field.getSelectionSet().getSelections());
            }
        }
        return all;
    }

    private boolean included(DirectivesContainer<?> element) {
        if (element.getDirectives().isEmpty()) {
            return true;
        }
        for (Directive directive : element.getDirectives()) {
            if (directive.getName().equals("skip") && condition(directive)) {
                return false;
            }
            if (directive.getName().equals("include") && !condition(directive)) {
                return false;
            }
        }
        return true;
    }

    private boolean condition(Directive directive) {
        Value<?> value = directive.getArgument("if").getValue();
        if (value instanceof BooleanValue bool) {
            return bool.isValue();
        }
        return Boolean.TRUE.equals(variables.get(((VariableReference) value).getName()));
    }
}
