package org.plenum.gateway.engine.authorization;

import java.util.Map;
import java.util.Set;

/**
 * Who sends a request, as the HTTP layer verified it: the engine decides what the caller may see from this alone.
 *
 * @param authenticated whether a valid token came with the request
 * @param scopes        OAuth 2 scopes granted by the token ({@code scope} claim, space-separated, and {@code scp} array)
 * @param claims        the token's verified claims, for {@code @policy} decisions
 */
public record Caller(boolean authenticated, Set<String> scopes, Map<String, Object> claims) {

    public static final Caller ANONYMOUS = new Caller(false, Set.of(), Map.of());

    public Caller {
        scopes = Set.copyOf(scopes);
        claims = Map.copyOf(claims);
    }
}
