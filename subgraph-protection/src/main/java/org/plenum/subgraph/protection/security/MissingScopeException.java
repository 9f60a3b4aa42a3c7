package org.plenum.subgraph.protection.security;

import io.smallrye.graphql.api.ErrorCode;

/** A valid token that does not grant what the operation needs; nothing was written. */
@ErrorCode("FORBIDDEN")
public class MissingScopeException extends RuntimeException {

    public MissingScopeException(String message) {
        super(message, null, false, false);
    }
}
