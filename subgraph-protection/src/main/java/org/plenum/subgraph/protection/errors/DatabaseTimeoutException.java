package org.plenum.topics.service;

import io.smallrye.graphql.api.ErrorCode;

/** The database stopped a statement that ran past its time limit; nothing was changed, a smaller request may pass. */
@ErrorCode("TIMEOUT")
public class TimeoutException extends RuntimeException {

    public TimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
