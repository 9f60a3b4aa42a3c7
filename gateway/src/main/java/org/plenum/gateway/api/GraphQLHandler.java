package org.plenum.gateway.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.ByteBuf;
import io.smallrye.mutiny.subscription.Cancellable;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.plenum.gateway.auth.AuthenticationException;
import org.plenum.gateway.auth.Authenticator;
import org.plenum.gateway.config.GatewayConfig;
import org.plenum.gateway.engine.Gateway;
import org.plenum.gateway.engine.GatewayBusyException;
import org.plenum.gateway.engine.GatewayRequest;
import org.plenum.gateway.engine.GatewayResponse;
import org.plenum.gateway.engine.authorization.Caller;
import org.plenum.gateway.engine.error.ErrorEntry;
import org.plenum.gateway.engine.error.Errors;
import org.plenum.gateway.engine.json.ResponseJson;
import org.plenum.gateway.metrics.CostMetrics;
import org.plenum.gateway.metrics.Outcome;
import org.plenum.gateway.metrics.RequestMetrics;
import org.plenum.gateway.schema.ActiveGateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/** GraphQL over HTTP at {@code /graphql}: parses the request, runs it on the current engine, writes the result. */
@ApplicationScoped
public class GraphQLHandler {

    private static final Logger LOG = Logger.getLogger(GraphQLHandler.class);
    static final String EXPOSE_QUERY_PLAN = "Plenum-Expose-Query-Plan";
    static final String REQUEST_ID = "X-Request-Id";
    /** What a client's own request id may look like to be used as ours (it reaches logs and responses). */
    private static final Pattern CLIENT_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    /** Seconds a client is asked to wait before retrying when the gateway is full. */
    private static final String RETRY_AFTER_SECONDS = "1";
    static final String EXPOSE_COST = "Plenum-Expose-Cost";
    /** Where a response starts; it grows as needed. */

    private final ActiveGateway active;
    private final Authenticator authenticator;
    private final ObjectMapper mapper;
    private final RequestMetrics metrics;
    private final List<String> forwardHeaders;
    private final int maxRequestBytes;
    private final boolean exposeQueryPlan;
    private final int maxConcurrentRequests;
    private final int maxResponseBytes;
    private final AtomicInteger executing = new AtomicInteger();
    private final CostMetrics costMetrics;
    private final boolean exposeCost;
    private final PersistedDocumentResolver persistedDocuments;

    public GraphQLHandler(ActiveGateway active, Authenticator authenticator, ObjectMapper mapper,
                          RequestMetrics metrics, GatewayConfig config, CostMetrics costMetrics,
                          PersistedDocumentResolver persistedDocuments) {
        this.active = active;
        this.persistedDocuments = persistedDocuments;
        this.authenticator = authenticator;
        this.mapper = mapper;
        this.metrics = metrics;
        this.costMetrics = costMetrics;
        this.exposeCost = config.demandControl().exposeCost();
        this.forwardHeaders = config.forwardHeaders().stream().map(name -> name.toLowerCase(Locale.ROOT)).toList();
        this.maxRequestBytes = config.limits().maxRequestBytes();
        this.exposeQueryPlan = config.exposeQueryPlan();
        this.maxConcurrentRequests = positiveOrUnlimited(config.limits().maxConcurrentRequests());
        this.maxResponseBytes = positiveOrUnlimited(config.limits().maxResponseBytes());
    }

    private static int positiveOrUnlimited(int limit) {
        return limit > 0 ? limit : Integer.MAX_VALUE;
    }

    void post(RoutingContext context) {
        long start = System.nanoTime();
        ResponseType responseType = ResponseType.negotiate(context.request().getHeader(HttpHeaders.ACCEPT));
        try {
            requireAcceptable(responseType);
            String contentType = context.request().getHeader(HttpHeaders.CONTENT_TYPE);
            if (!isJson(contentType)) {
                // also what keeps browsers' simple (CSRF) requests, which cannot send JSON, from executing
                throw new GraphQLRequestException(415, "UNSUPPORTED_MEDIA_TYPE",
                        "Content-Type must be application/json, was " + Errors.echo(contentType));
            }
            execute(context, responseType,
                    resolve(context, GraphQLParameters.fromBody(mapper, context.body().buffer()), responseType), start);
        } catch (GraphQLRequestException e) {
            reject(context, responseType, e, start);
        }
    }

    void get(RoutingContext context) {
        long start = System.nanoTime();
        HttpServerRequest request = context.request();
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (request.getParam("query") == null && request.getParam("documentId") == null
                && request.getParam("extensions") == null && accept != null && accept.contains("text/html")) {
            context.redirect("/graphiql/"); // a browser opening the endpoint gets the IDE
            return;
        }
        ResponseType responseType = ResponseType.negotiate(accept);
        try {
            requireAcceptable(responseType);
            GraphQLParameters parameters = resolve(context, GraphQLParameters.fromQueryString(mapper, context.queryParams()),
                    responseType);
            if (OperationTypes.isMutation(parameters.query(), parameters.operationName())) {
                context.response().putHeader(HttpHeaders.ALLOW, "POST");
                throw new GraphQLRequestException(405, "METHOD_NOT_ALLOWED", "Mutations must be sent with POST");
            }
            execute(context, responseType, parameters, start);
        } catch (GraphQLRequestException e) {
            reject(context, responseType, e, start);
        }
    }

    /**
     * The document the request runs, its own or a persisted one. A refusal is never to be cached: the same URL may
     * succeed once the client registered its document or the manifest changed.
     */
    private GraphQLParameters resolve(RoutingContext context, GraphQLParameters parameters, ResponseType responseType) {
        try {
            return persistedDocuments.resolve(parameters, responseType);
        } catch (GraphQLRequestException e) {
            context.response().putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            throw e;
        }
    }

    /** The media type itself, parameters (charset) aside: {@code application/jsonfoo} is not JSON. */
    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int parameters = contentType.indexOf(';');
        String mediaType = (parameters < 0 ? contentType : contentType.substring(0, parameters)).trim();
        return mediaType.equalsIgnoreCase("application/json");
    }

    void methodNotAllowed(RoutingContext context) {
        context.response().putHeader(HttpHeaders.ALLOW, "GET, POST");
        reject(context, ResponseType.negotiate(context.request().getHeader(HttpHeaders.ACCEPT)),
                new GraphQLRequestException(405, "METHOD_NOT_ALLOWED", "Use GET or POST for GraphQL requests"),
                System.nanoTime());
    }

    /** Failures raised by handlers before ours, e.g. the body handler's 413. */
    void failure(RoutingContext context) {
        if (context.response().closed()) {
            return; // e.g. a client whose body was late lost its connection: nobody to answer
        }
        ResponseType responseType = ResponseType.negotiate(context.request().getHeader(HttpHeaders.ACCEPT));
        GraphQLRequestException error = context.statusCode() == 413
                ? new GraphQLRequestException(413, "PAYLOAD_TOO_LARGE",
                        "The request body is larger than " + maxRequestBytes + " bytes")
                : internalError(context, context.failure());
        reject(context, responseType, error, System.nanoTime());
    }

    private void execute(RoutingContext context, ResponseType responseType, GraphQLParameters parameters, long start) {
        Gateway gateway = active.current();
        if (gateway == null) {
            throw new GraphQLRequestException(503, "SERVICE_UNAVAILABLE", "The gateway has not loaded a schema yet");
        }
        authenticator.authenticate(context.request().getHeader(HttpHeaders.AUTHORIZATION)).subscribe().with(
                caller -> run(context, responseType, parameters, gateway, caller, start),
                failure -> reject(context, responseType, authenticationError(context, failure), start));
    }

    private void run(RoutingContext context, ResponseType responseType, GraphQLParameters parameters, Gateway gateway,
                     Caller caller, long start) {
        if (executing.incrementAndGet() > maxConcurrentRequests) {
            executing.decrementAndGet();
            reject(context, responseType, busy("The gateway is executing as many requests as it may; retry shortly"), start);
            return;
        }
        GatewayRequest request = new GatewayRequest(parameters.query(), parameters.operationName(),
                parameters.variables(), forwardedHeaders(context.request()), caller, requestId(context),
                parameters.documentHash());
        // a client that goes away cancels its execution, subgraph fetches included
        AtomicReference<Cancellable> running = new AtomicReference<>();
        context.response().closeHandler(closed -> {
            Cancellable execution = running.get();
            if (execution != null) {
                execution.cancel();
            }
        });
        running.set(gateway.execute(request)
                // inside the pipeline: whatever fails here still answers the client, as an internal error
                .map(response -> withCost(context, withQueryPlan(context, gateway, parameters, response)))
                .onTermination().invoke(executing::decrementAndGet)
                .subscribe().with(
                        response -> respond(context, responseType, parameters, response, start),
                        failure -> reject(context, responseType, failure instanceof GatewayBusyException
                                ? busy(failure.getMessage()) : internalError(context, failure), start)));
    }

    private static GraphQLRequestException busy(String message) {
        return new GraphQLRequestException(503, "SERVICE_OVERLOADED", message);
    }

    /** The client's (or a proxy's) request id when it is a sane one, else a new one; reused for the same request. */
    static String requestId(RoutingContext context) {
        String id = context.get(REQUEST_ID);
        if (id == null) {
            String given = context.request().getHeader(REQUEST_ID);
            id = given != null && CLIENT_REQUEST_ID.matcher(given).matches() ? given
                    : Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE);
            context.put(REQUEST_ID, id);
        }
        return id;
    }

    private void respond(RoutingContext context, ResponseType responseType, GraphQLParameters parameters,
                         GatewayResponse response, long start) {
        int status = response.requestError() && responseType == ResponseType.GRAPHQL_RESPONSE_JSON ? 400 : 200;
        write(context, status, responseType, response.body());
        Outcome outcome = response.requestError() ? Outcome.REQUEST_ERROR : Outcome.of(response.body());
        String operationName = response.operationName() != null ? response.operationName() : parameters.operationName();
        metrics.record(requestId(context), operationName, response.operationType(), outcome, System.nanoTime() - start);
        costMetrics.record(response.cost());
    }

    private GatewayResponse withQueryPlan(RoutingContext context, Gateway gateway, GraphQLParameters parameters,
                                          GatewayResponse response) {
        if (!exposeQueryPlan || response.requestError()
                || !"true".equalsIgnoreCase(context.request().getHeader(EXPOSE_QUERY_PLAN))) {
            return response;
        }
        return withExtension(response, "queryPlan", gateway.explain(parameters.query(), parameters.operationName()));
    }

    /** {@code extensions.cost} when configured for all responses or asked for with the header. */
    private GatewayResponse withCost(RoutingContext context, GatewayResponse response) {
        if (response.cost() == null || !(exposeCost || "true".equalsIgnoreCase(context.request().getHeader(EXPOSE_COST)))) {
            return response;
        }
        return withExtension(response, "cost", response.cost().toExtension());
    }

    @SuppressWarnings("unchecked")
    private static GatewayResponse withExtension(GatewayResponse response, String key, Object value) {
        Map<String, Object> body = new LinkedHashMap<>(response.body());
        Map<String, Object> extensions = body.get("extensions") instanceof Map<?, ?> existing
                ? new LinkedHashMap<>((Map<String, Object>) existing) : new LinkedHashMap<>();
        extensions.put(key, value);
        body.put("extensions", extensions);
        return new GatewayResponse(body, response.requestError(), response.operationType(), response.operationName(),
                response.cost());
    }

    private void reject(RoutingContext context, ResponseType responseType, GraphQLRequestException error, long start) {
        Map<String, Object> body = Errors.body(List.of(ErrorEntry.message(error.getMessage()).code(error.code()).build()));
        if (error.status() == 503) {
            context.response().putHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        write(context, error.status(), responseType == null ? ResponseType.JSON : responseType, body);
        Outcome outcome = error.status() >= 500 ? Outcome.ERROR : Outcome.REQUEST_ERROR;
        metrics.record(requestId(context), null, null, outcome, System.nanoTime() - start);
    }

    private static void requireAcceptable(ResponseType responseType) {
        if (responseType == null) {
            throw new GraphQLRequestException(406, "NOT_ACCEPTABLE",
                    "Accept must allow application/graphql-response+json or application/json");
        }
    }

    /** A refused token gets 401 with a {@code WWW-Authenticate} challenge (RFC 6750); nothing reaches a subgraph. */
    private static GraphQLRequestException authenticationError(RoutingContext context, Throwable failure) {
        if (!(failure instanceof AuthenticationException refused)) {
            return internalError(context, failure);
        }
        if (refused.status() == 401) {
            context.response().putHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        }
        return new GraphQLRequestException(refused.status(), refused.code(), refused.getMessage());
    }

    private static GraphQLRequestException internalError(RoutingContext context, Throwable failure) {
        LOG.errorf(failure, "Request %s: unexpected failure while handling a GraphQL request", requestId(context));
        return new GraphQLRequestException(500, "INTERNAL_SERVER_ERROR", "Internal gateway error");
    }

    private Map<String, String> forwardedHeaders(HttpServerRequest request) {
        Map<String, String> headers = null;
        for (String name : forwardHeaders) {
            String value = request.getHeader(name);
            if (value != null) {
                if (headers == null) {
                    headers = new HashMap<>(8);
                }
                headers.put(name, value);
            }
        }
        return headers == null ? Map.of() : headers;
    }

    private void write(RoutingContext context, int status, ResponseType responseType, Map<String, Object> body) {
        if (context.response().ended() || context.response().closed()) {
            return; // the client went away
        }
        ByteBuf bytes;
        try {
            bytes = serialize(body);
        } catch (ResponseTooLargeException e) {
            bytes = serializeOrFail(Errors.body(List.of(ErrorEntry.message("The response is larger than " + maxResponseBytes
                    + " bytes; select fewer fields or items").code("RESPONSE_TOO_LARGE").extension("requestId", requestId(context))
                    .build())));
        } catch (IOException e) {
            LOG.errorf(e, "Request %s: cannot serialize a GraphQL response", requestId(context));
            context.response().setStatusCode(500).end();
            return;
        }
        context.response()
                .setStatusCode(status)
                .putHeader(REQUEST_ID, requestId(context))
                .putHeader(HttpHeaders.CONTENT_TYPE, responseType.contentType())
                .putHeader(HttpHeaders.VARY, "Accept")
                .end(Buffer.buffer(bytes));
    }

    private ByteBuf serialize(Map<String, Object> body) throws IOException {
        ChunkedOutputStream out = new ChunkedOutputStream();
        try (JsonGenerator generator = mapper.getFactory().createGenerator(new BoundedOutputStream(out, maxResponseBytes))) {
            ResponseJson.write(generator, body);
        }
        return out.bytes();
    }

    private ByteBuf serializeOrFail(Map<String, Object> body) {
        try {
            return serialize(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
