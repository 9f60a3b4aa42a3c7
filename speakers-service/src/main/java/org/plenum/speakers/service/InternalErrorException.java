package org.plenum.speakers.service;

import io.smallrye.graphql.api.ErrorCode;

/** An unexpected failure (a bug): the client gets this short message and code, the details are in the log. */
@ErrorCode("INTERNAL_SERVER_ERROR")
public class InternalErrorException extends RuntimeException {

    public InternalErrorException(Throwable cause) {
        super("speakers-service failed unexpectedly; the details are in the service log", cause);
    }
}
