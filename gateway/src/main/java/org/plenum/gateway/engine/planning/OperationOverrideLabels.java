package org.plenum.gateway.engine.planning;

import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.schema.GraphQLObjectType;
import org.plenum.gateway.engine.supergraph.FieldMeta;
import org.plenum.gateway.engine.supergraph.Supergraph;
import org.plenum.gateway.engine.supergraph.TypeMeta;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The progressive @override labels an operation's plan depends on: those of the fields it selects (on every object
 * type of an abstract one), as Apollo Router finds them. Only these are decided per request and keyed in the plan
 * cache, so an operation has at most 2^k plans for its k labels.
 */
public final class OperationOverrideLabels {

    private final Supergraph supergraph;
    private final Map<String, FragmentDefinition> fragments;
    private final Set<String> labels = new TreeSet<>();
    private final Set<String> walkedFragments = new HashSet<>();

    private OperationOverrideLabels(Supergraph supergraph, Map<String, FragmentDefinition> fragments) {
        this.supergraph = supergraph;
        this.fragments = fragments;
    }

    /** @return the labels, sorted; none (and no walk) when the supergraph has no progressive override */
    public static Set<String> of(Supergraph supergraph, OperationDefinition operation,
                                 Map<String, FragmentDefinition> fragments) {
        if (supergraph.overrideLabels().isEmpty()) {
            return Set.of();
        }
        GraphQLObjectType root = switch (operation.getOperation()) {
            case QUERY -> supergraph.apiSchema().getQueryType();
            case MUTATION -> supergraph.apiSchema().getMutationType();
            case SUBSCRIPTION -> supergraph.apiSchema().getSubscriptionType();
        };
        OperationOverrideLabels walk = new OperationOverrideLabels(supergraph, fragments);
        if (root != null) {
            walk.walk(root.getName(), operation.getSelectionSet());
        }
        return walk.labels;
    }

    private void walk(String typeName, SelectionSet selectionSet) {
        if (selectionSet == null) {
            return;
        }
        for (Selection<?> selection : selectionSet.getSelections()) {
            if (selection instanceof Field field) {
                field(typeName, field);
            } else if (selection instanceof InlineFragment inline) {
                walk(inline.getTypeCondition() == null ? typeName : inline.getTypeCondition().getName(),
                        inline.getSelectionSet());
            } else if (selection instanceof FragmentSpread spread && walkedFragments.add(spread.getName())) {
                FragmentDefinition fragment = fragments.get(spread.getName());
                if (fragment != null) {
                    walk(fragment.getTypeCondition().getName(), fragment.getSelectionSet());
                }
            }
        }
    }

    private void field(String typeName, Field selected) {
        TypeMeta type = supergraph.type(typeName);
        FieldMeta field = type == null ? null : type.field(selected.getName());
        if (field == null) {
            return; // __typename, introspection
        }
        labels.addAll(field.overrideLabels());
        if (type.isAbstract()) {
            // planned per object type, whose fields carry the labels
            for (String possible : type.possibleTypes()) {
                TypeMeta object = supergraph.type(possible);
                FieldMeta objectField = object == null ? null : object.field(selected.getName());
                if (objectField != null) {
                    labels.addAll(objectField.overrideLabels());
                }
            }
        }
        walk(field.namedType(), selected.getSelectionSet());
    }
}
