package org.plenum.gateway.api;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.plenum.gateway.config.GatewayConfig;

/** Mounts the GraphQL endpoint on the Quarkus HTTP server's router (event loop, no blocking). */
@ApplicationScoped
public class GraphQLRoutes {

    static final String PATH = "/graphql";

    private final GraphQLHandler handler;
    private final GatewayConfig config;

    public GraphQLRoutes(GraphQLHandler handler, GatewayConfig config) {
        this.handler = handler;
        this.config = config;
    }

    void register(@Observes Router router) {
        router.post(PATH).handler(this::closeIfBodyIsLate);
        router.post(PATH).handler(BodyHandler.create(false).setBodyLimit(config.limits().maxRequestBytes()));
        router.post(PATH).handler(handler::post);
        router.get(PATH).handler(handler::get);
        router.route(PATH).handler(handler::methodNotAllowed);
        router.route(PATH).failureHandler(handler::failure);
    }

    /** A client that trickles its body (or stops half way) loses its connection rather than holding it forever. */
    private void closeIfBodyIsLate(RoutingContext context) {
        long timeout = config.limits().requestBodyTimeout().toMillis();
        if (timeout > 0) {
            long timer = context.vertx().setTimer(timeout, id -> {
                if (!context.request().isEnded()) {
                    context.request().connection().close();
                }
            });
            context.addEndHandler(ended -> context.vertx().cancelTimer(timer));
        }
        context.next();
    }
}
