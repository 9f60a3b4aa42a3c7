package org.plenum.topics.service;

import org.plenum.subgraph.protection.IdempotencyKeys;
import org.plenum.subgraph.protection.errors.InvalidInputException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The documented limits of user input. Lengths count characters (Unicode code points) after trimming,
 * as PostgreSQL's varchar limits do.
 */
public final class InputRules {

    public static final int TITLE_MAX = 200;
    public static final int SUMMARY_MAX = 2000;
    public static final int KEYWORDS_MAX = 20;
    public static final int KEYWORD_MAX = 50;
    public static final int QUOTE_TEXT_MAX = 5000;
    public static final int SOURCE_MAX = 500;
    public static final int TOPICS_PER_QUOTE_MAX = 20;
    public static final int SPEAKER_ID_MAX = 100;
    public static final int SEARCH_MAX = 200;
    public static final int PAGE_SIZE_MAX = 100;
    public static final int PAGE_SIZE_DEFAULT = 20;
    /**
     * The default {@code first} of the nested lists (a topic's quotes, a speaker's topics, ...): the list size the
     * gateway's demand control assumes by default, so the documented queries' cost estimates stay within its maximum.
     */
    public static final int NESTED_LIST_SIZE_DEFAULT = 10;

    private InputRules() {
    }

    /** A client's idempotency key, see {@link IdempotencyKeys}. */
    public static String idempotencyKey(String key) {
        if (!IdempotencyKeys.wellFormed(key)) {
            throw new InvalidInputException(IdempotencyKeys.RULE);
        }
        return key;
    }

    /** The trimmed value, required to be 1 to {@code max} characters long. */
    public static String required(String field, String value, int max) {
        String trimmed = value == null ? "" : value.strip();
        if (trimmed.isEmpty()) {
            throw new InvalidInputException(field + " must not be empty");
        }
        return withinLimit(field, trimmed, max);
    }

    /** The trimmed value or null when absent or blank, at most {@code max} characters long. */
    public static String optional(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return withinLimit(field, value.strip(), max);
    }

    /** Trimmed keywords in the given order; no more than the limit, no duplicates ignoring case. */
    public static String[] keywords(String field, List<String> keywords) {
        if (keywords == null) {
            return new String[0];
        }
        if (keywords.size() > KEYWORDS_MAX) {
            throw new InvalidInputException(field + " has " + keywords.size() + " keywords; at most "
                    + KEYWORDS_MAX + " are allowed");
        }
        Set<String> seen = new HashSet<>();
        List<String> result = new ArrayList<>(keywords.size());
        for (String keyword : keywords) {
            String trimmed = required(field + " entry", keyword, KEYWORD_MAX);
            if (!seen.add(trimmed.toLowerCase(Locale.ROOT))) {
                throw new InvalidInputException(field + " contains '" + trimmed
                        + "' more than once (keywords are compared ignoring case)");
            }
            result.add(trimmed);
        }
        return result.toArray(String[]::new);
    }

    /** Page size: {@code null} means the default of {@value #PAGE_SIZE_DEFAULT}. */
    public static int pageSize(Integer first) {
        return pageSize(first, PAGE_SIZE_DEFAULT);
    }

    /** Page size: {@code null} means the given default; 0 to {@value #PAGE_SIZE_MAX}. */
    public static int pageSize(Integer first, int defaultSize) {
        int size = first == null ? defaultSize : first;
        if (size < 0 || size > PAGE_SIZE_MAX) {
            throw new InvalidInputException("first must be between 0 and " + PAGE_SIZE_MAX + ", got " + size);
        }
        return size;
    }

    private static String withinLimit(String field, String value, int max) {
        if (value.indexOf('\0') >= 0) {
            // PostgreSQL text cannot hold NUL characters
            throw new InvalidInputException(field + " must not contain NUL (\\u0000) characters");
        }
        int length = value.codePointCount(0, value.length());
        if (length > max) {
            throw new InvalidInputException(field + " is " + length + " characters long; at most " + max
                    + " are allowed");
        }
        return value;
    }
}
