package org.plenum.gateway.schema;

/** The supergraph URL gave no supergraph this time (unreachable, timeout, HTTP error): later attempts may succeed. */
public class SupergraphUnavailableException extends RuntimeException {

    public SupergraphUnavailableException(String message) {
        super(message, null, false, false);
    }
}
