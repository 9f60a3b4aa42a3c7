package org.plenum.gateway.auth;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** Serves a test issuer's JWKS over HTTP and points the gateway's authentication at it. */
public class JwksResource implements QuarkusTestResourceLifecycleManager {

    /** The issuer whose tokens the gateway under test accepts (one per test JVM). */
    public static final TestIssuer ISSUER = new TestIssuer();

    private JwksServer server;

    @Override
    public Map<String, String> start() {
        server = new JwksServer(ISSUER);
        return Map.of(
                "plenum.gateway.auth.jwks-url", server.url(),
                "plenum.gateway.auth.issuer", TestIssuer.ISSUER,
                "plenum.gateway.auth.audience", TestIssuer.AUDIENCE);
    }

    @Override
    public void stop() {
        server.close();
    }
}
