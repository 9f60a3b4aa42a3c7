package org.plenum.gateway.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.buffer.Unpooled;
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
import org.plenum.gateway.engine.GatewayRequest;
import org.plenum.gateway.engine.GatewayResponse;
import org.plenum.gateway.engine.authorization.Caller;
import org.plenum.gateway.engine.execute.ResponseJson;
import org.plenum.gateway.metrics.Outcome;
import org.plenum.gateway.metrics.RequestMetrics;
import org.plenum.gateway.schema.ActiveGateway;

import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** GraphQL over HTTP at {@code /graphql}: parses the request, runs it on the current engine, writes the result. */
@ApplicationScoped
public class GraphQLHandler {

    private static final Logger LOG = Logger.getLogger(GraphQLHandler.class);
    static final String EXPOSE_QUERY_PLAN = "Plenum-Expose-Query-Plan";
    /** Where a response starts; it grows as needed. */
    private static final int RESPONSE_BUFFER_BYTES = 4096;

    private final ActiveGateway active;
    private final Authenticator authenticator;
    private final ObjectMapper mapper;
    private final RequestMetrics metrics;
    private final List<String> forwardHeaders;
    private final int maxRequestBytes;
    private final boolean exposeQueryPlan;

    public GraphQLHandler(ActiveGateway active, Authenticator authenticator, ObjectMapper mapper,
                          RequestMetrics metrics, GatewayConfig config) {
        this.active = active;
        this.authenticator = authenticator;
        this.mapper = mapper;
        this.metrics = metrics;
        this.forwardHeaders = config.forwardHeaders().stream().map(name -> name.toLowerCase(Locale.ROOT)).toList();
        this.maxRequestBytes = config.limits().maxRequestBytes();
        this.exposeQueryPlan = config.exposeQueryPlan();
    }

    void post(RoutingContext context) {
        long start = System.nanoTime();
        ResponseType responseType = ResponseType.negotiate(context.request().getHeader(HttpHeaders.ACCEPT));
        try {
            requireAcceptable(responseType);
            String contentType = context.request().getHeader(HttpHeaders.CONTENT_TYPE);
            if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
                throw new GraphQLRequestException(415, "UNSUPPORTED_MEDIA_TYPE",
                        "Content-Type must be application/json, was " + contentType);
            }
            execute(context, responseType, GraphQLParameters.fromBody(mapper, context.body().buffer()), start);
        } catch (GraphQLRequestException e) {
            reject(context, responseType, e, start);
        }
    }

    void get(RoutingContext context) {
        long start = System.nanoTime();
        HttpServerRequest request = context.request();
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (request.getParam("query") == null && accept != null && accept.contains("text/html")) {
            context.redirect("/graphiql/"); // a browser opening the endpoint gets the IDE
            return;
        }
        ResponseType responseType = ResponseType.negotiate(accept);
        try {
            requireAcceptable(responseType);
            GraphQLParameters parameters = GraphQLParameters.fromQueryString(mapper, context.queryParams());
            if (OperationTypes.isMutation(parameters.query(), parameters.operationName())) {
                context.response().putHeader(HttpHeaders.ALLOW, "POST");
                throw new GraphQLRequestException(405, "METHOD_NOT_ALLOWED", "Mutations must be sent with POST");
            }
            execute(context, responseType, parameters, start);
        } catch (GraphQLRequestException e) {
            reject(context, responseType, e, start);
        }
    }

    void methodNotAllowed(RoutingContext context) {
        context.response().putHeader(HttpHeaders.ALLOW, "GET, POST");
        reject(context, ResponseType.negotiate(context.request().getHeader(HttpHeaders.ACCEPT)),
                new GraphQLRequestException(405, "METHOD_NOT_ALLOWED", "Use GET or POST for GraphQL requests"),
                System.nanoTime());
    }

    /** Failures raised by handlers before ours, e.g. the body handler's 413. */
    void failure(RoutingContext context) {
        ResponseType responseType = ResponseType.negotiate(context.request().getHeader(HttpHeaders.ACCEPT));
        GraphQLRequestException error = context.statusCode() == 413
                ? new GraphQLRequestException(413, "PAYLOAD_TOO_LARGE",
                        "The request body is larger than " + maxRequestBytes + " bytes")
                : internalError(context.failure());
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
        GatewayRequest request = new GatewayRequest(parameters.query(), parameters.operationName(),
                parameters.variables(), forwardedHeaders(context.request()), caller);
        gateway.execute(request).subscribe().with(
                response -> respond(context, responseType, parameters,
                        withQueryPlan(context, gateway, parameters, response), start),
                failure -> reject(context, responseType, internalError(failure), start));
    }

    private void respond(RoutingContext context, ResponseType responseType, GraphQLParameters parameters,
                         GatewayResponse response, long start) {
        int status = response.requestError() && responseType == ResponseType.GRAPHQL_RESPONSE_JSON ? 400 : 200;
        write(context, status, responseType, response.body());
        Outcome outcome = response.requestError() ? Outcome.REQUEST_ERROR : Outcome.of(response.body());
        String operationName = response.operationName() != null ? response.operationName() : parameters.operationName();
        metrics.record(operationName, response.operationType(), outcome, System.nanoTime() - start);
    }

    @SuppressWarnings("unchecked")
    private GatewayResponse withQueryPlan(RoutingContext context, Gateway gateway, GraphQLParameters parameters,
                                          GatewayResponse response) {
        if (!exposeQueryPlan || response.requestError()
                || !"true".equalsIgnoreCase(context.request().getHeader(EXPOSE_QUERY_PLAN))) {
            return response;
        }
        Map<String, Object> body = new LinkedHashMap<>(response.body());
        Map<String, Object> extensions = body.get("extensions") instanceof Map<?, ?> existing
                ? new LinkedHashMap<>((Map<String, Object>) existing) : new LinkedHashMap<>();
        extensions.put("queryPlan", gateway.explain(parameters.query(), parameters.operationName()));
        body.put("extensions", extensions);
        return new GatewayResponse(body, false, response.operationType(), response.operationName());
    }

    private void reject(RoutingContext context, ResponseType responseType, GraphQLRequestException error, long start) {
        Map<String, Object> body = Map.of("errors", List.of(Map.of(
                "message", error.getMessage(), "extensions", Map.of("code", error.code()))));
        write(context, error.status(), responseType == null ? ResponseType.JSON : responseType, body);
        Outcome outcome = error.status() >= 500 ? Outcome.ERROR : Outcome.REQUEST_ERROR;
        metrics.record(null, null, outcome, System.nanoTime() - start);
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
            return internalError(failure);
        }
        if (refused.status() == 401) {
            context.response().putHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        }
        return new GraphQLRequestException(refused.status(), refused.code(), refused.getMessage());
    }

    private static GraphQLRequestException internalError(Throwable failure) {
        LOG.error("Unexpected failure while handling a GraphQL request", failure);
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
        ByteBuf bytes = Unpooled.buffer(RESPONSE_BUFFER_BYTES);
        try (JsonGenerator generator = mapper.getFactory().createGenerator((OutputStream) new ByteBufOutputStream(bytes))) {
            ResponseJson.write(generator, body);
        } catch (IOException e) {
            LOG.error("Cannot serialize a GraphQL response", e);
            context.response().setStatusCode(500).end();
            return;
        }
        context.response()
                .setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, responseType.contentType())
                .putHeader(HttpHeaders.VARY, "Accept")
                .end(Buffer.buffer(bytes));
    }
}
