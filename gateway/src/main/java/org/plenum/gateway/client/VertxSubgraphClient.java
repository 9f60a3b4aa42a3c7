package org.plenum.gateway.client;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufInputStream;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.buffer.Unpooled;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.mutiny.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.plenum.gateway.config.GatewayConfig;
import org.plenum.gateway.engine.json.JsonObject;
import org.plenum.gateway.engine.json.JsonValues;
import org.plenum.gateway.engine.json.ResponseJson;
import org.plenum.gateway.engine.subgraph.SharedAnswer;
import org.plenum.gateway.engine.subgraph.SubgraphClient;
import org.plenum.gateway.engine.subgraph.SubgraphFailure;
import org.plenum.gateway.engine.subgraph.SubgraphRequest;
import org.plenum.gateway.metrics.SubgraphMetrics;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Sends subgraph fetches over one pooled, keep-alive Vert.x HTTP client. Each fetch gets its subgraph's timeout,
 * the forwarded headers, a child span and a W3C {@code traceparent}, and is measured per subgraph; each subgraph's
 * {@link SubgraphGuard} retries and circuit-breaks. Unless switched
 * off ({@code plenum.gateway.deduplicate-fetches}), identical query fetches in flight at the same time (same URL,
 * body and forwarded headers apart from trace context) share one round trip; mutations are always sent.
 */
@ApplicationScoped
public class VertxSubgraphClient implements SubgraphClient {

    public static final String TIMEOUT = "SUBGRAPH_TIMEOUT";
    public static final String UNAVAILABLE = "SUBGRAPH_UNAVAILABLE";
    public static final String BAD_RESPONSE = "SUBGRAPH_BAD_RESPONSE";
    public static final String RESPONSE_TOO_LARGE = "SUBGRAPH_RESPONSE_TOO_LARGE";

    /** Trace context headers as lower-cased by the HTTP handler; they say nothing about what to answer. */
    private static final Set<String> TRACE_HEADERS = Set.of("traceparent", "tracestate", "baggage");

    /** Statuses that proxies and load balancers answer for a subgraph that is down or overloaded. */
    private static final Set<Integer> UNAVAILABLE_STATUSES = Set.of(502, 503, 504);

    /** How long a pooled connection may stay idle before the gateway closes it. */
    private static final int IDLE_CONNECTION_SECONDS = 4;

    /** How much of a body that is not a GraphQL response is logged. */
    private static final int BODY_LOGGED_BYTES = 200;

    /** Room for variables beyond the document, before the request buffer grows. */
    private static final int REQUEST_BUFFER_EXTRA_BYTES = 1024;

    private final io.vertx.core.Vertx vertx;
    private final HttpClient httpClient;
    private final int maxResponseBytes;
    private final ObjectMapper mapper;
    private final Tracer tracer;
    private final TextMapPropagator propagator;
    private final SubgraphMetrics metrics;
    private final SubgraphTargets targets;
    private final Map<String, Target> targetsByName = new ConcurrentHashMap<>();
    private final InFlightFetches<FetchKey, Map<String, Object>> inFlight = new InFlightFetches<>(SharedAnswer::new,
            VertxSubgraphClient::callersContext);
    private final boolean deduplicate;
    private final GatewayConfig.Resilience resilience;

    public VertxSubgraphClient(Vertx vertx, ObjectMapper mapper, OpenTelemetry openTelemetry, SubgraphMetrics metrics,
                               GatewayConfig config) {
        this.vertx = vertx.getDelegate();
        // idle connections are let go before servers commonly drop them (Node's 5 s), so none is reused as it closes
        this.httpClient = this.vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true)
                        .setKeepAliveTimeout(IDLE_CONNECTION_SECONDS)
                        .setConnectTimeout((int) config.subgraphConnectTimeout().toMillis()),
                new PoolOptions().setHttp1MaxSize(config.subgraphConnectionPoolSize()));
        this.maxResponseBytes = config.limits().maxSubgraphResponseBytes() > 0
                ? config.limits().maxSubgraphResponseBytes() : Integer.MAX_VALUE;
        this.mapper = mapper;
        this.tracer = openTelemetry.getTracer("org.plenum.gateway");
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
        this.metrics = metrics;
        this.targets = new SubgraphTargets(config);
        this.deduplicate = config.deduplicateFetches();
        this.resilience = config.resilience();
    }

    @PreDestroy
    void close() {
        httpClient.close();
    }

    @Override
    public Uni<Map<String, Object>> execute(SubgraphRequest request) {
        Target target = targetsByName.computeIfAbsent(request.subgraph(), this::newTarget);
        String url = target.url(request.url());
        // encoded by whoever sends it (a failure to encode fails the fetch): the others find it by what it asks
        Supplier<Uni<Map<String, Object>>> guarded = () -> Uni.createFrom().deferred(() -> {
            Buffer body = encode(request);
            return target.guard().call(request.mutation(), () -> send(target, url, request, body));
        });
        if (!deduplicate || request.mutation()) {
            return guarded.get();
        }
        // parsed once for everyone who shares the fetch, and then read-only: the executor copies what it changes
        return Uni.createFrom().deferred(() -> inFlight.share(FetchKey.of(url, answerHeaders(request.headers()),
                request.query(), request.operationName(), request.variables()), guarded, target.meters()::shared));
    }

    /**
     * One round trip: measured and traced once, however many fetches share it. It ends by its deadline at the latest,
     * and a cancelled fetch (the client went away, the request's deadline passed) resets its HTTP request so the
     * subgraph can stop too.
     */
    private Uni<Map<String, Object>> send(Target target, String url, SubgraphRequest request, Buffer body) {
        return Uni.createFrom().deferred(() -> {
            Uni<Map<String, Object>> exchange = exchange(target, url, request, body, Context.current());
            // asked from outside Vert.x (e.g. the preparation thread, right after a new document was planned): the
            // exchange moves to an event loop, else a response can arrive and end before the thread has set its body
            // handler; the trace goes with it
            return io.vertx.core.Vertx.currentContext() != null ? exchange
                    : exchange.runSubscriptionOn(task -> vertx.getOrCreateContext().runOnContext(ignored -> task.run()));
        });
    }

    private Uni<Map<String, Object>> exchange(Target target, String url, SubgraphRequest request, Buffer body,
                                              Context parent) {
        return Uni.createFrom().emitter(emitter -> {
            RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(url);
            request.headers().forEach(options::putHeader);
            options.putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .putHeader(HttpHeaders.ACCEPT, "application/json")
                    .putHeader(HttpHeaders.USER_AGENT, "plenum-gateway");
            Span span = tracer.spanBuilder(target.spanName())
                    .setSpanKind(SpanKind.CLIENT)
                    .setAttribute("graphql.subgraph", request.subgraph())
                    .setParent(parent)
                    .startSpan();
            Context context = parent.with(span);
            propagator.inject(context, options, (carrier, key, value) -> carrier.putHeader(key, value));
            RoundTrip roundTrip = new RoundTrip();
            long start = System.nanoTime();
            Consumer<Throwable> fail = cause -> {
                SubgraphFailure failure = failure(request.subgraph(), target, cause);
                target.meters().failure(failure.code(), System.nanoTime() - start);
                span.setStatus(StatusCode.ERROR, failure.getMessage());
                span.end();
                emitter.fail(failure);
            };
            long timer = vertx.setTimer(target.timeoutMillis(), id -> {
                if (roundTrip.abandon()) {
                    fail.accept(new TimeoutException());
                }
            });
            emitter.onTermination(() -> {
                vertx.cancelTimer(timer);
                if (roundTrip.abandon()) { // cancelled by the subscriber
                    span.setStatus(StatusCode.ERROR, "cancelled");
                    span.end();
                }
            });
            try (Scope ignored = context.makeCurrent()) {
                httpClient.request(options)
                        .compose(http -> roundTrip.started(http) ? http.send(body) : Future.failedFuture("ended"))
                        .compose(response -> readBody(response, request.subgraph())
                                .map(bytes -> graphQLResponse(request.subgraph(), response, bytes)))
                        .onComplete(result -> {
                            if (!roundTrip.complete()) {
                                return; // timed out or cancelled meanwhile
                            }
                            if (result.succeeded()) {
                                target.meters().success(System.nanoTime() - start);
                                span.end();
                                emitter.complete(result.result());
                            } else {
                                fail.accept(result.cause());
                            }
                        });
            }
        });
    }

    /** The body, unless it is larger than allowed: then the request is reset rather than read to its end. */
    private Future<Buffer> readBody(HttpClientResponse response, String subgraph) {
        return BoundedBody.read(response, maxResponseBytes, () -> tooLarge(subgraph));
    }

    private SubgraphFailure tooLarge(String subgraph) {
        return new SubgraphFailure(subgraph, RESPONSE_TOO_LARGE,
                "Subgraph '" + subgraph + "' answered with more than " + maxResponseBytes + " bytes", null);
    }

    /** The forwarded headers that can change a subgraph's answer: all but trace context. */
    private static Map<String, String> answerHeaders(Map<String, String> headers) {
        if (headers.isEmpty()) {
            return headers;
        }
        Map<String, String> relevant = new HashMap<>(headers);
        relevant.keySet().removeAll(TRACE_HEADERS);
        return relevant;
    }

    /** Where the caller runs: its Vert.x context (its request's event loop), entered unless already there. */
    private static Executor callersContext() {
        io.vertx.core.Context context = io.vertx.core.Vertx.currentContext();
        if (context == null) {
            return Runnable::run;
        }
        return task -> {
            if (io.vertx.core.Vertx.currentContext() == context) {
                task.run();
            } else {
                context.runOnContext(ignored -> task.run());
            }
        };
    }

    private Target newTarget(String subgraph) {
        SubgraphMetrics.Meters meters = metrics.forSubgraph(subgraph);
        return new Target(targets.urlOverride(subgraph), targets.timeout(subgraph).toMillis(), meters,
                "subgraph " + subgraph, new SubgraphGuard(subgraph, resilience, meters));
    }

    private Buffer encode(SubgraphRequest request) {
        ByteBuf bytes = Unpooled.buffer(request.query().length() + REQUEST_BUFFER_EXTRA_BYTES);
        try (JsonGenerator generator = mapper.getFactory().createGenerator((OutputStream) new ByteBufOutputStream(bytes))) {
            generator.writeStartObject();
            generator.writeStringField("query", request.query());
            if (request.operationName() != null) {
                generator.writeStringField("operationName", request.operationName());
            }
            if (request.variables() != null && !request.variables().isEmpty()) {
                generator.writeFieldName("variables");
                ResponseJson.write(generator, request.variables());
            }
            generator.writeEndObject();
        } catch (IOException e) {
            throw new IllegalArgumentException("Variables for subgraph '" + request.subgraph() + "' are not JSON", e);
        }
        return Buffer.buffer(bytes);
    }

    /**
     * A GraphQL body is used whatever the status (subgraphs send errors with 4xx/5xx too). Without one, 502/503/504
     * say the subgraph is not there (a proxy or load balancer answered); anything else is a bad response.
     */
    private Map<String, Object> graphQLResponse(String subgraph, HttpClientResponse response, Buffer bytes) {
        Map<String, Object> body = parseObject(bytes);
        if (body != null && (body.containsKey("data") || body.containsKey("errors"))) {
            return body;
        }
        if (UNAVAILABLE_STATUSES.contains(response.statusCode())) {
            throw new SubgraphFailure(subgraph, UNAVAILABLE,
                    "Subgraph '" + subgraph + "' is unavailable (HTTP " + response.statusCode() + ")", null);
        }
        String problem = response.statusCode() / 100 == 2
                ? "answered HTTP " + response.statusCode() + " without a GraphQL response body"
                : "answered HTTP " + response.statusCode();
        throw new SubgraphFailure(subgraph, BAD_RESPONSE, "Subgraph '" + subgraph + "' " + problem,
                new IllegalStateException(received(response, bytes)));
    }

    /** What came instead of a GraphQL body, for the log (clients see it only with error details exposed). */
    private static String received(HttpClientResponse response, Buffer bytes) {
        int length = bytes == null ? 0 : bytes.length();
        String start = length == 0 ? "" : bytes.getString(0, Math.min(length, BODY_LOGGED_BYTES), "UTF-8");
        return "Content-Type " + response.getHeader(HttpHeaders.CONTENT_TYPE) + ", " + length + " bytes"
                + (length == 0 ? "" : ", starting " + start.replaceAll("\\p{Cntrl}", "?"));
    }

    private JsonObject parseObject(Buffer body) {
        if (body == null || body.length() == 0) {
            return null;
        }
        try (JsonParser parser = parser(body.getByteBuf())) {
            return JsonValues.readObject(parser);
        } catch (IOException notJsonObject) {
            return null;
        }
    }

    /** Straight from the body's array when it has one: an input stream would be copied into the parser's buffer. */
    private JsonParser parser(ByteBuf bytes) throws IOException {
        return bytes.hasArray()
                ? mapper.getFactory().createParser(bytes.array(), bytes.arrayOffset() + bytes.readerIndex(), bytes.readableBytes())
                : mapper.getFactory().createParser((InputStream) new ByteBufInputStream(bytes));
    }

    /** Messages say what happened, without the transport's details (hosts, exceptions): the cause keeps those for logs. */
    private static SubgraphFailure failure(String subgraph, Target target, Throwable cause) {
        if (cause instanceof SubgraphFailure known) {
            return known;
        }
        if (cause instanceof TimeoutException) {
            return new SubgraphFailure(subgraph, TIMEOUT,
                    "Subgraph '" + subgraph + "' did not answer within " + target.timeoutMillis() + " ms", null);
        }
        return new SubgraphFailure(subgraph, UNAVAILABLE, "Subgraph '" + subgraph + "' is unavailable", cause);
    }

    /**
     * One HTTP exchange, ended by whichever comes first: its outcome, its deadline or a cancelling subscriber. Ending it
     * early resets the HTTP request, so the connection is not kept busy for an answer nobody waits for. An exchange
     * that completed is never reset: Vert.x closes the connection of a reset request even after its response ended,
     * when the pool may already have handed that connection to the next request.
     */
    private static final class RoundTrip {
        private HttpClientRequest request;
        private boolean ended;

        /** @return false when the exchange ended before its request was made (the request is reset) */
        synchronized boolean started(HttpClientRequest http) {
            request = http;
            // a reset reaches the fetch as its failure; Vert.x would also log it as an error without a handler
            http.exceptionHandler(ignored -> { });
            if (ended) {
                http.reset();
            }
            return !ended;
        }

        /** @return whether the outcome ended the exchange (else a deadline or cancellation did first) */
        synchronized boolean complete() {
            boolean first = !ended;
            ended = true;
            return first;
        }

        /** @return whether this call ended the exchange early; a request still running is reset */
        boolean abandon() {
            HttpClientRequest running;
            synchronized (this) {
                if (ended) {
                    return false;
                }
                ended = true;
                running = request;
            }
            if (running != null) {
                running.reset();
            }
            return true;
        }
    }

    /**
     * Fetches with equal keys get the same answer. Variables compare as JSON values (maps by entries): cheaper than
     * encoding every fetch's body to compare bytes, and values that differ only in key order still share.
     */
    private record FetchKey(String url, Map<String, String> headers, String query, String operationName,
                            Map<String, Object> variables, int hash) {

        /** Hashed once: the key must be found again (to be removed) in the bin it went into. */
        static FetchKey of(String url, Map<String, String> headers, String query, String operationName,
                           Map<String, Object> variables) {
            return new FetchKey(url, headers, query, operationName, variables,
                    Objects.hash(url, headers, query, operationName, variables));
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** Everything per subgraph that is worked out once, on its first fetch. */
    private record Target(String urlOverride, long timeoutMillis, SubgraphMetrics.Meters meters, String spanName,
                          SubgraphGuard guard) {

        String url(String supergraphUrl) {
            return urlOverride != null ? urlOverride : supergraphUrl;
        }
    }
}
