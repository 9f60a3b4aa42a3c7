package org.plenum.gateway.engine.supergraph;

import graphql.language.Directive;
import graphql.language.Document;
import graphql.language.SDLDefinition;
import graphql.language.SchemaDefinition;
import org.plenum.gateway.engine.sdl.Link;

import java.util.HashMap;
import java.util.Map;

/** The specs.apollo.dev specs a supergraph @links (join, link, inaccessible, tag, ...) and their local names. */
final class LinkedSpecs {

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

    private void read(Directive directive) {
        Link link = Link.parse(directive);
        if (link == null || !link.isApolloSpec()) {
            return;
        }
        String spec = link.name();
        localNames.put(spec, link.prefix());
        for (Link.Import imported : link.imports()) {
            if (imported.isDirective()) {
                importedDirectives.put(imported.localName(), spec);
                importedAs.put(spec + "/" + imported.featureName(), imported.localName());
            }
        }
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
