package org.plenum.subgraph.protection.security;

import io.smallrye.graphql.api.ErrorCode;

/** A write came without a valid bearer token; nothing was written. */
@ErrorCode("UNAUTHENTICATED")
public class NotAuthenticatedException extends RuntimeException {

    public NotAuthenticatedException(String message) {
        super(message, null, false, false);
    }
}
