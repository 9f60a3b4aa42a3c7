package org.plenum.topics.service;

import io.smallrye.graphql.api.ErrorCode;

/** A service this request depends on did not answer in time; nothing was changed, the request may be retried. */
@ErrorCode("SERVICE_UNAVAILABLE")
public class ServiceUnavailableException extends RuntimeException {

    public ServiceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
