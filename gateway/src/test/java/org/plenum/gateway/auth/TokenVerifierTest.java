package org.plenum.gateway.auth;

import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.plenum.gateway.engine.authorization.Caller;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real signed tokens against a JWKS served over real HTTP: what is accepted, what is refused and why. */
class TokenVerifierTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final TestIssuer issuer = new TestIssuer();
    private JwksServer jwks;
    private Vertx vertx;
    private WebClient client;

    @BeforeEach
    void start() {
        jwks = new JwksServer(issuer);
        vertx = Vertx.vertx();
        client = WebClient.create(vertx);
    }

    @AfterEach
    void stop() {
        client.close();
        vertx.closeAndAwait();
        jwks.close();
    }

    @Test
    void validTokenGivesAnAuthenticatedCallerWithScopesAndClaims() {
        Caller caller = verify(verifier(), issuer.token("speakers:write topics:write"));

        assertTrue(caller.authenticated());
        assertEquals(Set.of("speakers:write", "topics:write"), caller.scopes());
        assertEquals("ada", caller.claims().get("sub"));
        assertEquals(Map.of("id", "t1"), caller.claims().get("tenant"));
    }

    @Test
    void scopesComeFromTheScpArrayToo() {
        String token = TestIssuer.token(issuer.signingKey(), claims -> {
            claims.setClaim("scope", "a");
            claims.setStringListClaim("scp", "b", "c");
        });

        assertEquals(Set.of("a", "b", "c"), verify(verifier(), token).scopes());
    }

    @Test
    void aValidTokenWithoutScopesIsAcceptedWithNone() {
        // whether a scope is missing is for the engine and the subgraphs to decide: the token itself is fine
        Caller caller = verify(verifier(), TestIssuer.token(issuer.signingKey(), claims -> { }));

        assertTrue(caller.authenticated());
        assertTrue(caller.scopes().isEmpty());
    }

    @Test
    void expiredTokenIsRefusedBeyondTheClockSkew() {
        assertRefused("it has expired", claims -> {
            claims.setIssuedAt(TestIssuer.minutesFromNow(-5));
            claims.setExpirationTime(TestIssuer.minutesFromNow(-2));
        });
        // within the 30 s skew an expired token still passes: clocks differ a little
        verify(verifier(), TestIssuer.token(issuer.signingKey(),
                claims -> {
                    claims.setIssuedAt(TestIssuer.minutesFromNow(-5));
                    claims.setExpirationTime(TestIssuer.minutesFromNow(-0.25f));
                }));
    }

    @Test
    void aRememberedTokenIsStillRefusedOnceExpired() throws InterruptedException {
        SigningKeys keys = new SigningKeys(JwksDocument.reader(vertx, client, jwks.url(), WAIT),
                Duration.ofSeconds(30), Duration.ofMinutes(10));
        TokenVerifier verifier = new TokenVerifier(keys, TestIssuer.ISSUER, List.of(TestIssuer.AUDIENCE), Duration.ZERO);
        String token = TestIssuer.token(issuer.signingKey(), claims -> claims.setExpirationTime(
                org.jose4j.jwt.NumericDate.fromSeconds(java.time.Instant.now().getEpochSecond() + 2)));
        assertTrue(verify(verifier, token).authenticated());
        assertTrue(verify(verifier, token).authenticated(), "remembered");

        Thread.sleep(3100);

        assertEquals("The bearer token was not accepted: it has expired", refusal(verifier, token));
    }

    @Test
    void tokenNotYetValidIsRefused() {
        assertRefused("it is not valid yet", claims -> claims.setNotBefore(TestIssuer.minutesFromNow(2)));
    }

    @Test
    void tokenWithoutExpiryIsRefused() {
        assertRefused("it has no expiry time", claims -> claims.unsetClaim("exp"));
    }

    @Test
    void wrongIssuerIsRefused() {
        assertRefused("it is not from the expected issuer", claims -> claims.setIssuer("https://evil.example"));
    }

    @Test
    void wrongAudienceIsRefused() {
        assertRefused("it is not meant for this audience", claims -> claims.setAudience("another-api"));
    }

    @Test
    void tokenSignedWithAnotherKeyUnderAKnownKeyIdIsRefused() {
        RsaJsonWebKey impostor = TestIssuer.newKey(issuer.signingKey().getKeyId());

        assertEquals("The bearer token was not accepted: its signature or algorithm is not accepted",
                refusal(verifier(), TestIssuer.token(impostor, claims -> { })));
    }

    @Test
    void tokenSignedWithAnUnknownKeyIsRefused() {
        assertEquals("The bearer token was not accepted: it is signed with an unknown key",
                refusal(verifier(), TestIssuer.token(TestIssuer.newKey("stranger"), claims -> { })));
    }

    @Test
    void unsignedTokenIsRefused() {
        String header = base64("{\"alg\":\"none\",\"kid\":\"key-1\"}");
        String token = header + "." + base64(TestIssuer.claims().toJson()) + ".";

        assertEquals(401, assertThrows(AuthenticationException.class, () -> verify(verifier(), token)).status());
    }

    @Test
    void hmacTokenWithThePublicKeyAsSecretIsRefused() {
        byte[] publicKey = issuer.signingKey().getPublicKey().getEncoded();
        String token = TestIssuer.sign(TestIssuer.claims(), issuer.signingKey().getKeyId(),
                AlgorithmIdentifiers.HMAC_SHA256, new HmacKey(publicKey));

        assertEquals("The bearer token was not accepted: its signature or algorithm is not accepted",
                refusal(verifier(), token));
    }

    @Test
    void malformedTokenIsRefused() {
        assertEquals("The bearer token was not accepted: it is not a well-formed JWT", refusal(verifier(), "garbage"));
        assertEquals(401, assertThrows(AuthenticationException.class,
                () -> verify(verifier(), "e30.e30.c2ln")).status());
    }

    @Test
    void aNewKeyIdAtTheJwksUrlIsPickedUpWithOneFetch() {
        TokenVerifier verifier = verifier(Duration.ZERO);
        verify(verifier, issuer.token("x"));
        int fetchesBefore = jwks.fetches();

        RsaJsonWebKey rotated = issuer.rotate("key-2");
        Caller caller = verify(verifier, TestIssuer.token(rotated, claims -> claims.setClaim("scope", "rotated")));

        assertEquals(Set.of("rotated"), caller.scopes());
        assertEquals(fetchesBefore + 1, jwks.fetches());
        verify(verifier, issuer.token("x")); // the old key still works, from the cache
        assertEquals(fetchesBefore + 1, jwks.fetches());
    }

    @Test
    void unknownKeyIdsCannotMakeTheGatewayFetchMoreThanOncePerInterval() {
        TokenVerifier verifier = verifier(Duration.ofHours(1));
        verify(verifier, issuer.token("x"));

        RsaJsonWebKey stranger = TestIssuer.newKey("stranger");
        for (int i = 0; i < 20; i++) {
            String token = TestIssuer.sign(TestIssuer.claims(), "made-up-" + i, AlgorithmIdentifiers.RSA_USING_SHA256,
                    stranger.getPrivateKey());
            assertThrows(AuthenticationException.class, () -> verify(verifier, token));
        }

        assertEquals(1, jwks.fetches(), "the first fetch only: the refresh interval has not passed");
    }

    @Test
    void jwksFromAFileIsRead(@org.junit.jupiter.api.io.TempDir Path folder) throws Exception {
        Path file = Files.writeString(folder.resolve("jwks.json"), issuer.jwks());
        SigningKeys keys = new SigningKeys(JwksDocument.reader(vertx, client, file.toUri().toString(), WAIT),
                Duration.ofSeconds(30), Duration.ofMinutes(10));

        assertTrue(verify(new TokenVerifier(keys, TestIssuer.ISSUER, List.of(TestIssuer.AUDIENCE),
                Duration.ofSeconds(30)), issuer.token("a")).authenticated());
    }

    @Test
    void unreachableJwksMakesTokensUnverifiableWith503() {
        SigningKeys keys = new SigningKeys(JwksDocument.reader(vertx, client, "http://127.0.0.1:1/jwks.json", WAIT),
                Duration.ofSeconds(30), Duration.ofMinutes(10));
        TokenVerifier verifier = new TokenVerifier(keys, TestIssuer.ISSUER, List.of(TestIssuer.AUDIENCE),
                Duration.ofSeconds(30));

        AuthenticationException refused = assertThrows(AuthenticationException.class,
                () -> verify(verifier, issuer.token("a")));
        assertEquals(503, refused.status());
        assertFalse(refused.getMessage().contains("127.0.0.1"), "no internals: " + refused.getMessage());
    }

    private void assertRefused(String reason, Consumer<JwtClaims> change) {
        assertEquals("The bearer token was not accepted: " + reason,
                refusal(verifier(), TestIssuer.token(issuer.signingKey(), change)));
    }

    private TokenVerifier verifier() {
        return verifier(Duration.ofSeconds(30));
    }

    private TokenVerifier verifier(Duration minRefreshInterval) {
        SigningKeys keys = new SigningKeys(JwksDocument.reader(vertx, client, jwks.url(), WAIT),
                minRefreshInterval, Duration.ofMinutes(10));
        return new TokenVerifier(keys, TestIssuer.ISSUER, List.of(TestIssuer.AUDIENCE), Duration.ofSeconds(30));
    }

    private static Caller verify(TokenVerifier verifier, String token) {
        return verifier.verify(token).await().atMost(WAIT);
    }

    private static String refusal(TokenVerifier verifier, String token) {
        AuthenticationException refused = assertThrows(AuthenticationException.class, () -> verify(verifier, token));
        assertEquals(401, refused.status());
        assertEquals("UNAUTHENTICATED", refused.code());
        return refused.getMessage();
    }

    private static String base64(String json) {
        return java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
