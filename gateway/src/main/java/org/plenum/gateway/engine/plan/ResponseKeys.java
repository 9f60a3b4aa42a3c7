package org.plenum.gateway.engine.plan;

import graphql.language.AstPrinter;
import graphql.language.Field;

/**
 * Client aliases are sent to subgraphs under a reserved prefix, so that they can never collide with the
 * fields the gateway adds itself (keys, @requires fields, __typename) in the same object.
 */
public final class ResponseKeys {

    private static final String ALIAS_PREFIX = "_a_";
    private static final String INTERNAL_PREFIX = "_r_";

    private ResponseKeys() {
    }

    /** The key under which a client field is fetched and merged. */
    public static String dataKey(String responseKey, String fieldName) {
        return responseKey.equals(fieldName) ? responseKey : ALIAS_PREFIX + responseKey;
    }

    /**
     * The key under which the gateway fetches a field of a key or @requires field set: its name, or for a field
     * with arguments a key naming those arguments, so that the client's own use of the field never collides.
     */
    public static String internalKey(Field field) {
        if (field.getArguments().isEmpty()) {
            return field.getName();
        }
        StringBuilder arguments = new StringBuilder();
        field.getArguments().forEach(argument -> arguments.append(AstPrinter.printAstCompact(argument)));
        return INTERNAL_PREFIX + field.getName() + "_" + Integer.toHexString(arguments.toString().hashCode());
    }

    /** A response path segment as the client knows it. */
    public static Object clientSegment(Object segment) {
        return segment instanceof String key && key.startsWith(ALIAS_PREFIX) ? key.substring(ALIAS_PREFIX.length()) : segment;
    }
}
