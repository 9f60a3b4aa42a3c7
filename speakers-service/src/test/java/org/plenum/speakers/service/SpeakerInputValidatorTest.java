package org.plenum.speakers.service;

import org.junit.jupiter.api.Test;
import org.plenum.speakers.Speaker;
import org.plenum.speakers.model.SpeakerFilter;
import org.plenum.speakers.model.SpeakerInput;
import org.plenum.subgraph.protection.IdempotencyKeys;
import org.plenum.subgraph.protection.errors.InvalidInputException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SpeakerInputValidatorTest {

    @Test
    void fieldsAreTrimmedAndBlankOptionalFieldsBecomeNull() {
        Speaker speaker = SpeakerInputValidator.toSpeaker("s1", input("  Lin Nan ", " ", "\tCGTN\n", null, ""));

        assertEquals("s1", speaker.id);
        assertEquals("Lin Nan", speaker.name);
        assertNull(speaker.role);
        assertEquals("CGTN", speaker.organization);
        assertNull(speaker.country);
        assertNull(speaker.bio);
    }

    @Test
    void nameIsRequired() {
        assertEquals("name must not be empty",
                assertThrows(InvalidInputException.class, () -> SpeakerInputValidator.toSpeaker("s1", input("  ", null, null, null, null)))
                        .getMessage());
        assertEquals("input is required",
                assertThrows(InvalidInputException.class, () -> SpeakerInputValidator.toSpeaker("s1", null)).getMessage());
    }

    @Test
    void limitsCountTheTrimmedText() {
        String name = "n".repeat(SpeakerInputValidator.NAME_MAX);
        assertEquals(name, SpeakerInputValidator.toSpeaker("s1", input(" " + name + " ", null, null, null, null)).name);

        SpeakerInput tooLong = input("Name", null, null, null, "b".repeat(SpeakerInputValidator.BIO_MAX + 1));
        assertEquals("bio must be at most 4000 characters (got 4001)",
                assertThrows(InvalidInputException.class, () -> SpeakerInputValidator.toSpeaker("s1", tooLong)).getMessage());
        SpeakerInput longRole = input("Name", "r".repeat(SpeakerInputValidator.SHORT_TEXT_MAX + 1), null, null, null);
        assertThrows(InvalidInputException.class, () -> SpeakerInputValidator.toSpeaker("s1", longRole));
    }

    @Test
    void filterIsTrimmedAndBlankConditionsDropped() {
        SpeakerFilter filter = new SpeakerFilter();
        filter.search = "  ambassador ";
        filter.country = " ";

        SpeakerFilter normalized = SpeakerInputValidator.normalize(filter);
        assertEquals("ambassador", normalized.search);
        assertNull(normalized.country);
        assertNull(SpeakerInputValidator.normalize(null).search);

        filter.search = "s".repeat(SpeakerInputValidator.SEARCH_MAX + 1);
        assertEquals("filter.search must be at most 200 characters (got 201)",
                assertThrows(InvalidInputException.class, () -> SpeakerInputValidator.normalize(filter)).getMessage());
    }

    @Test
    void idempotencyKeysMustBeWellFormed() {
        assertEquals("0b6f-4c2e:retry.1_a", SpeakerInputValidator.idempotencyKey("0b6f-4c2e:retry.1_a"));
        for (String bad : new String[] { "", "with space", "k".repeat(101), "ünicode" }) {
            assertEquals(IdempotencyKeys.RULE,
                    assertThrows(InvalidInputException.class, () -> SpeakerInputValidator.idempotencyKey(bad)).getMessage());
        }
    }

    private static SpeakerInput input(String name, String role, String organization, String country, String bio) {
        SpeakerInput input = new SpeakerInput();
        input.name = name;
        input.role = role;
        input.organization = organization;
        input.country = country;
        input.bio = bio;
        return input;
    }
}
