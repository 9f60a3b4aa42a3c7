package org.plenum.gateway.auth;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.plenum.gateway.config.GatewayConfig;
import org.plenum.gateway.config.GatewayStartupException;
import org.plenum.gateway.engine.authorization.Caller;

import java.util.List;
import java.util.Locale;

/**
 * Turns a request's {@code Authorization} header into its {@link Caller}: no header is an anonymous caller; a
 * {@code Bearer} JWT is verified ({@link TokenVerifier}); anything else fails with {@link AuthenticationException}.
 * Without {@code plenum.gateway.auth.jwks-url} no token can be verified, so every request that carries one is refused
 * and only anonymous requests are served.
 */
@ApplicationScoped
public class Authenticator {

    private static final Logger LOG = Logger.getLogger(Authenticator.class);
    private static final String BEARER = "bearer ";

    private final WebClient webClient;
    private final TokenVerifier verifier;
    private final SigningKeys keys;
    private final String jwksUrl;

    public Authenticator(Vertx vertx, GatewayConfig config) {
        GatewayConfig.Auth auth = config.auth();
        this.jwksUrl = auth.jwksUrl().orElse(null);
        if (jwksUrl == null) {
            this.webClient = null;
            this.keys = null;
            this.verifier = null;
            return;
        }
        String issuer = auth.issuer().orElseThrow(() -> new GatewayStartupException(
                "plenum.gateway.auth.issuer must be set when plenum.gateway.auth.jwks-url is"));
        List<String> audiences = auth.audience().orElseThrow(() -> new GatewayStartupException(
                "plenum.gateway.auth.audience must be set when plenum.gateway.auth.jwks-url is"));
        this.webClient = WebClient.create(vertx);
        try {
            this.keys = new SigningKeys(JwksDocument.reader(vertx, webClient, jwksUrl, auth.jwksTimeout()),
                    auth.jwksMinRefreshInterval(), auth.jwksCacheDuration());
        } catch (IllegalArgumentException e) {
            throw new GatewayStartupException(e.getMessage());
        }
        this.verifier = new TokenVerifier(keys, issuer, audiences, auth.clockSkew());
    }

    void announce(@Observes StartupEvent event) {
        if (verifier == null) {
            LOG.warn("Authentication is not configured (plenum.gateway.auth.jwks-url): requests with a bearer token "
                    + "are refused with 401, anonymous requests are served");
            return;
        }
        LOG.infof("Bearer tokens are verified against the JWKS at %s", jwksUrl);
        keys.current().subscribe().with(loaded -> LOG.infof("Loaded %d token signing key(s)", loaded.size()),
                failure -> { /* logged by SigningKeys; retried when a token arrives */ });
    }

    /** The caller behind an {@code Authorization} header value (null when the request has none). */
    public Uni<Caller> authenticate(String authorization) {
        if (authorization == null) {
            return Uni.createFrom().item(Caller.ANONYMOUS);
        }
        if (authorization.length() <= BEARER.length()
                || !authorization.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)) {
            return Uni.createFrom().failure(AuthenticationException.invalidToken(
                    "the Authorization header must be 'Bearer <token>'"));
        }
        if (verifier == null) {
            return Uni.createFrom().failure(AuthenticationException.invalidToken(
                    "this gateway is not configured to verify tokens"));
        }
        return Uni.createFrom().deferred(() -> verifier.verify(authorization.substring(BEARER.length()).trim()));
    }

    @PreDestroy
    void close() {
        if (webClient != null) {
            webClient.close();
        }
    }
}
