package org.plenum.speakers.support;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server in place of topics-service's internal API, for checking the calls speakers-service makes.
 * {@code DELETE /internal/speakers/{id}} answers 204 (or 503 while failures are queued; 401 without the service
 * token, as topics-service does) and is recorded;
 * {@code GET /calls} lists the recorded calls as "id status"; {@code POST /fail/{n}} makes the next n calls fail.
 */
public final class FakeTopicsService implements AutoCloseable {

    private static final String DELETE_PREFIX = "/internal/speakers/";
    /** What speakers-service must present; topics-service verifies a real signed token, this stand-in compares. */
    public static final String SERVICE_TOKEN = "service-token-for-tests";

    private final Vertx vertx = Vertx.vertx();
    private final CopyOnWriteArrayList<String> calls = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresToSend = new AtomicInteger();
    private final HttpServer server;

    public FakeTopicsService() throws Exception {
        server = vertx.createHttpServer().requestHandler(this::handle)
                .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    public String url() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    private void handle(HttpServerRequest request) {
        String path = request.path();
        if (request.method() == HttpMethod.DELETE && path.startsWith(DELETE_PREFIX)) {
            int status = !("Bearer " + SERVICE_TOKEN).equals(request.getHeader("Authorization")) ? 401
                    : failuresToSend.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 503 : 204;
            calls.add(path.substring(DELETE_PREFIX.length()) + " " + status);
            request.response().setStatusCode(status).end();
        } else if (request.method() == HttpMethod.GET && path.equals("/calls")) {
            request.response().putHeader("content-type", "application/json").end(new JsonArray(calls).encode());
        } else if (request.method() == HttpMethod.POST && path.startsWith("/fail/")) {
            failuresToSend.set(Integer.parseInt(path.substring("/fail/".length())));
            request.response().setStatusCode(204).end();
        } else {
            request.response().setStatusCode(404).end();
        }
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
