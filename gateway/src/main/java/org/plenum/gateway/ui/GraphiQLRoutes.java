package org.plenum.gateway.ui;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.plenum.gateway.schema.ActiveGateway;
import org.plenum.gateway.schema.SchemaVersion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The landing page at {@code /} and GraphiQL at {@code /graphiql/}. GraphiQL, React and their styles come from the
 * SmallRye GraphiQL Maven artifact on the classpath and are held in memory: nothing is loaded from a CDN or needs
 * a writable file system.
 */
@ApplicationScoped
public class GraphiQLRoutes {

    static final String PATH = "/graphiql/";
    private static final String VENDOR = "META-INF/resources/graphql-ui/";
    private static final String OWN = "ui/";
    private static final String CACHE_A_DAY = "public, max-age=86400";
    private static final String SUPERGRAPH_PLACEHOLDER = "<!-- supergraph -->";

    private final ActiveGateway active;

    public GraphiQLRoutes(ActiveGateway active) {
        this.active = active;
    }

    void register(@Observes Router router) {
        router.get("/").handler(landingPage());
        // the route "/graphiql" also matches "/graphiql/"; only the former is redirected (relative asset URLs)
        router.get("/graphiql").handler(context -> {
            if (context.request().path().endsWith("/")) {
                context.next();
            } else {
                context.redirect(PATH);
            }
        });
        router.get(PATH).handler(page(OWN + "graphiql.html", "text/html; charset=utf-8", "no-cache"));
        // the GraphiQL artifact's own page (served from its META-INF/resources) is not ours: one GraphiQL only
        router.get("/graphql-ui*").handler(context -> context.redirect(PATH));
        router.get(PATH + "graphiql-start.js")
                .handler(page(OWN + "graphiql-start.js", "text/javascript; charset=utf-8", "no-cache"));
        for (String script : new String[] {"react.production.min.js", "react-dom.production.min.js", "graphiql.min.js"}) {
            router.get(PATH + script).handler(page(VENDOR + script, "text/javascript; charset=utf-8", CACHE_A_DAY));
        }
        router.get(PATH + "graphiql.min.css").handler(page(VENDOR + "graphiql.min.css", "text/css; charset=utf-8", CACHE_A_DAY));
    }

    /** The landing page, saying which supergraph is served (its SHA-256 and when it was loaded). */
    private Handler<RoutingContext> landingPage() {
        String template = new String(read(OWN + "index.html"), StandardCharsets.UTF_8);
        return context -> {
            SchemaVersion version = active.version();
            String supergraph = version == null ? "No supergraph loaded yet."
                    : "Supergraph <code>sha256:" + version.sha256() + "</code>, loaded " + version.loadedAt() + ".";
            context.response()
                    .putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8")
                    .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
                    .end(template.replace(SUPERGRAPH_PLACEHOLDER, supergraph));
        };
    }

    private static Handler<RoutingContext> page(String resource, String contentType, String cacheControl) {
        Buffer content = Buffer.buffer(read(resource));
        return context -> context.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, contentType)
                .putHeader(HttpHeaders.CACHE_CONTROL, cacheControl)
                .end(content);
    }

    private static byte[] read(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing packaged UI resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
