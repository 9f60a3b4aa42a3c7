package org.plenum.gateway.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import org.plenum.gateway.engine.error.Errors;
import org.plenum.gateway.persisted.Sha256;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;

/**
 * The GraphQL-over-HTTP request parameters, from a JSON body (POST) or the query string (GET). A persisted document
 * comes by {@code documentId} or by the hash of Apollo's {@code extensions.persistedQuery}, with or without the
 * document itself; {@link PersistedDocumentResolver} turns it into a {@code query}.
 *
 * @param persistedQueryHash the SHA-256 of {@code extensions.persistedQuery} (lowercase hex), or null
 * @param documentHash       the SHA-256 of {@code query} once checked or looked up, or null
 */
record GraphQLParameters(String query, String operationName, Map<String, Object> variables, String documentId,
                         String persistedQueryHash, String documentHash) {

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
                parameters.get("extensions"), parameters.get("documentId"));
    }

    static GraphQLParameters fromQueryString(ObjectMapper mapper, MultiMap parameters) {
        return of(parameters.get("query"), parameters.get("operationName"),
                json(mapper, "variables", parameters.get("variables")),
                json(mapper, "extensions", parameters.get("extensions")), parameters.get("documentId"));
    }

    /** The same request with the document to run, identified by its SHA-256. */
    GraphQLParameters withDocument(String document, String sha256) {
        return new GraphQLParameters(document, operationName, variables, documentId, persistedQueryHash, sha256);
    }

    private static GraphQLParameters of(Object query, Object operationName, Object variables, Object extensions,
                                        Object documentId) {
        if (documentId != null && (!(documentId instanceof String id) || id.isEmpty())) {
            throw badRequest("'documentId' must be a non-empty string");
        }
        if (extensions != null && !(extensions instanceof Map)) {
            throw badRequest("'extensions' must be a JSON object");
        }
        String persistedQueryHash = persistedQueryHash((Map<?, ?>) extensions);
        String document = query instanceof String text && !text.isBlank() ? text : null;
        if (document == null && documentId == null && persistedQueryHash == null) {
            throw badRequest("Missing 'query': the request must contain a GraphQL document");
        }
        if (operationName != null && !(operationName instanceof String)) {
            throw badRequest("'operationName' must be a string");
        }
        if (variables != null && !(variables instanceof Map)) {
            throw badRequest("'variables' must be a JSON object");
        }
        String name = operationName == null || ((String) operationName).isEmpty() ? null : (String) operationName;
        @SuppressWarnings("unchecked")
        Map<String, Object> variableValues = variables == null ? Map.of() : (Map<String, Object>) variables;
        return new GraphQLParameters(document, name, variableValues, (String) documentId, persistedQueryHash, null);
    }

    /** Apollo's automatic persisted queries, version 1: {@code {"version": 1, "sha256Hash": "<64 hex digits>"}}. */
    private static String persistedQueryHash(Map<?, ?> extensions) {
        if (extensions == null || extensions.get("persistedQuery") == null) {
            return null;
        }
        if (!(extensions.get("persistedQuery") instanceof Map<?, ?> persistedQuery)) {
            throw badRequest("'extensions.persistedQuery' must be a JSON object with 'version' and 'sha256Hash'");
        }
        Object version = persistedQuery.get("version");
        if (!(version instanceof Integer number) || number != 1) {
            throw badRequest("Unsupported persisted query version " + Errors.echo(String.valueOf(version))
                    + ": this gateway supports version 1");
        }
        if (!(persistedQuery.get("sha256Hash") instanceof String hash) || !Sha256.isHex(hash)) {
            throw badRequest("'extensions.persistedQuery.sha256Hash' must be a SHA-256 in hex (64 digits)");
        }
        return hash.toLowerCase(Locale.ROOT);
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
