package org.plenum.gateway.e2e;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.plenum.gateway.auth.TestIssuer;

import java.util.Map;

/** Starts the real subgraphs before the packaged gateway and points the gateway at them and their token issuer. */
public class SubgraphsResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        SubgraphProcesses subgraphs = SubgraphProcesses.get();
        return Map.of(
                "plenum.gateway.subgraphs.speakers.url", subgraphs.graphqlUrl(SubgraphProcesses.SPEAKERS),
                "plenum.gateway.subgraphs.topics.url", subgraphs.graphqlUrl(SubgraphProcesses.TOPICS),
                "plenum.gateway.subgraph-timeout", "5s",
                "plenum.gateway.auth.jwks-url", subgraphs.jwksUrl(),
                "plenum.gateway.auth.issuer", TestIssuer.ISSUER,
                "plenum.gateway.auth.audience", TestIssuer.AUDIENCE);
    }

    @Override
    public void stop() {
        SubgraphProcesses.stopAll();
    }
}
