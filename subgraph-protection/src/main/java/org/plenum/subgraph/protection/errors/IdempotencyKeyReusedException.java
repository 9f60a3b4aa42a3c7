package org.plenum.subgraph.protection.errors;

import io.smallrye.graphql.api.ErrorCode;

/** An idempotency key sent again with other input than the first time: nothing was changed. */
@ErrorCode("IDEMPOTENCY_KEY_REUSED")
public class IdempotencyKeyReusedException extends InvalidInputException {

    public IdempotencyKeyReusedException(String key) {
        super("The idempotency key '" + key + "' was used before with other input; use a new key for a new "
                + "request (nothing was changed)");
    }
}
