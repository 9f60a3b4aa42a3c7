package org.plenum.gateway.schema;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/** Which supergraph is served: the SHA-256 of its SDL (as a registry or CI would compute it) and when it was loaded. */
public record SchemaVersion(String sha256, Instant loadedAt) {

    static SchemaVersion of(String sdl, Instant loadedAt) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(sdl.getBytes(StandardCharsets.UTF_8));
            return new SchemaVersion(HexFormat.of().formatHex(digest), loadedAt);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** The first 12 hex digits, enough to tell versions apart in logs. */
    public String shortHash() {
        return sha256.substring(0, 12);
    }
}
