package org.plenum.gateway.engine;

import org.plenum.gateway.engine.authorization.Caller;

import java.util.Map;

/**
 * A client's GraphQL request as the HTTP layer received it; headers are those configured to be forwarded, the caller
 * is who the HTTP layer verified the sender to be, the request id names the request in logs and in errors whose
 * details only the logs have.
 *
 * @param documentHash the SHA-256 (hex) of {@code query} when the HTTP layer knows it (persisted documents), else
 *                     null: the document is then prepared once and cached under the hash, and later requests naming
 *                     it skip parsing, validation and planning without reading the document text
 */
public record GatewayRequest(String query, String operationName, Map<String, Object> variables,
                             Map<String, String> forwardedHeaders, Caller caller, String requestId,
                             String documentHash) {

    public GatewayRequest {
        caller = caller == null ? Caller.ANONYMOUS : caller;
    }

    public GatewayRequest(String query, String operationName, Map<String, Object> variables,
                          Map<String, String> forwardedHeaders, Caller caller, String requestId) {
        this(query, operationName, variables, forwardedHeaders, caller, requestId, null);
    }

    public GatewayRequest(String query, String operationName, Map<String, Object> variables,
                          Map<String, String> forwardedHeaders, Caller caller) {
        this(query, operationName, variables, forwardedHeaders, caller, null, null);
    }

    /** An anonymous request. */
    public GatewayRequest(String query, String operationName, Map<String, Object> variables,
                          Map<String, String> forwardedHeaders) {
        this(query, operationName, variables, forwardedHeaders, Caller.ANONYMOUS, null, null);
    }
}
