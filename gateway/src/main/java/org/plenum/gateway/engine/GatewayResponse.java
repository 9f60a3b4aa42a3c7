package org.plenum.gateway.engine;

import org.plenum.gateway.engine.cost.OperationCost;

import java.util.Map;

/**
 * The result of one operation.
 *
 * @param body          the GraphQL response ({@code data} and/or {@code errors}, maybe {@code extensions}) as plain maps/lists
 * @param requestError  true when the request failed before execution (syntax, validation, limits, unknown operation):
 *                      the HTTP layer answers 400 for application/graphql-response+json
 * @param operationType "query", "mutation" or "subscription"; null when not determined
 * @param operationName the executed operation's name, null if anonymous or not determined
 * @param cost          the operation's estimated (and, when it ran, actual) cost; null when not estimated
 */
public record GatewayResponse(Map<String, Object> body, boolean requestError, String operationType, String operationName,
                              OperationCost cost) {

    public GatewayResponse(Map<String, Object> body, boolean requestError, String operationType, String operationName) {
        this(body, requestError, operationType, operationName, null);
    }
}
