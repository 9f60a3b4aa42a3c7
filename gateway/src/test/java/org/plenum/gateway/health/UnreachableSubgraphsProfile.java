package org.plenum.gateway.health;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** Composition from a subgraph nobody listens for (port 1 refuses connections): no schema can be loaded. */
public class UnreachableSubgraphsProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "plenum.gateway.subgraphs.absent.url", "http://127.0.0.1:1/graphql",
                "plenum.gateway.load-retry-interval", "1h");
    }
}
