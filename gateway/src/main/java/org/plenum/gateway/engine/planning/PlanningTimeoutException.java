package org.plenum.gateway.engine.planning;

/** Planning an operation ran past its budget and was abandoned; the operation is refused as too complex. */
public final class PlanningTimeoutException extends RuntimeException {

    PlanningTimeoutException() {
        super("Planning the operation ran past its budget", null, false, false);
    }
}
