package org.plenum.gateway.engine.cost;

import graphql.execution.CoercedVariables;
import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;
import org.plenum.gateway.engine.supergraph.Supergraph;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Demand control for one supergraph: estimates each operation's cost before it runs (cached for operations without
 * variables; with variables it is recomputed, in time linear in the document, so that clients' values are never
 * kept), refuses those above the maximum in enforce mode, and measures what responses returned.
 */
public final class DemandControl {

    /** The error code of an operation refused for its estimated cost (as Apollo Router names it). */
    public static final String TOO_EXPENSIVE = "COST_ESTIMATED_TOO_EXPENSIVE";
    /** The error code of an operation whose cost cannot be estimated (e.g. a required slicing argument is missing). */
    public static final String NOT_ESTIMABLE = "COST_QUERY_PARSE_FAILURE";
    /** Operations whose estimate and measure are kept. */
    private static final int CACHED_ESTIMATES = 1000;

    private final DemandControlOptions options;
    private final CostModel model;
    private final Map<OperationDefinition, Double> estimates = lastUsed(CACHED_ESTIMATES);
    /** How to measure responses, kept like estimates: for operations without variables. */
    private final Map<OperationDefinition, ActualCost> measures = lastUsed(CACHED_ESTIMATES);

    public DemandControl(Supergraph supergraph, DemandControlOptions options) {
        this.options = options;
        this.model = new CostModel(supergraph.apiSchema(), supergraph.costDirectives(), options.listSize());
    }

    public boolean enabled() {
        return options.mode() != DemandControlOptions.Mode.OFF;
    }

    /**
     * The operation's estimated cost, null when demand control is off.
     *
     * @param variables the coerced variable values
     * @throws CostEstimateException when the operation cannot be estimated as the schema's @listSize requires
     */
    public OperationCost estimate(OperationDefinition operation, Map<String, FragmentDefinition> fragments,
                                  Map<String, Object> variables) {
        if (!enabled()) {
            return null;
        }
        Double estimated = variables.isEmpty() ? estimates.get(operation) : null;
        if (estimated == null) {
            estimated = StaticCost.estimate(model, operation, new CostModel.Request(fragments, CoercedVariables.of(variables)));
            if (variables.isEmpty()) {
                estimates.put(operation, estimated);
            }
        }
        return new OperationCost(estimated, null, options.maxCost());
    }

    /** The refusal message when enforcing and the estimate is above the maximum, else null. */
    public String refusal(OperationCost cost) {
        if (cost == null || options.mode() != DemandControlOptions.Mode.ENFORCE || cost.estimated() <= options.maxCost()) {
            return null;
        }
        return "The operation's estimated cost " + OperationCost.whole(cost.estimated()) + " is above the maximum of "
                + options.maxCost() + " (plenum.gateway.demand-control.max-cost); ask for fewer items (e.g. a smaller"
                + " `first`) or fewer nested lists";
    }

    /** The cost with what the response's {@code data} returned. */
    public OperationCost measure(OperationCost estimate, OperationDefinition operation,
                                 Map<String, FragmentDefinition> fragments, Map<String, Object> variables, Object data) {
        if (estimate == null) {
            return null;
        }
        ActualCost measure = variables.isEmpty() ? measures.get(operation) : null;
        if (measure == null) {
            measure = new ActualCost(model, operation, new CostModel.Request(fragments, CoercedVariables.of(variables)));
            if (variables.isEmpty()) {
                measures.put(operation, measure);
            }
        }
        return estimate.withActual(measure.measure(data instanceof Map<?, ?> map ? map : null));
    }

    /** A bounded map that lets go of what was used least recently. */
    private static <V> Map<OperationDefinition, V> lastUsed(int capacity) {
        return Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<OperationDefinition, V> eldest) {
                return size() > capacity;
            }
        });
    }
}
