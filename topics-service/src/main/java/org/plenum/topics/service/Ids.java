package org.plenum.topics.service;

import java.util.Optional;

/** Topic and quote ids are positive numbers in the database and strings in GraphQL. */
public final class Ids {

    private Ids() {
    }

    /** The numeric id, or empty when the string cannot be an id of ours (so nothing has it). */
    public static Optional<Long> parse(String id) {
        try {
            long value = Long.parseLong(id == null ? "" : id.strip());
            return value > 0 ? Optional.of(value) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
