package org.plenum.gateway.api;

import java.io.IOException;

/** A response grew beyond {@code plenum.gateway.limits.max-response-bytes}. */
final class ResponseTooLargeException extends IOException {

    ResponseTooLargeException() {
        super("response too large", null);
    }
}
