package org.plenum.gateway.engine.cost;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An operation's demand: the estimate made before it ran, what it returned (null when it did not run) and the
 * configured maximum.
 */
public record OperationCost(double estimated, Double actual, long max) {

    /** As in a response's {@code extensions.cost}: {@code {estimated, actual, max}}, whole numbers. */
    public Map<String, Object> toExtension() {
        Map<String, Object> cost = new LinkedHashMap<>();
        cost.put("estimated", whole(estimated));
        cost.put("actual", actual == null ? null : whole(actual));
        cost.put("max", max);
        return cost;
    }

    OperationCost withActual(double measured) {
        return new OperationCost(estimated, measured, max);
    }

    static long whole(double cost) {
        return cost >= Long.MAX_VALUE ? Long.MAX_VALUE : Math.round(cost);
    }
}
