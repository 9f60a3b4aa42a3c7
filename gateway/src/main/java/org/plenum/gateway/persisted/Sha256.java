package org.plenum.gateway.persisted;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** SHA-256 of documents as persisted-query protocols write it: lowercase hex of the UTF-8 bytes. */
public final class Sha256 {

    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{64}");

    private Sha256() {
    }

    public static String hex(String document) {
        return hex(document.getBytes(StandardCharsets.UTF_8));
    }

    public static String hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** @return whether the text has the form of a SHA-256 in hex (either case) */
    public static boolean isHex(String text) {
        return text != null && HEX.matcher(text).matches();
    }
}
