package org.plenum.gateway.engine.plan;

import java.util.List;
import java.util.Map;

/**
 * One subgraph request of a plan.
 *
 * @param graph           the join__Graph value of the subgraph
 * @param subgraphName    its name
 * @param url             its URL
 * @param mergeAt         where the results merge into the response, one or more paths; one empty path for root fetches
 * @param mutation        whether the document is a mutation (entity fetches are queries even within a mutation)
 * @param document        the GraphQL document sent
 * @param variableNames   the client variables the document uses (only these are forwarded)
 * @param representations for entity fetches: the representation to build per runtime type (by __typename)
 * @param renamedFields   when some fields were sent under another key: the selection telling which, else null
 * @param rootFieldKeys   for root fetches: the client's response keys of the root fields it fetches, else empty
 */
public record FetchNode(int id, String graph, String subgraphName, String url, List<List<PathSegment>> mergeAt,
                        boolean mutation, String document,
                        List<String> variableNames, Map<String, Representation> representations,
                        FetchSelection renamedFields, List<String> rootFieldKeys) {

    /** How to build the _entities representation of an object: its __typename there, key and required fields. */
    public record Representation(String typename, FetchSelection key, FetchSelection required) {
    }

    public boolean isEntityFetch() {
        return representations != null;
    }
}
