package org.plenum.gateway.engine.plan;

/** The operation cannot be planned over this supergraph (e.g. a field no subgraph can reach from where it is). */
public class PlanningException extends RuntimeException {

    public PlanningException(String message) {
        super(message);
    }
}
