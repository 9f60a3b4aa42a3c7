package org.plenum.subgraph.protection.security;

import static org.plenum.subgraph.protection.GraphQLErrorResponse.refuse;

import io.quarkus.security.AuthenticationFailedException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * A bearer token that does not verify is answered as a GraphQL error: 401 {@code UNAUTHENTICATED}, as at the gateway,
 * instead of Quarkus's empty 401. (What is not a JSON POST is refused earlier, by
 * {@link org.plenum.subgraph.protection.JsonOnlyGraphQLRequests}.)
 */
@ApplicationScoped
public class InvalidTokenHandler {

    void register(@Observes Router router) {
        router.route().order(-1).failureHandler(this::refuseInvalidToken);
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
