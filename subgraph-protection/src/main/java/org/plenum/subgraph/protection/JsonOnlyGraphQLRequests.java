package org.plenum.subgraph.protection;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Locale;

import static org.plenum.subgraph.protection.GraphQLErrorResponse.refuse;

/**
 * The GraphQL endpoint runs only POSTs with a JSON body of bounded size. A browser sends a form or
 * {@code text/plain} POST cross-site without asking first (CSRF); a GET can be triggered by a link or an image; a
 * huge body costs memory and parsing time before any GraphQL limit can look at it. All are refused before SmallRye
 * GraphQL sees them, with a JSON error and nothing executed.
 */
@ApplicationScoped
public class JsonOnlyGraphQLRequests {

    private final String graphqlPath;
    private final long maxRequestBytes;

    public JsonOnlyGraphQLRequests(
            @ConfigProperty(name = "quarkus.smallrye-graphql.root-path", defaultValue = "graphql") String rootPath,
            @ConfigProperty(name = RequestLimits.PREFIX + "max-request-bytes", defaultValue = "524288") long maxRequestBytes) {
        this.graphqlPath = rootPath.startsWith("/") ? rootPath : "/" + rootPath;
        this.maxRequestBytes = maxRequestBytes;
    }

    void register(@Observes Router router) {
        // before the GraphQL handler, whose routes Quarkus adds with order 0 and up
        router.route(graphqlPath).order(Integer.MIN_VALUE).handler(this::filter);
    }

    private void filter(RoutingContext context) {
        if (context.request().method() != HttpMethod.POST) {
            context.response().putHeader(HttpHeaders.ALLOW, "POST");
            refuse(context, 405, "METHOD_NOT_ALLOWED", "Send GraphQL requests as POST with Content-Type application/json");
        } else if (!isJson(context.request().getHeader(HttpHeaders.CONTENT_TYPE))) {
            refuse(context, 415, "UNSUPPORTED_MEDIA_TYPE",
                    "GraphQL requests must have Content-Type application/json; nothing was executed");
        } else if (declaredLength(context) > maxRequestBytes) {
            refuse(context, 413, "REQUEST_TOO_LARGE", "The request body is larger than " + maxRequestBytes
                    + " bytes (plenum.graphql.max-request-bytes); nothing was executed");
        } else {
            context.next();
        }
    }

    /** The Content-Length, or 0 when the body is chunked (then quarkus.http.limits.max-body-size bounds it). */
    private static long declaredLength(RoutingContext context) {
        try {
            String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            return length == null ? 0 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    /** The media type, without parameters such as charset, is exactly application/json. */
    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int parameters = contentType.indexOf(';');
        String mediaType = (parameters < 0 ? contentType : contentType.substring(0, parameters)).trim();
        return mediaType.toLowerCase(Locale.ROOT).equals("application/json");
    }
}
