package org.plenum.gateway.engine;

import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import org.plenum.gateway.engine.error.Errors;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Size limits of a parsed document, checked before validation and planning, whose work grows with the document once
 * its fragments are expanded. Each fragment is measured once and its measure reused wherever it is spread, so
 * checking is linear in the document's size even where expansion is exponential ({@code ...F1 ...F1} in F0, and so on).
 */
final class OperationLimits {

    /** An exceeded limit: what the client is told, and the code naming the limit. */
    record LimitViolation(String message, String code) {
    }

    /** Measures of a selection set with its fragments expanded; counts saturate instead of overflowing. */
    record Measure(long fields, int depth, long aliases, long rootFields) {

        static final Measure EMPTY = new Measure(0, 0, 0, 0);

        Measure plus(Measure other) {
            return new Measure(saturated(fields + other.fields), Math.max(depth, other.depth),
                    saturated(aliases + other.aliases), saturated(rootFields + other.rootFields));
        }

    }

    private static long saturated(long value) {
        return value < 0 ? Long.MAX_VALUE : value;
    }

    private final Map<String, FragmentDefinition> fragments;
    private final Map<String, Measure> measured = new HashMap<>();
    private final Set<String> measuring = new HashSet<>();

    private OperationLimits(Map<String, FragmentDefinition> fragments) {
        this.fragments = fragments;
    }

    /**
     * @return the first exceeded limit of any operation or fragment in the document, or null.
     * Unknown fragments and fragment cycles count as empty here: validation reports them.
     */
    static LimitViolation violation(Document document, Map<String, FragmentDefinition> fragments, GatewayOptions options) {
        OperationLimits limits = new OperationLimits(fragments);
        for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
            Measure measure = limits.measure(operation.getSelectionSet());
            String label = operation.getName() == null ? "The operation" : "Operation " + Errors.quoted(operation.getName());
            LimitViolation error = limits.check(measure, label, options);
            if (error != null) {
                return error;
            }
            if (options.maxDepth() > 0 && measure.depth() > options.maxDepth()) {
                return new LimitViolation(label + " is " + measure.depth() + " levels deep; at most " + options.maxDepth()
                        + " allowed", "MAX_DEPTH_EXCEEDED");
            }
            if (options.maxRootFields() > 0 && measure.rootFields() > options.maxRootFields()) {
                return new LimitViolation(label + " selects " + measure.rootFields() + " root fields; at most "
                        + options.maxRootFields() + " allowed", "MAX_ROOT_FIELDS_EXCEEDED");
            }
        }
        for (FragmentDefinition fragment : fragments.values()) {
            LimitViolation error = limits.check(limits.fragment(fragment.getName()),
                    "Fragment " + Errors.quoted(fragment.getName()), options);
            if (error != null) {
                return error;
            }
        }
        return null;
    }

    private LimitViolation check(Measure measure, String label, GatewayOptions options) {
        if (options.maxFields() > 0 && measure.fields() > options.maxFields()) {
            return new LimitViolation(label + " has " + (measure.fields() == Long.MAX_VALUE ? "too many" : measure.fields())
                    + " fields with its fragments expanded; at most " + options.maxFields() + " allowed",
                    "MAX_FIELDS_EXCEEDED");
        }
        if (options.maxAliases() > 0 && measure.aliases() > options.maxAliases()) {
            return new LimitViolation(label + " uses " + measure.aliases() + " aliases; at most " + options.maxAliases()
                    + " allowed", "MAX_ALIASES_EXCEEDED");
        }
        return null;
    }

    private Measure measure(SelectionSet selectionSet) {
        Measure total = Measure.EMPTY;
        if (selectionSet == null) {
            return total;
        }
        for (Selection<?> selection : selectionSet.getSelections()) {
            if (selection instanceof Field field) {
                Measure sub = measure(field.getSelectionSet());
                total = total.plus(new Measure(saturated(sub.fields() + 1), sub.depth() + 1,
                        saturated(sub.aliases() + (field.getAlias() != null ? 1 : 0)), 1));
            } else if (selection instanceof InlineFragment inline) {
                total = total.plus(measure(inline.getSelectionSet()));
            } else if (selection instanceof FragmentSpread spread) {
                total = total.plus(fragment(spread.getName()));
            }
        }
        return total;
    }

    private Measure fragment(String name) {
        Measure known = measured.get(name);
        if (known != null) {
            return known;
        }
        FragmentDefinition definition = fragments.get(name);
        if (definition == null || !measuring.add(name)) {
            return Measure.EMPTY; // unknown or a cycle: validation rejects the document
        }
        Measure measure = measure(definition.getSelectionSet());
        measuring.remove(name);
        measured.put(name, measure);
        return measure;
    }
}
