package org.plenum.gateway.config;

/** Stops startup: the message says what is wrong and where, so it carries no stack trace of its own. */
public class GatewayStartupException extends RuntimeException {

    public GatewayStartupException(String message) {
        super(message, null, false, false);
    }
}
