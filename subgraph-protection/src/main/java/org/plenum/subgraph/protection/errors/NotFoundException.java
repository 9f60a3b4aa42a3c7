package org.plenum.topics.service;

import io.smallrye.graphql.api.ErrorCode;

/** The request names a topic, quote or speaker that does not exist; nothing was changed. */
@ErrorCode("NOT_FOUND")
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
