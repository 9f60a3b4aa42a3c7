package org.plenum.gateway.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;

import java.io.IOException;
import java.util.Map;

/** The GraphQL-over-HTTP request parameters, from a JSON body (POST) or the query string (GET). */
record GraphQLParameters(String query, String operationName, Map<String, Object> variables) {

    private static final String BAD_REQUEST = "BAD_REQUEST";

    static GraphQLParameters fromBody(ObjectMapper mapper, Buffer body) {
        if (body == null || body.length() == 0) {
            throw badRequest("The request body is empty: send a JSON object with a 'query'");
        }
        Object parsed;
        try {
            parsed = mapper.readValue(body.getBytes(), Object.class);
        } catch (IOException e) {
            throw badRequest("The request body is not valid JSON: " + firstLine(e.getMessage()));
        }
        if (!(parsed instanceof Map<?, ?> parameters)) {
            throw badRequest("The request body must be a JSON object with a 'query'");
        }
        return of(parameters.get("query"), parameters.get("operationName"), parameters.get("variables"),
                parameters.get("extensions"));
    }

    static GraphQLParameters fromQueryString(ObjectMapper mapper, MultiMap parameters) {
        return of(parameters.get("query"), parameters.get("operationName"),
                json(mapper, "variables", parameters.get("variables")),
                json(mapper, "extensions", parameters.get("extensions")));
    }

    private static GraphQLParameters of(Object query, Object operationName, Object variables, Object extensions) {
        if (!(query instanceof String document) || document.isBlank()) {
            throw badRequest("Missing 'query': the request must contain a GraphQL document");
        }
        if (operationName != null && !(operationName instanceof String)) {
            throw badRequest("'operationName' must be a string");
        }
        if (variables != null && !(variables instanceof Map)) {
            throw badRequest("'variables' must be a JSON object");
        }
        if (extensions != null && !(extensions instanceof Map)) {
            throw badRequest("'extensions' must be a JSON object");
        }
        String name = operationName == null || ((String) operationName).isEmpty() ? null : (String) operationName;
        @SuppressWarnings("unchecked")
        Map<String, Object> variableValues = variables == null ? Map.of() : (Map<String, Object>) variables;
        return new GraphQLParameters(document, name, variableValues);
    }

    private static Object json(ObjectMapper mapper, String parameter, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return mapper.readValue(value, Object.class);
        } catch (IOException e) {
            throw badRequest("'" + parameter + "' is not valid JSON: " + firstLine(e.getMessage()));
        }
    }

    private static String firstLine(String message) {
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    private static GraphQLRequestException badRequest(String message) {
        return new GraphQLRequestException(400, BAD_REQUEST, message);
    }
}
