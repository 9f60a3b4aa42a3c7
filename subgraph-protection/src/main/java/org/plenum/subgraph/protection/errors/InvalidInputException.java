package org.plenum.subgraph.protection.errors;

import io.smallrye.graphql.api.ErrorCode;

/** The request asks for something invalid (limits, formats, duplicates); nothing was changed. */
@ErrorCode("BAD_USER_INPUT")
public class InvalidInputException extends RuntimeException {

    public InvalidInputException(String message) {
        super(message);
    }
}
