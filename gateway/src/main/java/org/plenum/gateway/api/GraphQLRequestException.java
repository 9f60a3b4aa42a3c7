package org.plenum.gateway.api;

/** An HTTP request that cannot be executed at all; answered with {@code status} and one GraphQL error. */
class GraphQLRequestException extends RuntimeException {

    private final int status;
    private final String code;

    GraphQLRequestException(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }
}
