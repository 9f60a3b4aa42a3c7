package org.plenum.gateway.engine;

/** The gateway has no room for more work right now; the client should retry later (HTTP 503 with Retry-After). */
public class GatewayBusyException extends RuntimeException {

    public GatewayBusyException(String message) {
        super(message, null, false, false);
    }
}
