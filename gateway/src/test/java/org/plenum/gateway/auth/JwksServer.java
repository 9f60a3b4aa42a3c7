package org.plenum.gateway.auth;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Serves a {@link TestIssuer}'s JWKS over real HTTP and counts how often it was fetched. */
public final class JwksServer implements AutoCloseable {

    private final Vertx vertx = Vertx.vertx();
    private final AtomicInteger fetches = new AtomicInteger();
    private final HttpServer server;

    public JwksServer(TestIssuer issuer) {
        server = await(vertx.createHttpServer().requestHandler(request -> {
            fetches.incrementAndGet();
            request.response().putHeader("content-type", "application/json").end(issuer.jwks());
        }).listen(0, "127.0.0.1"));
    }

    public String url() {
        return "http://127.0.0.1:" + server.actualPort() + "/jwks.json";
    }

    public int fetches() {
        return fetches.get();
    }

    @Override
    public void close() {
        await(vertx.close());
    }

    private static <T> T await(io.vertx.core.Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
