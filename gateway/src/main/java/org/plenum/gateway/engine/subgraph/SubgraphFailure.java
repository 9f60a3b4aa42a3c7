package org.plenum.gateway.engine.subgraph;

/** A subgraph fetch that produced no GraphQL response; {@code code} becomes the error's extensions.code. */
public class SubgraphFailure extends RuntimeException {

    private final String subgraph;
    private final String code;

    public SubgraphFailure(String subgraph, String code, String message, Throwable cause) {
        super(message, cause);
        this.subgraph = subgraph;
        this.code = code;
    }

    public String subgraph() {
        return subgraph;
    }

    /** e.g. SUBGRAPH_TIMEOUT, SUBGRAPH_UNAVAILABLE, SUBGRAPH_BAD_RESPONSE */
    public String code() {
        return code;
    }
}
