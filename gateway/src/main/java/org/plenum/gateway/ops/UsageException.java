package org.plenum.gateway.ops;

/**
 * A command cannot run as asked: bad arguments, an unreadable or invalid input, an unreachable subgraph. The message
 * says what and where, so it is printed alone (no stack trace) and the command exits with {@link Commands#INVALID_INPUT}.
 */
public class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message, null, false, false);
    }
}
