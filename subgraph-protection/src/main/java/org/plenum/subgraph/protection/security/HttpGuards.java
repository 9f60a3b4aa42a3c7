package org.plenum.subgraph.protection.security;

import io.quarkus.security.AuthenticationFailedException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Locale;

import static org.plenum.subgraph.protection.GraphQLErrorResponse.refuse;

/**
 * What the HTTP layer refuses before GraphQL runs, answered as GraphQL errors. A bearer token that does not verify:
 * 401 {@code UNAUTHENTICATED}, as at the gateway. A POST to {@code /graphql} that is not JSON: 415
 * {@code UNSUPPORTED_MEDIA_TYPE}, so no cross-site form or {@code text/plain} request can run an operation (CSRF);
 * GET requests are off altogether (SmallRye GraphQL's default), so no mutation runs over GET.
 */
@ApplicationScoped
public class HttpGuards {

    void register(@Observes Router router) {
        router.post("/graphql").order(-10).handler(this::requireJson);
        router.route().order(-1).failureHandler(this::refuseInvalidToken);
    }

    private void requireJson(RoutingContext context) {
        String type = context.request().getHeader("Content-Type");
        if (type != null && type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            context.next();
        } else {
            refuse(context, 415, "UNSUPPORTED_MEDIA_TYPE", "Content-Type must be application/json");
        }
    }

    private void refuseInvalidToken(RoutingContext context) {
        if (context.failure() instanceof AuthenticationFailedException && !context.response().ended()) {
            context.response().putHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            refuse(context, 401, "UNAUTHENTICATED", "The bearer token was not accepted");
        } else {
            context.next();
        }
    }
}
