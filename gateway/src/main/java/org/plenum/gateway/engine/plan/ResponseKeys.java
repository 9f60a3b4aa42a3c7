package org.plenum.gateway.engine.plan;

/**
 * Client aliases are sent to subgraphs under a reserved prefix, so that they can never collide with the
 * fields the gateway adds itself (keys, @requires fields, __typename) in the same object.
 */
public final class ResponseKeys {

    private static final String ALIAS_PREFIX = "_a_";

    private ResponseKeys() {
    }

    /** The key under which a client field is fetched and merged. */
    public static String dataKey(String responseKey, String fieldName) {
        return responseKey.equals(fieldName) ? responseKey : ALIAS_PREFIX + responseKey;
    }

    /** A response path segment as the client knows it. */
    public static Object clientSegment(Object segment) {
        return segment instanceof String key && key.startsWith(ALIAS_PREFIX) ? key.substring(ALIAS_PREFIX.length()) : segment;
    }
}
