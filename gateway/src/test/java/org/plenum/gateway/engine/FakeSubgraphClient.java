package org.plenum.gateway.engine;

import io.smallrye.mutiny.Uni;
import org.plenum.gateway.engine.subgraph.SubgraphClient;
import org.plenum.gateway.engine.subgraph.SubgraphFailure;
import org.plenum.gateway.engine.subgraph.SubgraphRequest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Answers each subgraph request from a {@link FakeSubgraph}; records every request; can play a dead subgraph. */
final class FakeSubgraphClient implements SubgraphClient {

    private final Map<String, FakeSubgraph> subgraphs = new LinkedHashMap<>();
    private final List<SubgraphRequest> requests = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> down = new HashSet<>();

    FakeSubgraphClient with(String name, FakeSubgraph subgraph) {
        subgraphs.put(name, subgraph);
        return this;
    }

    FakeSubgraphClient down(String name) {
        down.add(name);
        return this;
    }

    List<SubgraphRequest> requests() {
        return requests;
    }

    List<SubgraphRequest> requestsTo(String name) {
        return requests.stream().filter(r -> r.subgraph().equals(name)).toList();
    }

    @Override
    public Uni<Map<String, Object>> execute(SubgraphRequest request) {
        requests.add(request);
        if (down.contains(request.subgraph())) {
            return Uni.createFrom().failure(new SubgraphFailure(request.subgraph(), "SUBGRAPH_UNAVAILABLE",
                    "Connection refused", null));
        }
        FakeSubgraph subgraph = subgraphs.get(request.subgraph());
        return Uni.createFrom().item(() -> subgraph.execute(request.query(), request.variables()));
    }
}
