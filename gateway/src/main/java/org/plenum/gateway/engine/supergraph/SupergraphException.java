package org.plenum.gateway.engine.supergraph;

/** The supergraph SDL cannot be used: syntax error, missing join definitions or inconsistent join metadata. */
public class SupergraphException extends IllegalArgumentException {

    public SupergraphException(String message) {
        super(message);
    }

    public SupergraphException(String message, Throwable cause) {
        super(message, cause);
    }
}
