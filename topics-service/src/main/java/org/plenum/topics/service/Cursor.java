package org.plenum.topics.service;

import org.plenum.subgraph.protection.errors.InvalidInputException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Opaque pagination cursors: base64url of "topic:&lt;id&gt;" (clients must not rely on the format). */
public final class Cursor {

    private static final String PREFIX = "topic:";

    private Cursor() {
    }

    public static String of(long topicId) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + topicId).getBytes(StandardCharsets.UTF_8));
    }

    /** The topic id a cursor points at, or 0 (before the first topic) for no cursor. */
    public static long topicIdOf(String cursor) {
        if (cursor == null) {
            return 0;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (decoded.startsWith(PREFIX)) {
                return Long.parseLong(decoded.substring(PREFIX.length()));
            }
        } catch (IllegalArgumentException malformed) {
            // NumberFormatException is one too; reported below
        }
        throw new InvalidInputException("after: '" + cursor + "' is not a cursor of this list; "
                + "pass an edge's cursor or pageInfo.endCursor");
    }
}
