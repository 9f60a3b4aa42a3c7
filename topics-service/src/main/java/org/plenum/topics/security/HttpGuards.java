package org.plenum.topics.security;

import io.quarkus.security.AuthenticationFailedException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * A bearer token that does not verify is refused before any resolver runs, as the gateway refuses it: 401 with a
 * GraphQL error {@code UNAUTHENTICATED} instead of an empty body.
 */
@ApplicationScoped
public class UnauthenticatedResponse {

    private static final String BODY = new JsonObject().put("errors", new JsonArray().add(new JsonObject()
            .put("message", "The bearer token was not accepted")
            .put("extensions", new JsonObject().put("code", "UNAUTHENTICATED")))).encode();

    void register(@Observes Router router) {
        router.route().order(-1).failureHandler(this::handle);
    }

    private void handle(RoutingContext context) {
        if (context.failure() instanceof AuthenticationFailedException && !context.response().ended()) {
            context.response().setStatusCode(401)
                    .putHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                    .putHeader("Content-Type", "application/json")
                    .end(BODY);
        } else {
            context.next();
        }
    }
}
