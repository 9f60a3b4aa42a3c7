package org.plenum.subgraph.protection;

import graphql.execution.AbortExecutionException;

import java.util.Map;

/**
 * Stops a whole request that is over one of the {@link RequestLimits}: graphql-java answers it with this error
 * alone (no data), carrying a machine-readable {@code extensions.code}.
 */
public class LimitExceeded extends AbortExecutionException {

    private final String code;

    public LimitExceeded(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }

    @Override
    public Map<String, Object> getExtensions() {
        return Map.of("code", code);
    }
}
