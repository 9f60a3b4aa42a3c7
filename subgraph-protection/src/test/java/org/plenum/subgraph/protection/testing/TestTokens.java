package org.plenum.subgraph.protection.testing;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;

/**
 * A test-only issuer: an RSA key pair generated when the tests start (never stored in the repository), its public key
 * as a PEM file for {@code mp.jwt.verify.publickey.location}, and real signed tokens. Shared with both subgraphs'
 * tests through this module's test-jar.
 */
public final class TestTokens {

    public static final String ISSUER = "https://issuer.test.plenum";
    public static final String AUDIENCE = "plenum";

    private static final KeyPair KEYS = generate();

    private TestTokens() {
    }

    /** The config that makes the service trust this issuer. */
    public static Map<String, String> config() {
        return Map.of(
                "mp.jwt.verify.publickey.location", publicKeyFile().toString(),
                "mp.jwt.verify.issuer", ISSUER,
                "mp.jwt.verify.audiences", AUDIENCE);
    }

    /** A token valid for five minutes granting these scopes (space-separated {@code scope} claim). */
    public static String token(String scope) {
        return token(scope, "test-editor");
    }

    /** As {@link #token(String)}, for another user. */
    public static String token(String scope, String subject) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setAudience(AUDIENCE);
        claims.setSubject(subject);
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(5);
        claims.setClaim("scope", scope);
        return sign(claims, KEYS);
    }

    /** A well-formed token for the right issuer and audience, signed by a key the service does not trust. */
    public static String tokenFromAnotherKey(String scope) {
        String trusted = token(scope);
        try {
            return sign(JwtClaims.parse(new String(Base64.getUrlDecoder().decode(trusted.split("\\.")[1]))), generate());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sign(JwtClaims claims, KeyPair keys) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setKey(keys.getPrivate());
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path publicKeyFile() {
        try {
            Path file = Files.createTempFile("test-issuer", ".pem");
            file.toFile().deleteOnExit();
            String base64 = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(KEYS.getPublic().getEncoded());
            return Files.writeString(file, "-----BEGIN PUBLIC KEY-----\n" + base64 + "\n-----END PUBLIC KEY-----\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
