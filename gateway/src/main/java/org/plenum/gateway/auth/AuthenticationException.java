package org.plenum.gateway.auth;

/**
 * A request whose credentials cannot be accepted: {@code 401 UNAUTHENTICATED} for a token that fails verification,
 * {@code 503 SERVICE_UNAVAILABLE} when the signing keys cannot be had. The message is for the client: it says what
 * is wrong with the token, never how the gateway found out.
 */
public class AuthenticationException extends RuntimeException {

    private final int status;
    private final String code;

    private AuthenticationException(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    public static AuthenticationException invalidToken(String reason) {
        return new AuthenticationException(401, "UNAUTHENTICATED", "The bearer token was not accepted: " + reason);
    }

    public static AuthenticationException keysUnavailable() {
        return new AuthenticationException(503, "SERVICE_UNAVAILABLE",
                "Bearer tokens cannot be verified right now: the signing keys are unavailable");
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
