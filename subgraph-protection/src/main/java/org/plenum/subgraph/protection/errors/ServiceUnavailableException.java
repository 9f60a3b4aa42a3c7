package org.plenum.subgraph.protection.errors;

import io.smallrye.graphql.api.ErrorCode;

/** The database or a service this request depends on could not be reached; the request may be retried. */
@ErrorCode("SERVICE_UNAVAILABLE")
public class ServiceUnavailableException extends RuntimeException {

    public ServiceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
