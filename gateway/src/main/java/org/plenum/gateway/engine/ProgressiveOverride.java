package org.plenum.gateway.engine;

import org.plenum.gateway.engine.supergraph.OverrideLabels;

import java.util.Set;
import java.util.TreeSet;
import java.util.function.DoubleSupplier;

/**
 * Which progressive @override labels are active for one request, as Apollo Router decides: a label the gateway's
 * settings name is active; a "percent(x)" label is otherwise rolled anew each time (active with probability x/100).
 */
final class ProgressiveOverride {

    private final OverrideLabels labels;
    private final Set<String> configured;
    private final DoubleSupplier rolls;
    private final OverrideLabelListener listener;

    /**
     * @param configured the labels that are always active (whereas Apollo Router lets a coprocessor name them)
     * @param rolls      uniform numbers in [0, 1), one per "percent(x)" label decided
     */
    ProgressiveOverride(OverrideLabels labels, Set<String> configured, DoubleSupplier rolls, OverrideLabelListener listener) {
        this.labels = labels;
        this.configured = configured;
        this.rolls = rolls;
        this.listener = listener;
    }

    /** Decides the labels an operation depends on for a request, and tells the listener. */
    Set<String> decide(Set<String> relevant) {
        Set<String> active = roll(relevant);
        for (String label : relevant) {
            listener.decided(label, active.contains(label));
        }
        return active;
    }

    /** Decides like {@link #decide} without telling anyone: for a plan shown, not run. */
    Set<String> roll(Set<String> relevant) {
        if (relevant.isEmpty()) {
            return Set.of(); // most operations: nothing to decide
        }
        Set<String> active = new TreeSet<>();
        for (String label : relevant) {
            Double percentage = labels.percentages().get(label);
            if (configured.contains(label) || percentage != null && rolls.getAsDouble() * 100 < percentage) {
                active.add(label);
            }
        }
        return active;
    }
}
