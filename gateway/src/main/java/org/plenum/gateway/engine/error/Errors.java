package org.plenum.gateway.engine.error;

import graphql.language.SourceLocation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** GraphQL error entries of the engine, and the rules for echoing client input in them. */
public final class Errors {

    /** Longest piece of client input (a name, a token) repeated in an error message or a log line. */
    public static final int MAX_ECHO_CHARS = 100;
    /** Longest message of a request error; validation messages can quote the document at length. */
    private static final int MAX_MESSAGE_CHARS = 1000;

    private Errors() {
    }

    /**
     * Client input made safe to repeat: cut to {@link #MAX_ECHO_CHARS} and with control characters escaped, so a
     * name cannot forge log lines or blow up a response.
     */
    public static String echo(String clientInput) {
        if (clientInput == null) {
            return null;
        }
        StringBuilder safe = new StringBuilder(Math.min(clientInput.length(), MAX_ECHO_CHARS) + 8);
        for (int i = 0; i < clientInput.length() && i < MAX_ECHO_CHARS; i++) {
            char c = clientInput.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                safe.append(String.format("\\u%04x", (int) c));
            } else {
                safe.append(c);
            }
        }
        if (clientInput.length() > MAX_ECHO_CHARS) {
            safe.append("...");
        }
        return safe.toString();
    }

    /** Client input in quotes, made safe by {@link #echo}. */
    public static String quoted(String clientInput) {
        return "\"" + echo(clientInput) + "\"";
    }

    /** A request error: the message (cut to a sane length), where in the document, and its code. */
    public static Map<String, Object> error(String message, String code, List<SourceLocation> locations) {
        return ErrorEntry.message(message.length() > MAX_MESSAGE_CHARS ? message.substring(0, MAX_MESSAGE_CHARS) + "..." : message)
                .locations(locations).code(code).build();
    }

    /** The error with {@code extensions.requestId}: its details are in the log under that id. */
    public static Map<String, Object> withRequestId(Map<String, Object> error, String requestId) {
        if (requestId == null) {
            return error;
        }
        Map<String, Object> extensions = new LinkedHashMap<>();
        if (error.get("extensions") instanceof Map<?, ?> existing) {
            existing.forEach((key, value) -> extensions.put(String.valueOf(key), value));
        }
        extensions.put("requestId", requestId);
        error.put("extensions", extensions);
        return error;
    }

    public static Map<String, Object> body(List<Map<String, Object>> errors) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("errors", errors);
        return body;
    }
}
