package org.plenum.gateway.engine.subgraph;

import io.smallrye.mutiny.Uni;

/**
 * Sends one GraphQL request to one subgraph. The engine depends only on this, so planner and executor
 * are testable without HTTP; the Quarkus shell supplies the Vert.x implementation.
 */
public interface SubgraphClient {

    /**
     * @return the subgraph's parsed GraphQL response body ({@code data}, {@code errors}) as plain
     *         maps and lists, the caller's own unless it is a {@link SharedAnswer}; fails with
     *         {@link SubgraphFailure} when no GraphQL response was obtained (connection refused, timeout,
     *         non-GraphQL HTTP status).
     */
    Uni<java.util.Map<String, Object>> execute(SubgraphRequest request);
}
