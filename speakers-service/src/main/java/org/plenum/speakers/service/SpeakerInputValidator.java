package org.plenum.speakers.service;

import org.plenum.speakers.Speaker;
import org.plenum.speakers.model.SpeakerFilter;
import org.plenum.speakers.model.SpeakerInput;
import org.plenum.subgraph.protection.IdempotencyKeys;
import org.plenum.subgraph.protection.errors.InvalidInputException;

/**
 * Input limits, checked before anything is written. Strings are trimmed; optional blank strings become null.
 */
public final class SpeakerInputValidator {

    public static final int NAME_MAX = 200;
    public static final int SHORT_TEXT_MAX = 200;
    public static final int BIO_MAX = 4000;
    public static final int SEARCH_MAX = 200;

    private SpeakerInputValidator() {
    }

    /** A client's idempotency key, see {@link IdempotencyKeys}. */
    public static String idempotencyKey(String key) {
        if (!IdempotencyKeys.wellFormed(key)) {
            throw new InvalidInputException(IdempotencyKeys.RULE);
        }
        return key;
    }

    /** A speaker with the given id and the validated, trimmed input fields. */
    public static Speaker toSpeaker(String id, SpeakerInput input) {
        if (input == null) {
            throw new InvalidInputException("input is required");
        }
        Speaker speaker = new Speaker();
        speaker.id = id;
        speaker.name = optional("name", input.name, NAME_MAX);
        if (speaker.name == null) {
            throw new InvalidInputException("name must not be empty");
        }
        speaker.role = optional("role", input.role, SHORT_TEXT_MAX);
        speaker.organization = optional("organization", input.organization, SHORT_TEXT_MAX);
        speaker.country = optional("country", input.country, SHORT_TEXT_MAX);
        speaker.bio = optional("bio", input.bio, BIO_MAX);
        return speaker;
    }

    /** The filter with trimmed values; blank conditions are dropped. */
    public static SpeakerFilter normalize(SpeakerFilter filter) {
        SpeakerFilter normalized = new SpeakerFilter();
        if (filter != null) {
            normalized.search = optional("filter.search", filter.search, SEARCH_MAX);
            normalized.country = optional("filter.country", filter.country, SHORT_TEXT_MAX);
        }
        return normalized;
    }

    private static String optional(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > max) {
            throw new InvalidInputException(field + " must be at most " + max + " characters (got " + trimmed.length() + ")");
        }
        return trimmed;
    }
}
