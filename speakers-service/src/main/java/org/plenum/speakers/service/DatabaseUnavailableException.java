package org.plenum.speakers.service;

import io.smallrye.graphql.api.ErrorCode;

/** MongoDB failed or could not be reached; shown to clients instead of a generic "System error". */
@ErrorCode("SERVICE_UNAVAILABLE")
public class DatabaseUnavailableException extends RuntimeException {

    public DatabaseUnavailableException(Throwable cause) {
        super("The speakers database is unavailable, please retry later", cause);
    }
}
