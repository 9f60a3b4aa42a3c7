package org.plenum.gateway.engine.cost;

/** The operation cannot be costed as the schema's {@code @listSize} requires (e.g. no single slicing argument). */
public final class CostEstimateException extends RuntimeException {

    public CostEstimateException(String message) {
        super(message, null, false, false);
    }
}
