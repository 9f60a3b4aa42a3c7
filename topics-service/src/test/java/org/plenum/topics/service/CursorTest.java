package org.plenum.topics.service;

import org.junit.jupiter.api.Test;
import org.plenum.subgraph.protection.errors.InvalidInputException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CursorTest {

    @Test
    void aCursorLeadsBackToItsTopicId() {
        for (long id : new long[] { 1, 42, Long.MAX_VALUE }) {
            String cursor = Cursor.of(id);
            assertEquals(id, Cursor.topicIdOf(cursor));
            assertFalse(cursor.matches(".*[+/=].*"), "URL-safe without padding: " + cursor);
        }
    }

    @Test
    void noCursorMeansBeforeTheFirstTopic() {
        assertEquals(0, Cursor.topicIdOf(null));
    }

    @Test
    void foreignStringsAreRefused() {
        String speakerCursor = encode("speaker:lin-nan");
        String notANumber = encode("topic:seven");
        for (String foreign : new String[] { "42", "not base64!", speakerCursor, notANumber, encode("topic:") }) {
            InvalidInputException refused = assertThrows(InvalidInputException.class, () -> Cursor.topicIdOf(foreign));
            assertEquals("after: '" + foreign + "' is not a cursor of this list; pass an edge's cursor or "
                    + "pageInfo.endCursor", refused.getMessage());
        }
    }

    private static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
