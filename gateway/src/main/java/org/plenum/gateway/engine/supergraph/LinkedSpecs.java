package org.plenum.gateway.engine.supergraph;

import graphql.language.ArrayValue;
import graphql.language.Directive;
import graphql.language.Document;
import graphql.language.ObjectValue;
import graphql.language.SDLDefinition;
import graphql.language.SchemaDefinition;
import graphql.language.StringValue;
import graphql.language.Value;

import java.util.HashMap;
import java.util.Map;

/** The specs.apollo.dev specs a supergraph @links (join, link, inaccessible, tag, ...) and their local names. */
final class LinkedSpecs {

    private static final String APOLLO_SPECS = "https://specs.apollo.dev/";

    /** spec name (e.g. "join") -> local name (its alias or the same) */
    private final Map<String, String> localNames = new HashMap<>();
    /** directive names imported unprefixed from Apollo specs (e.g. "inaccessible") -> spec name */
    private final Map<String, String> importedDirectives = new HashMap<>();
    /** "spec/directive" (e.g. "cost/listSize") -> the name it is imported under */
    private final Map<String, String> importedAs = new HashMap<>();

    static LinkedSpecs of(Document document) {
        LinkedSpecs specs = new LinkedSpecs();
        for (SDLDefinition<?> definition : document.getDefinitionsOfType(SDLDefinition.class)) {
            if (definition instanceof SchemaDefinition schema) {
                schema.getDirectives("link").forEach(specs::read);
            }
        }
        return specs;
    }

    private void read(Directive link) {
        String url = Supergraph.string(link, "url");
        if (url == null || !url.startsWith(APOLLO_SPECS)) {
            return;
        }
        String[] parts = url.substring(APOLLO_SPECS.length()).split("/");
        String spec = parts[0];
        String alias = Supergraph.string(link, "as");
        localNames.put(spec, alias == null ? spec : alias);
        if (link.getArgument("import") != null && link.getArgument("import").getValue() instanceof ArrayValue imports) {
            for (Value<?> imported : imports.getValues()) {
                if (imported instanceof StringValue name && name.getValue().startsWith("@")) {
                    importedDirectives.put(name.getValue().substring(1), spec);
                    importedAs.put(spec + "/" + name.getValue().substring(1), name.getValue().substring(1));
                } else if (imported instanceof ObjectValue object) {
                    String name = objectString(object, "name");
                    String as = objectString(object, "as");
                    if (as != null) {
                        importedDirectives.put(as.replace("@", ""), spec);
                        if (name != null) {
                            importedAs.put(spec + "/" + name.replace("@", ""), as.replace("@", ""));
                        }
                    }
                }
            }
        }
    }

    private static String objectString(ObjectValue object, String field) {
        return object.getObjectFields().stream().filter(f -> f.getName().equals(field)).findFirst()
                .filter(f -> f.getValue() instanceof StringValue)
                .map(f -> ((StringValue) f.getValue()).getValue()).orElse(null);
    }

    boolean has(String spec) {
        return localNames.containsKey(spec);
    }

    /** The local name of a spec element, e.g. ("join", "type") -> "join__type". */
    String prefixed(String spec, String element) {
        return localNames.getOrDefault(spec, spec) + "__" + element;
    }

    /**
     * The name a spec's directive has in this supergraph: as imported, the spec's own name for its namesake
     * directive (e.g. {@code @cost} of the cost spec), else prefixed ({@code @cost__listSize}).
     */
    String directiveName(String spec, String directive) {
        String imported = importedAs.get(spec + "/" + directive);
        if (imported != null) {
            return imported;
        }
        return spec.equals(directive) ? localNames.getOrDefault(spec, spec) : prefixed(spec, directive);
    }

    /** The directive name that marks inaccessible elements. */
    String inaccessibleDirective() {
        String name = directiveName("inaccessible");
        return name == null ? "inaccessible" : name;
    }

    /**
     * The local name of the directive a spec defines under its own name (e.g. {@code @requiresScopes} of the
     * requiresScopes spec): its import alias, else the spec's alias; null when the spec is not linked.
     */
    String directiveName(String spec) {
        for (Map.Entry<String, String> imported : importedDirectives.entrySet()) {
            if (imported.getValue().equals(spec)) {
                return imported.getKey();
            }
        }
        return localNames.get(spec);
    }

    /** Whether a directive or type name belongs to a linked Apollo spec and must not reach the API schema. */
    boolean isSpecElement(String name) {
        if (importedDirectives.containsKey(name) || localNames.containsValue(name)) {
            return true;
        }
        int separator = name.indexOf("__");
        return separator > 0 && localNames.containsValue(name.substring(0, separator));
    }
}
