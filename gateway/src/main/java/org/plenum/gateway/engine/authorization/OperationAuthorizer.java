package org.plenum.gateway.engine.authorization;

import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Node;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.SourceLocation;
import graphql.schema.GraphQLCompositeType;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import org.plenum.gateway.engine.supergraph.AccessRequirement;
import org.plenum.gateway.engine.supergraph.AccessRequirements;
import org.plenum.gateway.engine.supergraph.Supergraph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Removes from an operation what the caller may not see, before planning, with Apollo's semantics: a field goes
 * when its own requirement or its type's is not met (selected on an interface, or returning one, the requirements
 * of every implementation count too, as composition merges them into the interface); a fragment goes when its type
 * condition's requirement is not met (e.g. a fragment on a union member the caller may not see); a field or
 * fragment whose selections all went goes too. {@code __typename} and
 * introspection always stay; {@code @skip}/{@code @include} do not matter (so the outcome does not depend on
 * variables). A removed mutation root field is never sent.
 */
public final class OperationAuthorizer {

    private final GraphQLSchema schema;
    private final AccessRequirements access;
    private final PolicyEvaluator policies;
    /** "Type" or "Type.field" -> the requirement it carries with the related interfaces/implementations */
    private final Map<String, AccessRequirement> effective = new ConcurrentHashMap<>();

    public OperationAuthorizer(Supergraph supergraph, PolicyEvaluator policies) {
        this.schema = supergraph.apiSchema();
        this.access = supergraph.access();
        this.policies = policies == null ? PolicyEvaluator.NONE : policies;
    }

    public AuthorizedOperation authorize(OperationDefinition operation, Map<String, FragmentDefinition> fragments,
                                         Caller caller) {
        if (access.isEmpty()) {
            return AuthorizedOperation.unchanged(operation, fragments);
        }
        return new Pass(caller, fragments).run(operation);
    }

    private Set<String> decidePolicies(Caller caller) {
        if (access.policies().isEmpty()) {
            return Set.of();
        }
        try {
            Set<String> satisfied = policies.satisfied(caller, access.policies());
            return satisfied == null ? Set.of() : satisfied;
        } catch (RuntimeException e) {
            return Set.of(); // an evaluator that fails grants nothing
        }
    }

    /** Selected on an interface, a field needs what it needs on every implementation too. */
    private AccessRequirement fieldRequirement(GraphQLCompositeType scope, String fieldName) {
        return effective.computeIfAbsent(scope.getName() + "." + fieldName, key -> {
            AccessRequirement requirement = access.field(scope.getName(), fieldName);
            for (GraphQLObjectType implementation : implementations(scope)) {
                requirement = requirement.and(access.field(implementation.getName(), fieldName));
            }
            return requirement;
        });
    }

    /** An interface type needs what each of its implementations needs (composition merges them the same way). */
    private AccessRequirement typeRequirement(GraphQLNamedType type) {
        return effective.computeIfAbsent(type.getName(), key -> {
            AccessRequirement requirement = access.type(type.getName());
            for (GraphQLObjectType implementation : implementations(type)) {
                requirement = requirement.and(access.type(implementation.getName()));
            }
            return requirement;
        });
    }

    private List<GraphQLObjectType> implementations(GraphQLNamedType type) {
        return type instanceof GraphQLInterfaceType itf ? schema.getImplementations(itf) : List.of();
    }

    /** One request's pass over its operation. */
    private final class Pass {
        private final CallerAccess caller;
        private final Map<String, FragmentDefinition> sentFragments;
        /** fragment name -> what remains of it, or null when nothing does */
        private final Map<String, FragmentDefinition> remaining = new HashMap<>();
        private final Set<Long> removed = new TreeSet<>();

        Pass(Caller caller, Map<String, FragmentDefinition> sentFragments) {
            this.caller = new CallerAccess(caller, () -> decidePolicies(caller));
            this.sentFragments = sentFragments;
        }

        AuthorizedOperation run(OperationDefinition operation) {
            GraphQLObjectType root = switch (operation.getOperation()) {
                case QUERY -> schema.getQueryType();
                case MUTATION -> schema.getMutationType();
                case SUBSCRIPTION -> schema.getSubscriptionType();
            };
            SelectionSet selections = selectionSet(root, operation.getSelectionSet());
            if (removed.isEmpty()) {
                return AuthorizedOperation.unchanged(operation, sentFragments);
            }
            Map<String, FragmentDefinition> fragments = new LinkedHashMap<>();
            remaining.forEach((name, fragment) -> {
                if (fragment != null) {
                    fragments.put(name, fragment);
                }
            });
            return new AuthorizedOperation(operation.transform(builder -> builder.selectionSet(selections)), fragments,
                    new ArrayList<>(removed));
        }

        /** The same selection set when nothing in it goes; possibly empty. */
        private SelectionSet selectionSet(GraphQLCompositeType scope, SelectionSet selectionSet) {
            List<Selection> kept = new ArrayList<>(selectionSet.getSelections().size());
            boolean changed = false;
            for (Selection<?> selection : selectionSet.getSelections()) {
                Selection<?> allowed = selection(scope, selection);
                changed |= allowed != selection;
                if (allowed != null) {
                    kept.add(allowed);
                }
            }
            return changed ? selectionSet.transform(builder -> builder.selections(kept)) : selectionSet;
        }

        private Selection<?> selection(GraphQLCompositeType scope, Selection<?> selection) {
            if (selection instanceof Field field) {
                return field(scope, field);
            }
            if (selection instanceof InlineFragment inline) {
                GraphQLCompositeType target = inline.getTypeCondition() == null ? scope
                        : (GraphQLCompositeType) schema.getType(inline.getTypeCondition().getName());
                if (!caller.allows(typeRequirement(target))) {
                    return remove(inline);
                }
                SelectionSet selections = selectionSet(target, inline.getSelectionSet());
                if (selections.getSelections().isEmpty()) {
                    return remove(inline);
                }
                return selections == inline.getSelectionSet() ? inline
                        : inline.transform(builder -> builder.selectionSet(selections));
            }
            FragmentSpread spread = (FragmentSpread) selection;
            FragmentDefinition fragment = sentFragments.get(spread.getName());
            GraphQLCompositeType target = (GraphQLCompositeType) schema.getType(fragment.getTypeCondition().getName());
            if (!caller.allows(typeRequirement(target)) || fragment(target, fragment) == null) {
                return remove(spread);
            }
            return spread;
        }

        private Field field(GraphQLCompositeType scope, Field field) {
            if (field.getName().startsWith("__")) {
                return field; // __typename, and introspection (which is not authorized by the supergraph's rules)
            }
            GraphQLNamedType type = (GraphQLNamedType) GraphQLTypeUtil.unwrapAll(
                    ((GraphQLFieldsContainer) scope).getFieldDefinition(field.getName()).getType());
            if (!caller.allows(fieldRequirement(scope, field.getName())) || !caller.allows(typeRequirement(type))) {
                return remove(field);
            }
            if (field.getSelectionSet() == null) {
                return field;
            }
            SelectionSet selections = selectionSet((GraphQLCompositeType) type, field.getSelectionSet());
            if (selections.getSelections().isEmpty()) {
                return remove(field);
            }
            return selections == field.getSelectionSet() ? field : field.transform(builder -> builder.selectionSet(selections));
        }

        /** What remains of a fragment definition (decided once per request, whatever the number of spreads). */
        private FragmentDefinition fragment(GraphQLCompositeType target, FragmentDefinition fragment) {
            if (remaining.containsKey(fragment.getName())) {
                return remaining.get(fragment.getName());
            }
            SelectionSet selections = selectionSet(target, fragment.getSelectionSet());
            FragmentDefinition allowed = selections.getSelections().isEmpty() ? null
                    : selections == fragment.getSelectionSet() ? fragment
                    : fragment.transform(builder -> builder.selectionSet(selections));
            remaining.put(fragment.getName(), allowed);
            return allowed;
        }

        private <T> T remove(Node<?> node) {
            SourceLocation location = node.getSourceLocation();
            removed.add(location == null ? -System.identityHashCode(node)
                    : (long) location.getLine() << 32 | location.getColumn());
            return null;
        }
    }
}
