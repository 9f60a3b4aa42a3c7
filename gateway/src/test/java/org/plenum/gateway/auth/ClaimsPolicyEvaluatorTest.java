package org.plenum.gateway.auth;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.plenum.gateway.engine.authorization.Caller;
import org.plenum.gateway.engine.authorization.PolicyEvaluator;
import org.plenum.gateway.shell.AuthorizationProfile;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The gateway's @policy decisions come from the claims rules in plenum.gateway.auth.policies (see {@link AuthorizationProfile}). */
@QuarkusTest
@TestProfile(AuthorizationProfile.class)
class ClaimsPolicyEvaluatorTest {

    private static final Set<String> ALL = Set.of("hr", "realm:admin", "staff", "unconfigured");

    @Inject
    PolicyEvaluator policies;

    @Test
    void aListClaimSatisfiesAPolicyWhenItContainsOneOfTheValues() {
        assertEquals(Set.of("hr"), policies.satisfied(caller(Map.of("roles", List.of("guest", "admin"))), ALL));
        assertEquals(Set.of(), policies.satisfied(caller(Map.of("roles", List.of("guest"))), ALL));
    }

    @Test
    void aStringClaimSatisfiesAPolicyWhenItEqualsOneOfTheValues() {
        assertEquals(Set.of("staff"), policies.satisfied(caller(Map.of("department", "support")), ALL));
        assertEquals(Set.of(), policies.satisfied(caller(Map.of("department", "marketing")), ALL));
    }

    @Test
    void aDottedClaimNameReachesIntoNestedClaims() {
        Caller keycloakAdmin = caller(Map.of("realm_access", Map.of("roles", List.of("admin"))));

        assertEquals(Set.of("realm:admin"), policies.satisfied(keycloakAdmin, ALL));
    }

    @Test
    void anonymousCallersAndPoliciesWithoutARuleSatisfyNothing() {
        Map<String, Object> everything = Map.of("roles", List.of("hr"), "department", "sales", "unconfigured", "x");

        assertEquals(Set.of(), policies.satisfied(new Caller(false, Set.of(), everything), ALL));
        assertEquals(Set.of("hr", "staff"), policies.satisfied(caller(everything), ALL));
    }

    private static Caller caller(Map<String, Object> claims) {
        return new Caller(true, Set.of(), claims);
    }
}
