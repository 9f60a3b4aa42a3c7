package org.plenum.gateway.client;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufInputStream;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.buffer.Unpooled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.plenum.gateway.config.GatewayConfig;
import org.plenum.gateway.engine.SubgraphClient;
import org.plenum.gateway.engine.SubgraphFailure;
import org.plenum.gateway.engine.SubgraphRequest;
import org.plenum.gateway.engine.execute.ResponseJson;
import org.plenum.gateway.engine.json.JsonObject;
import org.plenum.gateway.engine.json.JsonValues;
import org.plenum.gateway.metrics.SubgraphMetrics;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;

/**
 * Sends subgraph fetches over one pooled, keep-alive Vert.x web client. Each fetch gets its subgraph's timeout,
 * the forwarded headers, a child span and a W3C {@code traceparent}, and is measured per subgraph. Unless switched
 * off ({@code plenum.gateway.deduplicate-fetches}), identical query fetches in flight at the same time (same URL,
 * body and forwarded headers apart from trace context) share one round trip; mutations are always sent.
 */
@ApplicationScoped
public class VertxSubgraphClient implements SubgraphClient {

    public static final String TIMEOUT = "SUBGRAPH_TIMEOUT";
    public static final String UNAVAILABLE = "SUBGRAPH_UNAVAILABLE";
    public static final String BAD_RESPONSE = "SUBGRAPH_BAD_RESPONSE";

    /** Trace context headers as lower-cased by the HTTP handler; they say nothing about what to answer. */
    private static final Set<String> TRACE_HEADERS = Set.of("traceparent", "tracestate", "baggage");

    /** Room for variables beyond the document, before the request buffer grows. */
    private static final int REQUEST_BUFFER_EXTRA_BYTES = 1024;

    private final WebClient webClient;
    private final ObjectMapper mapper;
    private final Tracer tracer;
    private final TextMapPropagator propagator;
    private final SubgraphMetrics metrics;
    private final SubgraphTargets targets;
    private final Map<String, Target> targetsByName = new ConcurrentHashMap<>();
    private final InFlightFetches<FetchKey, Map<String, Object>> inFlight = new InFlightFetches<>(JsonValues::copyObject);
    private final boolean deduplicate;

    public VertxSubgraphClient(Vertx vertx, ObjectMapper mapper, OpenTelemetry openTelemetry, SubgraphMetrics metrics,
                               GatewayConfig config) {
        this.webClient = WebClient.create(vertx.getDelegate(), new WebClientOptions()
                .setKeepAlive(true)
                .setMaxPoolSize(config.subgraphConnectionPoolSize())
                .setUserAgent("plenum-gateway"));
        this.mapper = mapper;
        this.tracer = openTelemetry.getTracer("org.plenum.gateway");
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
        this.metrics = metrics;
        this.targets = new SubgraphTargets(config);
        this.deduplicate = config.deduplicateFetches();
    }

    @PreDestroy
    void close() {
        webClient.close();
    }

    @Override
    public Uni<Map<String, Object>> execute(SubgraphRequest request) {
        Target target = targetsByName.computeIfAbsent(request.subgraph(), this::newTarget);
        String url = target.url(request.url());
        return Uni.createFrom().deferred(() -> {
            Buffer body = encode(request);
            if (!deduplicate || request.mutation()) {
                return send(target, url, request, body);
            }
            // parsed once for everyone who shares the fetch; a copy each when several do, as the executor merges into it
            return inFlight.share(new FetchKey(url, answerHeaders(request.headers()), body),
                    () -> send(target, url, request, body), target.meters()::shared);
        });
    }

    /** One round trip: measured and traced once, however many fetches share it. */
    private Uni<Map<String, Object>> send(Target target, String url, SubgraphRequest request, Buffer body) {
        return Uni.createFrom().emitter(emitter -> {
            HttpRequest<Buffer> http = webClient.postAbs(url).timeout(target.timeoutMillis());
            MultiMap headers = http.headers();
            request.headers().forEach(headers::set);
            headers.set(HttpHeaders.CONTENT_TYPE, "application/json");
            headers.set(HttpHeaders.ACCEPT, "application/json");
            Span span = tracer.spanBuilder(target.spanName())
                    .setSpanKind(SpanKind.CLIENT)
                    .setAttribute("graphql.subgraph", request.subgraph())
                    .startSpan();
            Context context = Context.current().with(span);
            propagator.inject(context, headers, MultiMap::set);
            long start = System.nanoTime();
            try (Scope ignored = context.makeCurrent()) {
                http.sendBuffer(body).onComplete(result -> {
                    long nanos = System.nanoTime() - start;
                    try {
                        if (result.failed()) {
                            throw failure(request.subgraph(), target, result.cause());
                        }
                        Map<String, Object> response = graphQLResponse(request.subgraph(), result.result());
                        target.meters().success(nanos);
                        span.end();
                        emitter.complete(response);
                    } catch (SubgraphFailure failure) {
                        target.meters().failure(failure.code(), nanos);
                        span.setStatus(StatusCode.ERROR, failure.getMessage());
                        span.end();
                        emitter.fail(failure);
                    }
                });
            }
        });
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

    private Target newTarget(String subgraph) {
        return new Target(targets.urlOverride(subgraph), targets.timeout(subgraph).toMillis(),
                metrics.forSubgraph(subgraph), "subgraph " + subgraph);
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

    /** A GraphQL body is used whatever the status (subgraphs send errors with 4xx/5xx too); anything else is bad. */
    private Map<String, Object> graphQLResponse(String subgraph, HttpResponse<Buffer> response) {
        Map<String, Object> body = parseObject(response.body());
        if (body != null && (body.containsKey("data") || body.containsKey("errors"))) {
            return body;
        }
        String problem = response.statusCode() / 100 == 2
                ? "answered HTTP " + response.statusCode() + " without a GraphQL response body"
                : "answered HTTP " + response.statusCode();
        throw new SubgraphFailure(subgraph, BAD_RESPONSE, "Subgraph '" + subgraph + "' " + problem, null);
    }

    private JsonObject parseObject(Buffer body) {
        if (body == null || body.length() == 0) {
            return null;
        }
        try (JsonParser parser = mapper.getFactory().createParser((InputStream) new ByteBufInputStream(body.getByteBuf()))) {
            return JsonValues.readObject(parser);
        } catch (IOException notJsonObject) {
            return null;
        }
    }

    private static SubgraphFailure failure(String subgraph, Target target, Throwable cause) {
        if (cause instanceof TimeoutException) {
            return new SubgraphFailure(subgraph, TIMEOUT,
                    "Subgraph '" + subgraph + "' did not answer within " + target.timeoutMillis() + " ms", cause);
        }
        return new SubgraphFailure(subgraph, UNAVAILABLE,
                "Subgraph '" + subgraph + "' is unavailable: " + cause.getMessage(), cause);
    }

    /** Fetches with equal keys get the same answer; {@link Buffer} compares by content. */
    private record FetchKey(String url, Map<String, String> headers, Buffer body) {
    }

    /** Everything per subgraph that is worked out once, on its first fetch. */
    private record Target(String urlOverride, long timeoutMillis, SubgraphMetrics.Meters meters, String spanName) {

        String url(String supergraphUrl) {
            return urlOverride != null ? urlOverride : supergraphUrl;
        }
    }
}
