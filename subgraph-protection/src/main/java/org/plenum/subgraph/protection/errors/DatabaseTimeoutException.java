package org.plenum.subgraph.protection.errors;

import io.smallrye.graphql.api.ErrorCode;

/** The database stopped work that ran past its time limit; nothing was changed, a smaller request may pass. */
@ErrorCode("TIMEOUT")
public class DatabaseTimeoutException extends RuntimeException {

    public DatabaseTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
