package org.plenum.subgraph.protection.errors;

import io.smallrye.graphql.api.ErrorCode;

/** An unexpected failure (a bug): the client gets a short message and this code, the details are in the log. */
@ErrorCode("INTERNAL_SERVER_ERROR")
public class InternalErrorException extends RuntimeException {

    public InternalErrorException(String message, Throwable cause) {
        super(message, cause);
    }
}
