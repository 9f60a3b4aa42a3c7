package org.plenum.deploy;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Production (external-databases) runs the gateway from the supergraph CI published, by URL; the development overlay
 * (embedded-databases) keeps composing the subgraphs' SDLs at startup.
 */
class SupergraphSourceTest {

    @Test
    void productionReadsThePublishedSupergraphByUrl() {
        Map<String, String> environment = gatewayEnvironment("external-databases");

        assertTrue(environment.get("PLENUM_GATEWAY_SUPERGRAPH_URL").startsWith("https://"), environment.toString());
        assertEquals("kubernetes", environment.get("QUARKUS_PROFILE"), "the base configuration is kept");
    }

    @Test
    void developmentComposesTheSubgraphsAtStartup() {
        Map<String, String> environment = gatewayEnvironment("embedded-databases");

        assertFalse(environment.containsKey("PLENUM_GATEWAY_SUPERGRAPH_URL"));
        assertFalse(environment.containsKey("PLENUM_GATEWAY_SUPERGRAPH_FILE"));
    }

    private static Map<String, String> gatewayEnvironment(String overlay) {
        Manifests manifests = Overlays.rendered(overlay);
        return ContainerEnvironment.of(manifests, manifests.workload("gateway").container());
    }
}
