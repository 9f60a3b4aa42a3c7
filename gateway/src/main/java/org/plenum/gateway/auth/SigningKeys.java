package org.plenum.gateway.auth;

import io.smallrye.mutiny.Uni;
import org.jboss.logging.Logger;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.lang.JoseException;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * The issuer's public keys from a JWKS document, cached. The document is fetched again when the cache is older than
 * {@code cacheDuration} or a token names a key id the cache does not have, but never more often than once per
 * {@code minRefreshInterval}, so tokens with made-up key ids cannot turn the gateway into a load generator against
 * the identity provider. Concurrent refreshes share one fetch; a failed fetch keeps the keys already known.
 */
public final class SigningKeys {

    private static final Logger LOG = Logger.getLogger(SigningKeys.class);

    private final Supplier<Uni<String>> fetchDocument;
    private final long minRefreshNanos;
    private final long cacheNanos;

    private volatile List<JsonWebKey> keys;
    private long loadedAt;
    private long lastFetchStarted;
    private boolean fetchedOnce;
    private Uni<List<JsonWebKey>> inFlight;
    private int fetches;

    /** @param fetchDocument reads the JWKS JSON without blocking (HTTP through Vert.x, or an asynchronous file read) */
    public SigningKeys(Supplier<Uni<String>> fetchDocument, Duration minRefreshInterval, Duration cacheDuration) {
        this.fetchDocument = fetchDocument;
        this.minRefreshNanos = minRefreshInterval.toNanos();
        this.cacheNanos = cacheDuration.toNanos();
    }

    /** The cached keys, refreshed first when the cache has expired (and a fetch is allowed). */
    public Uni<List<JsonWebKey>> current() {
        List<JsonWebKey> known = keys;
        synchronized (this) {
            if (known != null && System.nanoTime() - loadedAt < cacheNanos) {
                return Uni.createFrom().item(known);
            }
        }
        return refresh();
    }

    /** The keys after a refresh, if one is allowed now; otherwise the cached keys (which lack the wanted id). */
    public Uni<List<JsonWebKey>> refresh() {
        synchronized (this) {
            if (inFlight != null) {
                return inFlight;
            }
            if (fetchedOnce && System.nanoTime() - lastFetchStarted < minRefreshNanos) {
                return keys != null ? Uni.createFrom().item(keys)
                        : Uni.createFrom().failure(AuthenticationException.keysUnavailable());
            }
            fetchedOnce = true;
            fetches++;
            lastFetchStarted = System.nanoTime();
            inFlight = Uni.createFrom().deferred(fetchDocument::get)
                    .map(SigningKeys::parse)
                    .onItemOrFailure().transformToUni((loaded, failure) -> completed(loaded, failure))
                    .memoize().indefinitely();
            return inFlight;
        }
    }

    /** How many times the JWKS document was fetched: bounded by the refresh interval, whatever tokens arrive. */
    public synchronized int fetches() {
        return fetches;
    }

    private synchronized Uni<List<JsonWebKey>> completed(List<JsonWebKey> loaded, Throwable failure) {
        inFlight = null;
        if (failure == null) {
            keys = loaded;
            loadedAt = System.nanoTime();
            return Uni.createFrom().item(loaded);
        }
        LOG.warnf("Cannot load the token signing keys (JWKS): %s", failure.getMessage());
        return keys != null ? Uni.createFrom().item(keys)
                : Uni.createFrom().failure(AuthenticationException.keysUnavailable());
    }

    private static List<JsonWebKey> parse(String document) {
        try {
            return List.copyOf(new JsonWebKeySet(document).getJsonWebKeys());
        } catch (JoseException e) {
            throw new IllegalStateException("not a JWKS document: " + e.getMessage(), e);
        }
    }
}
