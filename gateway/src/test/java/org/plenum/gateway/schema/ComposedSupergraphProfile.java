package org.plenum.gateway.schema;

import io.quarkus.test.junit.QuarkusTestProfile;
import org.plenum.gateway.shell.LibrarySubgraphsResource;

import java.util.List;
import java.util.Map;

/** No supergraph file: the gateway fetches the library subgraphs' SDLs and composes them at startup. */
public class ComposedSupergraphProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(LibrarySubgraphsResource.class,
                Map.of(LibrarySubgraphsResource.COMPOSE, "true")));
    }
}
