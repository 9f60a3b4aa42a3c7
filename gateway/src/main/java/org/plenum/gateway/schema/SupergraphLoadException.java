package org.plenum.gateway.schema;

/** The supergraph cannot be obtained from the configured source; retrying will not help. */
public class SupergraphLoadException extends RuntimeException {

    public SupergraphLoadException(String message) {
        super(message);
    }

    public SupergraphLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
