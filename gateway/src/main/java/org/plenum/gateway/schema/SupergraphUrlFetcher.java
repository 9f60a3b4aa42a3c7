package org.plenum.gateway.schema;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.mutiny.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.plenum.gateway.client.BoundedBody;
import org.plenum.gateway.config.GatewayConfig;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * Fetches the supergraph from {@code plenum.gateway.supergraph-url}, conditionally: the answer's {@code ETag} and
 * {@code Last-Modified} are sent back, and a 304 gives the SDL fetched before. Bounded in time and size.
 */
@ApplicationScoped
public class SupergraphUrlFetcher {

    private final GatewayConfig.SupergraphFetch settings;
    private final HttpClient http;
    /**
     * Every fetch runs here: polls come from scheduler threads, and a request made outside Vert.x gets a new context
     * each time, whose callbacks may then run after a reused connection has already delivered the whole answer.
     */
    private final Context context;
    private volatile Fetched last;

    public SupergraphUrlFetcher(GatewayConfig config, Vertx vertx) {
        this.settings = config.supergraphFetch();
        this.http = vertx.getDelegate().createHttpClient();
        this.context = vertx.getDelegate().getOrCreateContext();
    }

    @PreDestroy
    void close() {
        http.close();
    }

    /**
     * @return the supergraph SDL; fails with {@link SupergraphLoadException} for a URL that is not HTTP(S), with
     *         {@link SupergraphUnavailableException} when this fetch gave no supergraph
     */
    public Uni<String> fetch(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(new SupergraphLoadException("plenum.gateway.supergraph-url is not a URL: " + url));
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            return Uni.createFrom().failure(new SupergraphLoadException(
                    "plenum.gateway.supergraph-url must be an http or https URL, not " + url));
        }
        Duration timeout = settings.timeout();
        Uni<String> fetched = Uni.createFrom().emitter(emitter -> context.runOnContext(ignored -> {
            try {
                request(url, timeout).onSuccess(emitter::complete).onFailure(emitter::fail);
            } catch (RuntimeException e) {
                emitter.fail(e);
            }
        }));
        return fetched
                .ifNoItem().after(timeout).failWith(() -> new SupergraphUnavailableException(
                        "no supergraph from " + url + " within " + timeout.toMillis() + " ms"))
                .onFailure(failure -> !(failure instanceof SupergraphUnavailableException))
                .transform(failure -> new SupergraphUnavailableException("cannot fetch the supergraph from " + url + " ("
                        + failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage()) + ")"));
    }

    private Future<String> request(String url, Duration timeout) {
        Fetched before = last;
        // the deadline is the Uni's (fetch); the idle timeout only frees a connection still hanging after it
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(url)
                .setConnectTimeout(timeout.toMillis()).setIdleTimeout(2 * timeout.toMillis()).setFollowRedirects(true);
        settings.headers().forEach(options::putHeader);
        options.putHeader(HttpHeaders.USER_AGENT, "plenum-gateway");
        if (before != null && before.etag() != null) {
            options.putHeader(HttpHeaders.IF_NONE_MATCH, before.etag());
        }
        if (before != null && before.lastModified() != null) {
            options.putHeader(HttpHeaders.IF_MODIFIED_SINCE, before.lastModified());
        }
        return http.request(options)
                .compose(request -> request.send())
                .compose(response -> answer(url, response, before));
    }

    private Future<String> answer(String url, HttpClientResponse response, Fetched before) {
        if (response.statusCode() == 304 && before != null) {
            return response.end().map(ended -> before.sdl());
        }
        Future<Buffer> body = BoundedBody.read(response, settings.maxBytes(),
                () -> new SupergraphUnavailableException("the supergraph at " + url + " is larger than "
                        + settings.maxBytes() + " bytes"));
        if (response.statusCode() != 200) { // the error page is read (bounded) so that the connection can be reused
            return body.transform(ignored -> Future.failedFuture(
                    new SupergraphUnavailableException("HTTP " + response.statusCode() + " from " + url)));
        }
        return body.map(bytes -> {
            String sdl = bytes.toString(StandardCharsets.UTF_8);
            last = new Fetched(response.getHeader(HttpHeaders.ETAG), response.getHeader(HttpHeaders.LAST_MODIFIED), sdl);
            return sdl;
        });
    }

    /** What a 200 gave, to ask whether it changed and to use again on a 304. */
    private record Fetched(String etag, String lastModified, String sdl) {
    }
}
