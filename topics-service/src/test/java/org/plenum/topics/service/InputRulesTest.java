package org.plenum.topics.service;

import org.junit.jupiter.api.Test;
import org.plenum.subgraph.protection.IdempotencyKeys;
import org.plenum.subgraph.protection.errors.InvalidInputException;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class InputRulesTest {

    @Test
    void requiredValuesAreTrimmedAndMustNotBeEmpty() {
        assertEquals("Trade", InputRules.required("input.title", "  Trade\n", InputRules.TITLE_MAX));
        assertEquals("input.title must not be empty", refused(() -> InputRules.required("input.title", " \t", 10)));
        assertEquals("input.title must not be empty", refused(() -> InputRules.required("input.title", null, 10)));
    }

    @Test
    void optionalValuesAreNullWhenBlank() {
        assertNull(InputRules.optional("input.summary", null, 10));
        assertNull(InputRules.optional("input.summary", "   ", 10));
        assertEquals("Short", InputRules.optional("input.summary", " Short ", 10));
    }

    @Test
    void lengthsCountCodePointsAfterTrimming() {
        String emoji = "\uD83C\uDF0F".repeat(5); // 5 code points, 10 chars
        assertEquals(emoji, InputRules.required("input.text", " " + emoji + " ", 5));
        assertEquals("input.text is 6 characters long; at most 5 are allowed",
                refused(() -> InputRules.required("input.text", emoji + "x", 5)));
    }

    @Test
    void nulCharactersAreRefused() {
        assertEquals("input.text must not contain NUL (\\u0000) characters",
                refused(() -> InputRules.optional("input.text", "a\0b", 10)));
    }

    @Test
    void keywordsKeepTheirOrderWithoutDuplicatesIgnoringCase() {
        assertArrayEquals(new String[] { "trade", "Belt and Road" },
                InputRules.keywords("input.keywords", List.of(" trade ", "Belt and Road")));
        assertArrayEquals(new String[0], InputRules.keywords("input.keywords", null));
        assertEquals("input.keywords contains 'Trade' more than once (keywords are compared ignoring case)",
                refused(() -> InputRules.keywords("input.keywords", List.of("trade", "Trade"))));
        assertEquals("input.keywords entry must not be empty",
                refused(() -> InputRules.keywords("input.keywords", Arrays.asList("trade", " "))));
        List<String> tooMany = Collections.nCopies(InputRules.KEYWORDS_MAX + 1, "k");
        assertEquals("input.keywords has 21 keywords; at most 20 are allowed",
                refused(() -> InputRules.keywords("input.keywords", tooMany)));
        assertEquals("input.keywords entry is 51 characters long; at most 50 are allowed",
                refused(() -> InputRules.keywords("input.keywords", List.of("k".repeat(InputRules.KEYWORD_MAX + 1)))));
    }

    @Test
    void pageSizesAreZeroToAHundredWithDefaults() {
        assertEquals(InputRules.PAGE_SIZE_DEFAULT, InputRules.pageSize(null));
        assertEquals(InputRules.NESTED_LIST_SIZE_DEFAULT, InputRules.pageSize(null, InputRules.NESTED_LIST_SIZE_DEFAULT));
        assertEquals(0, InputRules.pageSize(0));
        assertEquals(100, InputRules.pageSize(100));
        assertEquals("first must be between 0 and 100, got 101", refused(() -> InputRules.pageSize(101)));
        assertEquals("first must be between 0 and 100, got -1", refused(() -> InputRules.pageSize(-1, 10)));
    }

    @Test
    void idempotencyKeysMustBeWellFormed() {
        assertEquals("0b6f-4c2e:retry.1_a", InputRules.idempotencyKey("0b6f-4c2e:retry.1_a"));
        for (String bad : new String[] { "", "with space", "k".repeat(101), "ünicode" }) {
            assertEquals(IdempotencyKeys.RULE, refused(() -> InputRules.idempotencyKey(bad)));
        }
    }

    private static String refused(Runnable check) {
        return assertThrows(InvalidInputException.class, check::run).getMessage();
    }
}
