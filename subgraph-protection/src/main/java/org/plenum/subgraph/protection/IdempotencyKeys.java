package org.plenum.subgraph.protection;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/** What both subgraphs accept as an idempotency key, and how they recognise the same input sent again. */
public final class IdempotencyKeys {

    /** The refusal of a malformed key, for the services' own bad-input errors. */
    public static final String RULE = "idempotencyKey must be 1 to 100 letters, digits and ._:- (e.g. a UUID)";

    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private IdempotencyKeys() {
    }

    public static boolean wellFormed(String key) {
        return WELL_FORMED.matcher(key).matches();
    }

    /** A SHA-256 digest of the input's values, in order (null values included). */
    public static String digest(List<?> values) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(String.valueOf(values).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
