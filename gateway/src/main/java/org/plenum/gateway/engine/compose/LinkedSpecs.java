package org.plenum.gateway.engine.compose;

import graphql.language.ArrayValue;
import graphql.language.Directive;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.StringValue;
import graphql.language.Value;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The specs a subgraph links with {@code @link} (federation, link, inaccessible, tag): which local directive
 * names mean which federation directive, and which types belong to the specs rather than to the subgraph.
 * Without a link to federation v2, the subgraph is Federation 1 and the directives go by their plain names.
 */
final class LinkedSpecs {

    private static final Pattern SPEC_URL = Pattern.compile("https://specs\\.apollo\\.dev/([a-z]+)/v(\\d+)\\.(\\d+)");
    private static final Pattern FEATURE_URL = Pattern.compile("(.*/([^/]+))/v(\\d+)\\.(\\d+)/?");
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
        int federationMinor = -1;
        for (Directive link : schemaDirectives) {
            Matcher url = link.getName().equals("link") ? specUrl(link) : null;
            if (url != null && url.group(1).equals("federation") && url.group(2).equals("2")) {
                federationMinor = Integer.parseInt(url.group(3));
            }
        }
        LinkedSpecs specs = new LinkedSpecs(federationMinor);
        specs.specPrefixes.add("link");
        specs.specTypes.addAll(ALWAYS_STRIPPED_TYPES);
        if (federationMinor < 0) {
            specs.specTypes.addAll(FEDERATION_1_TYPES);
        }
        for (Directive link : schemaDirectives) {
            Matcher url = link.getName().equals("link") ? specUrl(link) : null;
            if (url != null) {
                specs.addLink(url.group(1), link);
            } else if (link.getName().equals("link")) {
                specs.addFeature(link);
            }
        }
        for (Directive directive : schemaDirectives) {
            String name = stringArgument(directive, "name");
            if (specs.isFederation2() && "composeDirective".equals(specs.canonicalDirective(directive.getName()))
                    && name != null) {
                specs.composeRequests.add(name.startsWith("@") ? name.substring(1) : name);
            }
        }
        return specs;
    }

    /** A feature other than the Apollo specs: its directives may be composed with {@code @composeDirective}. */
    private void addFeature(Directive link) {
        String url = stringArgument(link, "url");
        Matcher feature = url == null ? null : FEATURE_URL.matcher(url);
        if (feature == null || !feature.matches()) {
            return;
        }
        String alias = stringArgument(link, "as");
        String prefix = alias != null ? alias : feature.group(2);
        var version = new ComposedDirective.Feature(url, feature.group(1), Integer.parseInt(feature.group(3)),
                Integer.parseInt(feature.group(4)));
        Value<?> imports = link.getArgument("import") == null ? null : link.getArgument("import").getValue();
        if (imports instanceof ArrayValue array) {
            for (Value<?> imported : array.getValues()) {
                String[] nameAndAs = importNames(imported);
                if (nameAndAs != null && nameAndAs[0].startsWith("@")) {
                    String local = nameAndAs[1].substring(1);
                    featureDirectives.put(local, new ComposedDirective(local, nameAndAs[0].substring(1), version));
                }
            }
        }
        featurePrefixes.put(prefix, version);
    }

    private static Matcher specUrl(Directive link) {
        String url = stringArgument(link, "url");
        Matcher matcher = url == null ? null : SPEC_URL.matcher(url);
        return matcher != null && matcher.lookingAt() ? matcher : null;
    }

    private void addLink(String spec, Directive link) {
        String alias = stringArgument(link, "as");
        String prefix = alias != null ? alias : spec;
        specPrefixes.add(prefix);
        boolean defaultsToPlainName = spec.equals("inaccessible") || spec.equals("tag");
        if (defaultsToPlainName) {
            canonicalDirectives.put(prefix, spec);
        }
        Value<?> imports = link.getArgument("import") == null ? null : link.getArgument("import").getValue();
        if (imports instanceof ArrayValue array) {
            for (Value<?> imported : array.getValues()) {
                addImport(imported);
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

    private void addImport(Value<?> imported) {
        String[] nameAndAs = importNames(imported);
        if (nameAndAs == null) {
            return;
        }
        if (nameAndAs[0].startsWith("@")) {
            canonicalDirectives.put(nameAndAs[1].substring(1), nameAndAs[0].substring(1));
        } else {
            specTypes.add(nameAndAs[1]);
        }
    }

    /** An {@code import} entry: {@code "@key"} or {@code {name: "@key", as: "@myKey"}} -> {name, as}. */
    private static String[] importNames(Value<?> imported) {
        if (imported instanceof StringValue string) {
            return new String[] {string.getValue(), string.getValue()};
        }
        if (imported instanceof ObjectValue object && objectField(object, "name") != null) {
            String name = objectField(object, "name");
            String as = objectField(object, "as");
            return new String[] {name, as == null ? name : as};
        }
        return null;
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

    private static String objectField(ObjectValue object, String name) {
        return object.getObjectFields().stream()
                .filter(field -> field.getName().equals(name))
                .map(ObjectField::getValue)
                .filter(StringValue.class::isInstance)
                .map(value -> ((StringValue) value).getValue())
                .findFirst().orElse(null);
    }

    static String stringArgument(Directive directive, String name) {
        var argument = directive.getArgument(name);
        return argument != null && argument.getValue() instanceof StringValue string ? string.getValue() : null;
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
