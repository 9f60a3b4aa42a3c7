package org.plenum.gateway.auth;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A test-only identity provider: RSA key pairs generated when the test runs (never stored), a JWKS of their public
 * halves, and real signed tokens with chosen claims.
 */
public final class TestIssuer {

    public static final String ISSUER = "https://issuer.test.plenum";
    public static final String AUDIENCE = "plenum-gateway";

    private final List<RsaJsonWebKey> published = new CopyOnWriteArrayList<>();

    public TestIssuer() {
        published.add(newKey("key-1"));
    }

    /** Publishes a further key (rotation); tokens signed with it are only valid once the JWKS is re-read. */
    public RsaJsonWebKey rotate(String keyId) {
        RsaJsonWebKey key = newKey(keyId);
        published.add(key);
        return key;
    }

    public String jwks() {
        return new JsonWebKeySet(published.stream().map(key -> (JsonWebKey) key).toList())
                .toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }

    public RsaJsonWebKey signingKey() {
        return published.get(0);
    }

    /** A token valid for five minutes with these scopes (space-separated {@code scope} claim). */
    public String token(String scope) {
        return token(signingKey(), claims -> claims.setClaim("scope", scope));
    }

    /** A token signed with {@code key}, valid for five minutes, with claims changed by {@code change}. */
    public static String token(RsaJsonWebKey key, Consumer<JwtClaims> change) {
        JwtClaims claims = claims();
        change.accept(claims);
        return sign(claims, key.getKeyId(), AlgorithmIdentifiers.RSA_USING_SHA256, key.getPrivateKey());
    }

    public static JwtClaims claims() {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setAudience(AUDIENCE);
        claims.setSubject("ada");
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(5);
        claims.setClaim("tenant", Map.of("id", "t1"));
        return claims;
    }

    public static String sign(JwtClaims claims, String keyId, String algorithm, java.security.Key key) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKeyIdHeaderValue(keyId);
        jws.setAlgorithmHeaderValue(algorithm);
        jws.setKey(key);
        jws.setDoKeyValidation(false); // tests also sign with what a verifier must refuse
        jws.setAlgorithmConstraints(org.jose4j.jwa.AlgorithmConstraints.NO_CONSTRAINTS);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    public static NumericDate minutesFromNow(float minutes) {
        NumericDate date = NumericDate.now();
        date.addSeconds((long) (minutes * 60));
        return date;
    }

    public static RsaJsonWebKey newKey(String keyId) {
        try {
            RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
            key.setKeyId(keyId);
            key.setUse("sig");
            key.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
            return key;
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }
}
