package org.plenum.gateway.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.smallrye.mutiny.Uni;
import org.jboss.logging.Logger;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.jose4j.lang.JoseException;
import org.plenum.gateway.engine.authorization.Caller;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Verifies a JWT bearer token with jose4j against the issuer's {@link SigningKeys}: signature by an asymmetric
 * algorithm only ({@code none} and HMAC are refused, so a public key can never serve as a shared secret), expiry and
 * not-before with a small clock skew, issuer and audience. A verified token becomes the request's {@link Caller}.
 * Clients send the same token with every request, and checking a signature costs more than planning a cached
 * operation: a verified token is remembered (by its whole text, signature included) for at most
 * {@link #REMEMBERED}, never past its expiry, so a key removed from the issuer's set stops counting within that time.
 */
public final class TokenVerifier {

    private static final Logger LOG = Logger.getLogger(TokenVerifier.class);

    /** RSA, RSA-PSS and ECDSA signatures: what identity providers issue; never {@code none} or HMAC. */
    static final AlgorithmConstraints ASYMMETRIC_ONLY = new AlgorithmConstraints(
            AlgorithmConstraints.ConstraintType.PERMIT,
            AlgorithmIdentifiers.RSA_USING_SHA256, AlgorithmIdentifiers.RSA_USING_SHA384,
            AlgorithmIdentifiers.RSA_USING_SHA512, AlgorithmIdentifiers.RSA_PSS_USING_SHA256,
            AlgorithmIdentifiers.RSA_PSS_USING_SHA384, AlgorithmIdentifiers.RSA_PSS_USING_SHA512,
            AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256,
            AlgorithmIdentifiers.ECDSA_USING_P384_CURVE_AND_SHA384,
            AlgorithmIdentifiers.ECDSA_USING_P521_CURVE_AND_SHA512);

    static final Duration REMEMBERED = Duration.ofMinutes(1);
    private static final int REMEMBERED_TOKENS = 10_000;

    /** A verified token's caller, and until when (epoch seconds, clock skew included) it may be used. */
    private record Verified(Caller caller, long usableUntil) {
    }

    private final Cache<String, Verified> verified = Caffeine.newBuilder()
            .maximumSize(REMEMBERED_TOKENS)
            .expireAfterWrite(REMEMBERED)
            .build();
    private final SigningKeys keys;
    private final String issuer;
    private final List<String> audiences;
    private final int clockSkewSeconds;

    public TokenVerifier(SigningKeys keys, String issuer, List<String> audiences, Duration clockSkew) {
        this.keys = keys;
        this.issuer = issuer;
        this.audiences = List.copyOf(audiences);
        this.clockSkewSeconds = Math.toIntExact(clockSkew.toSeconds());
    }

    /** The caller the token proves, or a failure with {@link AuthenticationException}. */
    public Uni<Caller> verify(String token) {
        Verified remembered = verified.getIfPresent(token);
        if (remembered != null && Instant.now().getEpochSecond() <= remembered.usableUntil()) {
            return Uni.createFrom().item(remembered.caller());
        }
        String keyId = keyId(token);
        return keys.current()
                .flatMap(known -> keyId == null || hasKey(known, keyId) ? Uni.createFrom().item(known) : keys.refresh())
                .map(known -> {
                    if (keyId != null && !hasKey(known, keyId)) {
                        throw AuthenticationException.invalidToken("it is signed with an unknown key");
                    }
                    JwtClaims claims = claims(token, known);
                    Caller caller = caller(claims);
                    verified.put(token, new Verified(caller, expiry(claims) + clockSkewSeconds));
                    return caller;
                });
    }

    private static long expiry(JwtClaims claims) {
        try {
            return claims.getExpirationTime().getValue(); // required, so present once verified
        } catch (MalformedClaimException e) {
            throw AuthenticationException.invalidToken("its claims are malformed");
        }
    }

    private JwtClaims claims(String token, List<JsonWebKey> known) {
        JwksVerificationKeyResolver resolver = new JwksVerificationKeyResolver(known);
        resolver.setDisambiguateWithVerifySignature(true);
        JwtConsumer consumer = new JwtConsumerBuilder()
                .setJwsAlgorithmConstraints(ASYMMETRIC_ONLY)
                .setVerificationKeyResolver(resolver)
                .setRequireExpirationTime()
                .setAllowedClockSkewInSeconds(clockSkewSeconds)
                .setExpectedIssuer(issuer)
                .setExpectedAudience(audiences.toArray(String[]::new))
                .build();
        try {
            return consumer.processToClaims(token);
        } catch (InvalidJwtException e) {
            LOG.debugf("Refused a bearer token: %s", e.getErrorDetails());
            throw AuthenticationException.invalidToken(reason(e));
        }
    }

    private static String keyId(String token) {
        try {
            if (JsonWebStructure.fromCompactSerialization(token) instanceof JsonWebSignature signature) {
                return signature.getKeyIdHeaderValue();
            }
        } catch (JoseException | RuntimeException e) {
            throw AuthenticationException.invalidToken("it is not a well-formed JWT");
        }
        throw AuthenticationException.invalidToken("it is not a signed JWT");
    }

    private static boolean hasKey(List<JsonWebKey> known, String keyId) {
        return known.stream().anyMatch(key -> keyId.equals(key.getKeyId()));
    }

    private static String reason(InvalidJwtException e) {
        if (e.hasExpired()) {
            return "it has expired";
        } else if (e.hasErrorCode(ErrorCodes.NOT_YET_VALID)) {
            return "it is not valid yet";
        } else if (e.hasErrorCode(ErrorCodes.EXPIRATION_MISSING)) {
            return "it has no expiry time";
        } else if (e.hasErrorCode(ErrorCodes.ISSUER_INVALID) || e.hasErrorCode(ErrorCodes.ISSUER_MISSING)) {
            return "it is not from the expected issuer";
        } else if (e.hasErrorCode(ErrorCodes.AUDIENCE_INVALID) || e.hasErrorCode(ErrorCodes.AUDIENCE_MISSING)) {
            return "it is not meant for this audience";
        } else if (e.hasErrorCode(ErrorCodes.JSON_INVALID) || e.hasErrorCode(ErrorCodes.MALFORMED_CLAIM)) {
            return "its claims are malformed";
        }
        return "its signature or algorithm is not accepted";
    }

    private static Caller caller(JwtClaims claims) {
        Map<String, Object> values = new HashMap<>();
        claims.getClaimsMap().forEach((name, value) -> {
            if (value != null) {
                values.put(name, value);
            }
        });
        return new Caller(true, scopes(values.get("scope"), values.get("scp")), values);
    }

    /** OAuth 2 {@code scope} (space-separated) and {@code scp} (an array, or a string as some providers send it). */
    static Set<String> scopes(Object... claims) {
        Set<String> scopes = new LinkedHashSet<>();
        for (Object claim : claims) {
            if (claim instanceof String text) {
                for (String scope : text.trim().split("\\s+")) {
                    if (!scope.isEmpty()) {
                        scopes.add(scope);
                    }
                }
            } else if (claim instanceof Collection<?> list) {
                list.stream().filter(String.class::isInstance).map(String.class::cast).forEach(scopes::add);
            }
        }
        return scopes;
    }
}
