package org.plenum.topics.service;

import io.smallrye.graphql.api.ErrorCode;

/** An unexpected failure (a bug or an outage), logged with its details; the transaction was rolled back. */
@ErrorCode("INTERNAL_SERVER_ERROR")
public class InternalErrorException extends RuntimeException {

    public InternalErrorException(String message, Throwable cause) {
        super(message, cause);
    }
}
