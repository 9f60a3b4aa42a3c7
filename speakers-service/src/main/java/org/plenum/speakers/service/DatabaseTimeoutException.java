package org.plenum.speakers.service;

import io.smallrye.graphql.api.ErrorCode;

/** MongoDB stopped an operation past plenum.database.timeout; nothing was changed, a smaller request may pass. */
@ErrorCode("TIMEOUT")
public class DatabaseTimeoutException extends RuntimeException {

    public DatabaseTimeoutException(Throwable cause) {
        super("The speakers database stopped this request's query after its time limit; ask for less", cause);
    }
}
