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
 * @param contextValues   for entity fetches: the variables whose value each entity takes from an ancestor (@fromContext)
 */
public record FetchNode(int id, String graph, String subgraphName, String url, List<List<PathSegment>> mergeAt,
                        boolean mutation, String document,
                        List<String> variableNames, Map<String, Representation> representations,
                        FetchSelection renamedFields, List<String> rootFieldKeys, List<ContextValue> contextValues) {

    /** How to build the _entities representation of an object: its __typename there, key and required fields. */
    public record Representation(String typename, FetchSelection key, FetchSelection required) {

        /** The key's only field when it is a leaf and nothing else is sent (the usual id), else null. */
        public FetchSelection.FieldSelection scalarKey() {
            if (key.fields().size() != 1 || !key.fragments().isEmpty() || !required.isEmpty()) {
                return null;
            }
            FetchSelection.FieldSelection field = key.fields().iterator().next();
            return field.sub() == null ? field : null;
        }
    }

    /**
     * A variable whose value comes, per entity, from an ancestor of it in the response: entities with different values
     * are fetched in separate requests.
     *
     * @param variable       its name in the document
     * @param type           its type, as declared in the document
     * @param ancestorLength how many segments of the merge path lead to the ancestor (all of them: the entity itself)
     * @param selection      what is read on the ancestor: one field by its internal key, perhaps under type fragments
     */
    public record ContextValue(String variable, String type, int ancestorLength, FetchSelection selection) {
    }

    public boolean isEntityFetch() {
        return representations != null;
    }
}
