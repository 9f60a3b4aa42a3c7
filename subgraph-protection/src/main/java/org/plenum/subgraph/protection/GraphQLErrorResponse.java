package org.plenum.subgraph.protection;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** A request refused before GraphQL runs, answered in GraphQL's error shape with {@code extensions.code}. */
public final class GraphQLErrorResponse {

    private GraphQLErrorResponse() {
    }

    public static void refuse(RoutingContext context, int status, String code, String message) {
        JsonObject error = new JsonObject().put("message", message).put("extensions", new JsonObject().put("code", code));
        context.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(new JsonObject().put("errors", new JsonArray().add(error)).encode());
    }
}
