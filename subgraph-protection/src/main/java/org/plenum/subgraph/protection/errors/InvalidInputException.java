package org.plenum.topics.service;

import io.smallrye.graphql.api.ErrorCode;

/** The request asks for something invalid (limits, formats, duplicates); nothing was changed. */
@ErrorCode("BAD_USER_INPUT")
public class BadUserInputException extends RuntimeException {

    public BadUserInputException(String message) {
        super(message);
    }
}
