package org.plenum.gateway.shell;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The shell test app with authorization directives: the library supergraph composed by {@code @apollo/composition}
 * with {@code shell/authorization/subgraphs/catalog.graphql} (renameBook needs scope books:write, Author.born an authenticated
 * caller), and claims rules for a few policies.
 */
public class AuthorizationProfile extends ShellTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>(super.getConfigOverrides());
        config.put("plenum.gateway.auth.policies.hr.claim", "roles");
        config.put("plenum.gateway.auth.policies.hr.values", "hr,admin");
        config.put("plenum.gateway.auth.policies.\"realm:admin\".claim", "realm_access.roles");
        config.put("plenum.gateway.auth.policies.\"realm:admin\".values", "admin");
        config.put("plenum.gateway.auth.policies.staff.claim", "department");
        config.put("plenum.gateway.auth.policies.staff.values", "sales,support");
        return config;
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(LibrarySubgraphsResource.class,
                Map.of(LibrarySubgraphsResource.SUPERGRAPH, "shell/authorization/supergraph.graphql")));
    }
}
