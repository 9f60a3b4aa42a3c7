package org.plenum.gateway.auth;

import io.quarkus.test.junit.QuarkusTestProfile;
import org.plenum.gateway.shell.LibrarySubgraphsResource;

import java.util.List;
import java.util.Map;

/** The library subgraphs behind a gateway that verifies tokens ({@link JwksResource}) and lets one web origin in. */
public class SecuredGatewayProfile implements QuarkusTestProfile {

    static final String ALLOWED_ORIGIN = "https://studio.example";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.http.cors.origins", ALLOWED_ORIGIN);
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(LibrarySubgraphsResource.class), new TestResourceEntry(JwksResource.class));
    }
}
