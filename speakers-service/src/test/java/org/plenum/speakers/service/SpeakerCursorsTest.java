package org.plenum.speakers.service;

import org.junit.jupiter.api.Test;
import org.plenum.subgraph.protection.errors.InvalidInputException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SpeakerCursorsTest {

    @Test
    void aCursorLeadsBackToItsSpeakerId() {
        for (String id : new String[] { "lin-nan", "6b100ff7a9dde77eed822b7a", "ünï cödé/+=" }) {
            String cursor = SpeakerCursors.encode(id);
            assertEquals(id, SpeakerCursors.decode(cursor));
            assertFalse(cursor.contains(id), "opaque: " + cursor);
            assertFalse(cursor.matches(".*[+/=].*"), "URL-safe without padding: " + cursor);
        }
    }

    @Test
    void noCursorMeansFromTheStart() {
        assertNull(SpeakerCursors.decode(null));
    }

    @Test
    void foreignStringsAreRefusedWithoutEchoingLongInput() {
        String topicCursor = Base64.getUrlEncoder().withoutPadding().encodeToString("topic:7".getBytes(StandardCharsets.UTF_8));
        String emptyId = Base64.getUrlEncoder().withoutPadding().encodeToString("speaker:".getBytes(StandardCharsets.UTF_8));
        for (String foreign : new String[] { "lin-nan", "not base64!", topicCursor, emptyId }) {
            InvalidInputException refused = assertThrows(InvalidInputException.class, () -> SpeakerCursors.decode(foreign));
            assertEquals("after is not a cursor returned by this service: \"" + foreign + "\"", refused.getMessage());
        }
        String longText = "x".repeat(100);
        assertEquals("after is not a cursor returned by this service: \"" + "x".repeat(40) + "...\"",
                assertThrows(InvalidInputException.class, () -> SpeakerCursors.decode(longText)).getMessage());
    }
}
