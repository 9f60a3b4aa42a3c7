package org.plenum.speakers.service;

import io.smallrye.graphql.api.ErrorCode;

/** The client sent a value this service refuses; nothing was written. */
@ErrorCode("BAD_USER_INPUT")
public class InvalidInputException extends RuntimeException {

    public InvalidInputException(String message) {
        super(message);
    }
}
