package org.plenum.gateway.metrics;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** How a GraphQL request ended, as tagged in metrics and logs. */
public enum Outcome {
    /** data and no errors */
    SUCCESS,
    /** data with errors, e.g. one subgraph failed */
    PARTIAL,
    /** errors and no data */
    ERROR,
    /** rejected before execution: malformed request, syntax, validation, limits */
    REQUEST_ERROR;

    private final String tag = name().toLowerCase(Locale.ROOT);

    public String tag() {
        return tag;
    }

    /** Classifies an executed operation's response body. */
    public static Outcome of(Map<String, Object> body) {
        if (!(body.get("errors") instanceof List<?> errors) || errors.isEmpty()) {
            return SUCCESS;
        }
        return body.get("data") != null ? PARTIAL : ERROR;
    }
}
