package org.plenum.gateway.persisted;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * The documents a client's build declared (trusted documents), by id and by the SHA-256 of their text. Read from
 * Apollo's persisted query manifest ({@code {"format": "apollo-persisted-query-manifest", "version": 1,
 * "operations": [{"id", "name", "type", "body"}]}}) or a plain {@code {"id": "document"}} map (Relay, GraphQL Codegen).
 */
public final class DocumentManifest {

    public static final DocumentManifest EMPTY = new DocumentManifest(Map.of(), Map.of());
    static final String APOLLO_FORMAT = "apollo-persisted-query-manifest";

    /** A listed document: its id in the manifest, its text and the SHA-256 of that text. */
    public record Listed(String id, String body, String sha256) {
    }

    private final Map<String, Listed> byId;
    private final Map<String, Listed> byHash;

    private DocumentManifest(Map<String, Listed> byId, Map<String, Listed> byHash) {
        this.byId = byId;
        this.byHash = byHash;
    }

    /** @throws ManifestException when the JSON is not one of the two formats or a document is missing */
    public static DocumentManifest parse(ObjectMapper mapper, byte[] json) {
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ManifestException("not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ManifestException("unreadable: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new ManifestException("must be a JSON object");
        }
        Map<String, String> documents = root.has("format") ? apolloOperations(root) : plainMap(root);
        Map<String, Listed> byId = new HashMap<>();
        Map<String, Listed> byHash = new HashMap<>();
        documents.forEach((id, body) -> {
            Listed listed = new Listed(id, body, Sha256.hex(body));
            byId.put(id, listed);
            byHash.putIfAbsent(listed.sha256(), listed);
        });
        return new DocumentManifest(Map.copyOf(byId), Map.copyOf(byHash));
    }

    private static Map<String, String> apolloOperations(JsonNode root) {
        if (!APOLLO_FORMAT.equals(root.path("format").asText(null))) {
            throw new ManifestException("unknown format " + root.get("format") + "; expected \"" + APOLLO_FORMAT
                    + "\" or a plain {\"id\": \"document\"} object");
        }
        if (!root.path("version").isInt() || root.path("version").intValue() != 1) {
            throw new ManifestException("unsupported version " + root.get("version") + "; expected 1");
        }
        JsonNode operations = root.path("operations");
        if (!operations.isArray()) {
            throw new ManifestException("\"operations\" must be an array");
        }
        Map<String, String> documents = new HashMap<>();
        for (int i = 0; i < operations.size(); i++) {
            JsonNode operation = operations.get(i);
            String id = text(operation.path("id"));
            String body = text(operation.path("body"));
            if (id == null || body == null) {
                throw new ManifestException("operations[" + i + "] needs a non-empty \"id\" and \"body\"");
            }
            add(documents, id, body);
        }
        return documents;
    }

    private static Map<String, String> plainMap(JsonNode root) {
        Map<String, String> documents = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = root.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String body = text(field.getValue());
            if (field.getKey().isEmpty() || body == null) {
                throw new ManifestException("entry \"" + field.getKey() + "\" must map a non-empty id to a document string");
            }
            add(documents, field.getKey(), body);
        }
        return documents;
    }

    private static void add(Map<String, String> documents, String id, String body) {
        String earlier = documents.putIfAbsent(id, body);
        if (earlier != null && !earlier.equals(body)) {
            throw new ManifestException("id \"" + id + "\" names two different documents");
        }
    }

    private static String text(JsonNode node) {
        return node.isTextual() && !node.textValue().isBlank() ? node.textValue() : null;
    }

    /** @return the document with this id, or null */
    public Listed byId(String id) {
        return byId.get(id);
    }

    /** @return the listed document whose text has this SHA-256 (lowercase hex), or null */
    public Listed byHash(String sha256) {
        return byHash.get(sha256);
    }

    /** Every listed document's text by its id, in id order. */
    public Map<String, String> documents() {
        Map<String, String> documents = new TreeMap<>();
        byId.forEach((id, listed) -> documents.put(id, listed.body()));
        return documents;
    }

    /** How many ids the manifest lists. */
    public int size() {
        return byId.size();
    }
}
