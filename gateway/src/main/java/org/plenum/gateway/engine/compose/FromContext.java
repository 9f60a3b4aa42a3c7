package org.plenum.gateway.engine.compose;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An argument's {@code @fromContext(field: "$context selection")}: the context it reads and what it selects there,
 * kept as written after the name (e.g. {@code " { currency }"}), as composition passes it on.
 */
record FromContext(String context, String selection) {

    private static final Pattern FIELD_VALUE = Pattern.compile("\\s*\\$(\\w+)(.*)", Pattern.DOTALL);

    /** The parsed value, or null when it does not start with a {@code $context} name. */
    static FromContext parse(String fieldValue) {
        Matcher matcher = fieldValue == null ? null : FIELD_VALUE.matcher(fieldValue);
        return matcher != null && matcher.matches() ? new FromContext(matcher.group(1), matcher.group(2)) : null;
    }
}
