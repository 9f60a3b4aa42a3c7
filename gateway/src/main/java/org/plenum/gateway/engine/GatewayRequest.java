package org.plenum.gateway.engine;

import java.util.Map;

/** A client's GraphQL request as the HTTP layer received it; headers are those configured to be forwarded. */
public record GatewayRequest(String query, String operationName, Map<String, Object> variables,
                             Map<String, String> forwardedHeaders) {
}
