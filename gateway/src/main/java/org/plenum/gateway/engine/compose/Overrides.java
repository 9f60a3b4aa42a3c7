package org.plenum.gateway.engine.compose;

import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * What {@code @override} does to one field, per subgraph: the overridden subgraph loses the field (unused), or
 * keeps it only for its keys/requires (used), and progressive overrides carry their label to both sides.
 */
final class Overrides {

    private static final Pattern LABEL = Pattern.compile("[a-zA-Z][a-zA-Z0-9_\\-:./]*");
    private static final Pattern PERCENT = Pattern.compile("percent\\((\\d{1,2}(\\.\\d{1,8})?|100)\\)");

    private final boolean[] usedOverridden;
    private final boolean[] unusedOverridden;
    private final String[] labels;

    private Overrides(int size) {
        usedOverridden = new boolean[size];
        unusedOverridden = new boolean[size];
        labels = new String[size];
    }

    /** No override anywhere. */
    static Overrides none(int size) {
        return new Overrides(size);
    }

    boolean usedOverridden(int i) {
        return usedOverridden[i];
    }

    boolean unusedOverridden(int i) {
        return unusedOverridden[i];
    }

    boolean overridden(int i) {
        return usedOverridden[i] || unusedOverridden[i];
    }

    String label(int i) {
        return labels[i];
    }

    /**
     * Checks the {@code @override}s on field {@code coordinate} ({@code sources[i]}: the field in subgraph i, of
     * type {@code owners[i]}) and records which subgraphs lost it.
     */
    static Overrides validate(String coordinate, List<Subgraph> subgraphs, SubgraphType[] owners,
            SubgraphField[] sources, Consumer<String> errors) {
        Overrides state = none(sources.length);
        for (int i = 0; i < sources.length; i++) {
            SubgraphField field = sources[i];
            if (field == null || field.overrideFrom == null || !subgraphs.get(i).isFederation2()) {
                continue;
            }
            String self = subgraphs.get(i).name();
            if (owners[i].kind == TypeKind.INTERFACE) {
                errors.accept("@override cannot be used on field \"" + coordinate + "\" on subgraph \"" + self
                        + "\": @override is not supported on interface type fields.");
                continue;
            }
            if (owners[i].interfaceObject) {
                errors.accept("@override is not yet supported on fields of @interfaceObject types: cannot be used on field \""
                        + coordinate + "\" on subgraph \"" + self + "\".");
                continue;
            }
            int from = indexOf(subgraphs, field.overrideFrom);
            if (from < 0 || sources[from] == null) {
                continue; // unknown or absent source subgraph: nothing to override (a hint in @apollo/composition)
            }
            if (from == i) {
                errors.accept("Source and destination subgraphs \"" + self + "\" are the same for overridden field \""
                        + coordinate + "\"");
                continue;
            }
            SubgraphField fromField = sources[from];
            if (fromField.overrideFrom != null) {
                errors.accept("Field \"" + coordinate + "\" on subgraph \"" + self + "\" is also marked with directive @override in subgraph \""
                        + field.overrideFrom + "\". Only one @override directive is allowed per field.");
                continue;
            }
            String conflict = fromField.requires != null ? "@requires" : fromField.provides != null ? "@provides" : null;
            String conflictSubgraph = field.overrideFrom;
            if (conflict == null && subgraphs.get(i).isExternal(owners[i], field)) {
                conflict = "@external";
                conflictSubgraph = self;
            }
            if (conflict != null) {
                errors.accept("@override cannot be used on field \"" + coordinate + "\" on subgraph \"" + self + "\" since \""
                        + coordinate + "\" on \"" + conflictSubgraph + "\" is marked with directive \"" + conflict + "\"");
                continue;
            }
            Subgraph fromSubgraph = subgraphs.get(from);
            if (!fromSubgraph.isExternal(owners[from], fromField)) {
                if (fromSubgraph.isUsed(owners[from], fromField)) {
                    state.usedOverridden[from] = true;
                } else {
                    state.unusedOverridden[from] = true;
                }
            }
            if (field.overrideLabel != null) {
                if (validLabel(field.overrideLabel)) {
                    state.labels[i] = field.overrideLabel;
                    state.labels[from] = field.overrideLabel;
                } else {
                    errors.accept("Invalid @override label \"" + field.overrideLabel + "\" on field \"" + coordinate
                            + "\" on subgraph \"" + self + "\": labels must start with a letter and after that may contain "
                            + "alphanumerics, underscores, minuses, colons, periods, or slashes. Alternatively, labels may be "
                            + "of the form \"percent(x)\" where x is a float between 0-100 inclusive.");
                }
            }
        }
        return state;
    }

    private static boolean validLabel(String label) {
        if (LABEL.matcher(label).matches()) {
            return true;
        }
        var percent = PERCENT.matcher(label);
        return percent.matches() && Double.parseDouble(percent.group(1)) <= 100;
    }

    private static int indexOf(List<Subgraph> subgraphs, String subgraphName) {
        for (int i = 0; i < subgraphs.size(); i++) {
            if (subgraphs.get(i).name().equals(subgraphName)) {
                return i;
            }
        }
        return -1;
    }
}
