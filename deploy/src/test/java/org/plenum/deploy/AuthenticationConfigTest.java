package org.plenum.deploy;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** All three services trust one identity provider from config; only speakers-service holds the service token. */
class AuthenticationConfigTest {

    @ForEachOverlay
    void theGatewayAndTheSubgraphsVerifyTokensOfTheSameIssuerWithTheSameKeys(Manifests manifests) {
        Map<String, String> gateway = environment(manifests, "gateway");
        String issuer = gateway.get("PLENUM_GATEWAY_AUTH_ISSUER");
        String keys = gateway.get("PLENUM_GATEWAY_AUTH_JWKS_URL");
        assertTrue(keys != null && keys.startsWith("https://"), "the gateway reads the issuer's JWKS over HTTPS: " + keys);
        assertFalse(issuer == null || issuer.isBlank(), "the gateway checks the issuer");
        for (String subgraph : List.of("speakers-service", "topics-service")) {
            Map<String, String> environment = environment(manifests, subgraph);
            assertEquals(issuer, environment.get("MP_JWT_VERIFY_ISSUER"), subgraph);
            assertEquals(keys, environment.get("MP_JWT_VERIFY_PUBLICKEY_LOCATION"), subgraph);
            assertEquals(gateway.get("PLENUM_GATEWAY_AUTH_AUDIENCE"), environment.get("MP_JWT_VERIFY_AUDIENCES"), subgraph);
        }
    }

    @ForEachOverlay
    void onlySpeakersServiceGetsTheServiceTokenAndFromASecret(Manifests manifests) {
        for (Workload workload : manifests.workloads()) {
            boolean holdsToken = Tree.maps(workload.container().get("env")).stream()
                    .anyMatch(variable -> "PLENUM_TOPICS_SERVICE_TOKEN".equals(variable.get("name")));
            assertEquals(workload.equals(manifests.workload("speakers-service")), holdsToken, workload.toString());
        }
        assertTrue(ConfigReference.all(manifests.workload("speakers-service")).stream()
                .anyMatch(reference -> reference.kind().equals("Secret") && reference.key().equals("token")
                        && reference.name().startsWith("plenum-service-token")));
    }

    private static Map<String, String> environment(Manifests manifests, String workload) {
        return ContainerEnvironment.of(manifests, manifests.workload(workload).container());
    }
}
