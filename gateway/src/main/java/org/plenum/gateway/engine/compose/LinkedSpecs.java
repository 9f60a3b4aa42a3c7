package org.plenum.gateway.engine.compose;

import graphql.language.Directive;
import org.plenum.gateway.engine.sdl.Link;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The specs a subgraph links with {@code @link} (federation, link, inaccessible, tag): which local directive
 * names mean which federation directive, and which types belong to the specs rather than to the subgraph.
 * Without a link to federation v2, the subgraph is Federation 1 and the directives go by their plain names.
 */
final class LinkedSpecs {

    private static final Set<String> FEDERATION_1_TYPES = Set.of("_FieldSet", "FieldSet", "_Any", "_Entity", "_Service");
    private static final Set<String> ALWAYS_STRIPPED_TYPES = Set.of("_Any", "_Entity", "_Service");

    /** local directive name -> canonical federation directive name (key, external, ...). */
    private final Map<String, String> canonicalDirectives = new HashMap<>();
    /** Directives of other linked features: local name -> the feature and the name in the feature. */
    private final Map<String, ComposedDirective> featureDirectives = new HashMap<>();
    private final List<String> composeRequests = new ArrayList<>();
    private final Map<String, ComposedDirective.Feature> featurePrefixes = new HashMap<>();
    private final Set<String> specTypes = new HashSet<>();
    private final Set<String> specPrefixes = new HashSet<>();
    private final int federationMinorVersion;

    private LinkedSpecs(int federationMinorVersion) {
        this.federationMinorVersion = federationMinorVersion;
    }

    /** Reads the {@code @link} applications on the schema definition/extensions of a subgraph. */
    static LinkedSpecs of(List<Directive> schemaDirectives) {
        List<Link> links = schemaDirectives.stream().map(Link::parse).filter(Objects::nonNull).toList();
        int federationMinor = links.stream().filter(link -> link.isApolloSpec() && link.name().equals("federation")
                && link.major() == 2).mapToInt(Link::minor).reduce((first, last) -> last).orElse(-1);
        LinkedSpecs specs = new LinkedSpecs(federationMinor);
        specs.specPrefixes.add("link");
        specs.specTypes.addAll(ALWAYS_STRIPPED_TYPES);
        if (federationMinor < 0) {
            specs.specTypes.addAll(FEDERATION_1_TYPES);
        }
        for (Link link : links) {
            if (link.isApolloSpec()) {
                specs.addSpec(link);
            } else {
                specs.addFeature(link);
            }
        }
        for (Directive directive : schemaDirectives) {
            String name = Link.stringArgument(directive, "name");
            if (specs.isFederation2() && "composeDirective".equals(specs.canonicalDirective(directive.getName()))
                    && name != null) {
                specs.composeRequests.add(name.startsWith("@") ? name.substring(1) : name);
            }
        }
        return specs;
    }

    /** A feature other than the Apollo specs: its directives may be composed with {@code @composeDirective}. */
    private void addFeature(Link link) {
        var version = new ComposedDirective.Feature(link.url(), link.identity(), link.major(), link.minor());
        for (Link.Import imported : link.imports()) {
            if (imported.isDirective()) {
                featureDirectives.put(imported.localName(),
                        new ComposedDirective(imported.localName(), imported.featureName(), version));
            }
        }
        featurePrefixes.put(link.prefix(), version);
    }

    private void addSpec(Link link) {
        String spec = link.name();
        String prefix = link.prefix();
        specPrefixes.add(prefix);
        boolean defaultsToPlainName = spec.equals("inaccessible") || spec.equals("tag");
        if (defaultsToPlainName) {
            canonicalDirectives.put(prefix, spec);
        }
        for (Link.Import imported : link.imports()) {
            if (imported.isDirective()) {
                canonicalDirectives.put(imported.localName(), imported.featureName());
            } else {
                specTypes.add(imported.localName());
            }
        }
        if (spec.equals("federation")) {
            // every federation directive is also reachable by its prefixed name, e.g. @federation__key
            for (String directive : List.of("key", "external", "requires", "provides", "shareable", "override",
                    "inaccessible", "tag", "interfaceObject", "extends", "composeDirective", "authenticated",
                    "requiresScopes", "policy", "context", "fromContext", "cost", "listSize")) {
                canonicalDirectives.putIfAbsent(prefix + "__" + directive, directive);
            }
        }
    }

    /** The directives named by {@code @composeDirective(name:)}, without the {@code @}. */
    List<String> composeRequests() {
        return composeRequests;
    }

    /** The linked feature a directive belongs to (imported, or by the feature's prefix), or null. */
    ComposedDirective featureDirective(String localName) {
        if (featureDirectives.containsKey(localName)) {
            return featureDirectives.get(localName);
        }
        int separator = localName.indexOf("__");
        ComposedDirective.Feature feature = separator > 0 ? featurePrefixes.get(localName.substring(0, separator)) : null;
        return feature == null ? null : new ComposedDirective(localName, localName.substring(separator + 2), feature);
    }

    boolean isFederation2() {
        return federationMinorVersion >= 0;
    }

    /** The federation 2 minor version linked (e.g. 3 for v2.3), or -1 for a Federation 1 subgraph. */
    int federationMinorVersion() {
        return federationMinorVersion;
    }

    /** The federation directive a local directive name stands for, or null when it is not one. */
    String canonicalDirective(String localName) {
        if (!isFederation2()) {
            return localName;
        }
        return canonicalDirectives.get(localName);
    }

    boolean isSpecType(String typeName) {
        if (specTypes.contains(typeName)) {
            return true;
        }
        int separator = typeName.indexOf("__");
        return separator > 0 && specPrefixes.contains(typeName.substring(0, separator));
    }
}
