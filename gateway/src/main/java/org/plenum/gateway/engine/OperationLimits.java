package org.plenum.gateway.engine;

import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;

import java.util.List;
import java.util.Map;

/** Size measures of a validated operation (fragments expanded), computed once per cached document. */
record OperationLimits(int depth, int aliases, int rootFields) {

    static OperationLimits measure(OperationDefinition operation, Map<String, FragmentDefinition> fragments) {
        Counter counter = new Counter(fragments);
        int depth = counter.depth(operation.getSelectionSet());
        return new OperationLimits(depth, counter.aliases, counter.rootFields(operation.getSelectionSet()));
    }

    /** @return the first exceeded limit as [code, message], or null */
    String[] violation(GatewayOptions options) {
        if (options.maxDepth() > 0 && depth > options.maxDepth()) {
            return new String[]{"MAX_DEPTH_EXCEEDED", "The operation is " + depth + " levels deep; at most " + options.maxDepth() + " allowed"};
        }
        if (options.maxAliases() > 0 && aliases > options.maxAliases()) {
            return new String[]{"MAX_ALIASES_EXCEEDED", "The operation uses " + aliases + " aliases; at most " + options.maxAliases() + " allowed"};
        }
        if (options.maxRootFields() > 0 && rootFields > options.maxRootFields()) {
            return new String[]{"MAX_ROOT_FIELDS_EXCEEDED", "The operation selects " + rootFields + " root fields; at most " + options.maxRootFields() + " allowed"};
        }
        return null;
    }

    private static final class Counter {
        private final Map<String, FragmentDefinition> fragments;
        private int aliases;

        Counter(Map<String, FragmentDefinition> fragments) {
            this.fragments = fragments;
        }

        int depth(SelectionSet selectionSet) {
            int max = 0;
            for (Selection<?> selection : selectionSet.getSelections()) {
                if (selection instanceof Field field) {
                    if (field.getAlias() != null) {
                        aliases++;
                    }
                    max = Math.max(max, 1 + (field.getSelectionSet() == null ? 0 : depth(field.getSelectionSet())));
                } else if (selection instanceof InlineFragment inline) {
                    max = Math.max(max, depth(inline.getSelectionSet()));
                } else if (selection instanceof FragmentSpread spread && fragments.containsKey(spread.getName())) {
                    max = Math.max(max, depth(fragments.get(spread.getName()).getSelectionSet()));
                }
            }
            return max;
        }

        int rootFields(SelectionSet selectionSet) {
            int count = 0;
            List<Selection> selections = selectionSet.getSelections();
            for (Selection<?> selection : selections) {
                if (selection instanceof Field) {
                    count++;
                } else if (selection instanceof InlineFragment inline) {
                    count += rootFields(inline.getSelectionSet());
                } else if (selection instanceof FragmentSpread spread && fragments.containsKey(spread.getName())) {
                    count += rootFields(fragments.get(spread.getName()).getSelectionSet());
                }
            }
            return count;
        }
    }
}
