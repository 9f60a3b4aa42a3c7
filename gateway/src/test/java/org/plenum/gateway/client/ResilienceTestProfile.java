package org.plenum.gateway.client;

import io.quarkus.test.junit.QuarkusTestProfile;
import org.plenum.gateway.shell.LibrarySubgraphsResource;

import java.util.List;
import java.util.Map;

/** The library subgraphs, with a circuit breaker that opens after a few fetches and rests for 8 s (long enough to look at it on a machine busy with other builds). */
public class ResilienceTestProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "plenum.gateway.resilience.circuit-breaker.request-volume", "4",
                "plenum.gateway.resilience.circuit-breaker.delay", "8s");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(LibrarySubgraphsResource.class));
    }
}
