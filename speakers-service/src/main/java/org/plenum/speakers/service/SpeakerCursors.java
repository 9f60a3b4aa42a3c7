package org.plenum.speakers.service;

import org.plenum.subgraph.protection.errors.InvalidInputException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Opaque page cursors: base64url of a prefixed speaker id, so clients cannot mistake them for ids. */
public final class SpeakerCursors {

    private static final String PREFIX = "speaker:";

    private SpeakerCursors() {
    }

    public static String encode(String speakerId) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + speakerId).getBytes(StandardCharsets.UTF_8));
    }

    /** The speaker id inside the cursor; null for a null cursor. */
    public static String decode(String cursor) {
        if (cursor == null) {
            return null;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (decoded.startsWith(PREFIX) && decoded.length() > PREFIX.length()) {
                return decoded.substring(PREFIX.length());
            }
        } catch (IllegalArgumentException notBase64) {
            // reported below like any other foreign string
        }
        throw new InvalidInputException("after is not a cursor returned by this service: \"" + abbreviate(cursor) + "\"");
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
