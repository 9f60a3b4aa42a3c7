package org.plenum.gateway.engine.subgraph;

import java.util.Map;

/**
 * One fetch as sent to a subgraph: its name and URL from the supergraph, the document, variables and headers to
 * forward, and whether the document is a mutation (which must reach the subgraph as often as it is sent).
 */
public record SubgraphRequest(String subgraph, String url, String query, String operationName,
                              Map<String, Object> variables, Map<String, String> headers, boolean mutation) {
}
