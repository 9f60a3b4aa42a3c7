package org.plenum.gateway.ops;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rover's {@code supergraph.yaml}: {@code federation_version} and, per subgraph, {@code routing_url} and a
 * {@code schema} given as a {@code file} (relative to the YAML file's folder) or a {@code subgraph_url} answering
 * {@code _service { sdl }} (with optional {@code introspection_headers}). {@code ${env.NAME}} in a value is replaced by
 * that environment variable, as rover does. GraphOS sources ({@code graphref}) are not supported.
 */
public record SupergraphConfig(List<SubgraphEntry> subgraphs) {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{env\\.([A-Za-z_][A-Za-z0-9_]*)}");

    /** Where one subgraph's SDL comes from: exactly one of {@code file} and {@code subgraphUrl} is set. */
    public record SubgraphEntry(String name, String routingUrl, Path file, String subgraphUrl,
                                 Map<String, String> introspectionHeaders) {
    }

    /**
     * @param yaml       the file's content
     * @param folder     what relative {@code file} paths are resolved against
     * @param environment looks up {@code ${env.NAME}} references (null when unset)
     * @throws UsageException naming the subgraph and key at fault
     */
    public static SupergraphConfig parse(String yaml, Path folder, UnaryOperator<String> environment) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JacksonException e) {
            throw new UsageException("supergraph.yaml is not valid YAML: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new UsageException("supergraph.yaml must be a mapping with `subgraphs:`");
        }
        checkFederationVersion(root.get("federation_version"));
        JsonNode subgraphs = root.get("subgraphs");
        if (subgraphs == null || !subgraphs.isObject() || subgraphs.isEmpty()) {
            throw new UsageException("supergraph.yaml lists no subgraphs: add `subgraphs: <name>: { routing_url, schema }`");
        }
        List<SubgraphEntry> entries = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : subgraphs.properties()) {
            entries.add(subgraph(entry.getKey(), entry.getValue(), folder, environment));
        }
        return new SupergraphConfig(List.copyOf(entries));
    }

    /**
     * Composition follows Federation 2 rules (Federation 1 subgraphs are upgraded, as {@code @apollo/composition}
     * does); rover's exact version pins ({@code =2.9.3}) are accepted and the version is otherwise not used.
     */
    private static void checkFederationVersion(JsonNode version) {
        if (version == null || version.isNull()) {
            return;
        }
        String text = version.asText().trim();
        if (!text.replaceFirst("^=", "").startsWith("2")) {
            throw new UsageException("federation_version " + text + " is not supported: Plenum composes with Federation 2"
                    + " rules (Federation 1 subgraphs are upgraded); use federation_version: 2 or =2.x.y");
        }
    }

    private static SubgraphEntry subgraph(String name, JsonNode node, Path folder, UnaryOperator<String> environment) {
        String where = "subgraph '" + name + "'";
        if (node == null || !node.isObject()) {
            throw new UsageException(where + ": expected `routing_url` and `schema`");
        }
        JsonNode schema = node.get("schema");
        if (schema == null || !schema.isObject()) {
            throw new UsageException(where + ": `schema` is missing (give `file:` or `subgraph_url:`)");
        }
        UnaryOperator<String> expand = value -> expand(value, where, environment);
        String file = text(schema, "file", where, expand);
        String subgraphUrl = text(schema, "subgraph_url", where, expand);
        if (schema.has("graphref")) {
            throw new UsageException(where + ": `schema.graphref` (GraphOS) is not supported; give `file:` or `subgraph_url:`");
        }
        if ((file == null) == (subgraphUrl == null)) {
            throw new UsageException(where + ": `schema` needs exactly one of `file:` and `subgraph_url:`");
        }
        String routingUrl = text(node, "routing_url", where, expand);
        if (routingUrl == null) {
            if (subgraphUrl == null) {
                throw new UsageException(where + ": `routing_url` is missing (the URL the gateway sends operations to)");
            }
            routingUrl = subgraphUrl; // as rover: the introspected URL is also where the subgraph is served
        }
        Map<String, String> headers = new LinkedHashMap<>();
        JsonNode headerNode = schema.get("introspection_headers");
        if (headerNode != null && !headerNode.isNull()) {
            if (!headerNode.isObject()) {
                throw new UsageException(where + ": `introspection_headers` must map header names to values");
            }
            headerNode.properties().forEach(header ->
                    headers.put(header.getKey(), expand.apply(header.getValue().asText())));
        }
        return new SubgraphEntry(name, routingUrl, file == null ? null : folder.resolve(file).normalize(), subgraphUrl,
                Map.copyOf(headers));
    }

    private static String text(JsonNode node, String key, String where, UnaryOperator<String> expand) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isValueNode() || value.asText().isBlank()) {
            throw new UsageException(where + ": `" + key + "` must be a non-empty string");
        }
        return expand.apply(value.asText().trim());
    }

    private static String expand(String value, String where, UnaryOperator<String> environment) {
        Matcher matcher = ENV_REFERENCE.matcher(value);
        StringBuilder expanded = new StringBuilder();
        while (matcher.find()) {
            String variable = environment.apply(matcher.group(1));
            if (variable == null) {
                throw new UsageException(where + ": environment variable " + matcher.group(1) + " is not set");
            }
            matcher.appendReplacement(expanded, Matcher.quoteReplacement(variable));
        }
        matcher.appendTail(expanded);
        return expanded.toString();
    }
}
