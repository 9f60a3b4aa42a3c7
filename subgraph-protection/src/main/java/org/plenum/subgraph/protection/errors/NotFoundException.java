package org.plenum.subgraph.protection.errors;

import io.smallrye.graphql.api.ErrorCode;

/** The request names something that does not exist; nothing was changed. */
@ErrorCode("NOT_FOUND")
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
