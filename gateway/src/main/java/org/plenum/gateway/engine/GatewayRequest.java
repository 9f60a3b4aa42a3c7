package org.plenum.gateway.engine;

import org.plenum.gateway.engine.authorization.Caller;

import java.util.Map;

/**
 * A client's GraphQL request as the HTTP layer received it; headers are those configured to be forwarded, the caller
 * is who the HTTP layer verified the sender to be, the request id names the request in logs and in errors whose
 * details only the logs have.
 */
public record GatewayRequest(String query, String operationName, Map<String, Object> variables,
                             Map<String, String> forwardedHeaders, Caller caller, String requestId) {

    public GatewayRequest {
        caller = caller == null ? Caller.ANONYMOUS : caller;
    }

    public GatewayRequest(String query, String operationName, Map<String, Object> variables,
                          Map<String, String> forwardedHeaders, Caller caller) {
        this(query, operationName, variables, forwardedHeaders, caller, null);
    }

    /** An anonymous request. */
    public GatewayRequest(String query, String operationName, Map<String, Object> variables,
                          Map<String, String> forwardedHeaders) {
        this(query, operationName, variables, forwardedHeaders, Caller.ANONYMOUS, null);
    }
}
