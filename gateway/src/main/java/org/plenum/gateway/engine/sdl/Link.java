package org.plenum.gateway.engine.sdl;

import graphql.language.ArrayValue;
import graphql.language.Directive;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.StringValue;
import graphql.language.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code @link} application (the core schema spec): the linked feature's URL, name and version, the alias of its
 * prefix and what it imports. Subgraphs and supergraphs both read their specs through it.
 *
 * @param identity the URL without its version, e.g. {@code https://specs.apollo.dev/join}
 * @param name     the feature's name, the last segment of its identity, e.g. {@code join}
 * @param as       the alias of the feature's prefix, or null
 */
public record Link(String url, String identity, String name, int major, int minor, String as, List<Import> imports) {

    private static final Pattern VERSIONED_URL = Pattern.compile("(.*/([^/]+))/v(\\d+)\\.(\\d+)/?");
    private static final String APOLLO_SPECS = "https://specs.apollo.dev/";

    /**
     * An imported element: {@code "@key"} or {@code {name: "@key", as: "@myKey"}}, or a type without the {@code @}.
     *
     * @param as the local name, the same as {@code name} when not renamed
     */
    public record Import(String name, String as) {

        public boolean isDirective() {
            return name.startsWith("@");
        }

        /** The element's name in the feature, without the {@code @}. */
        public String featureName() {
            return isDirective() ? name.substring(1) : name;
        }

        /** The element's name in the schema that links it, without the {@code @}. */
        public String localName() {
            return as.startsWith("@") ? as.substring(1) : as;
        }
    }

    /** @return the link, or null when the directive is not a {@code @link} to a versioned URL */
    public static Link parse(Directive directive) {
        String url = directive.getName().equals("link") ? stringArgument(directive, "url") : null;
        Matcher matcher = url == null ? null : VERSIONED_URL.matcher(url);
        if (matcher == null || !matcher.matches()) {
            return null;
        }
        List<Import> imports = new ArrayList<>();
        Value<?> value = directive.getArgument("import") == null ? null : directive.getArgument("import").getValue();
        if (value instanceof ArrayValue array) {
            for (Value<?> imported : array.getValues()) {
                if (imported instanceof StringValue string) {
                    imports.add(new Import(string.getValue(), string.getValue()));
                } else if (imported instanceof ObjectValue object && objectField(object, "name") != null) {
                    String name = objectField(object, "name");
                    String as = objectField(object, "as");
                    imports.add(new Import(name, as == null ? name : as));
                }
            }
        }
        return new Link(url, matcher.group(1), matcher.group(2), Integer.parseInt(matcher.group(3)),
                Integer.parseInt(matcher.group(4)), stringArgument(directive, "as"), List.copyOf(imports));
    }

    /** Whether it links one of Apollo's specs (join, link, federation, inaccessible, tag, cost, ...). */
    public boolean isApolloSpec() {
        return url.startsWith(APOLLO_SPECS);
    }

    /** The prefix of the feature's unimported elements: its alias, else its name ({@code join__type}). */
    public String prefix() {
        return as != null ? as : name;
    }

    public static String stringArgument(Directive directive, String name) {
        var argument = directive.getArgument(name);
        return argument != null && argument.getValue() instanceof StringValue string ? string.getValue() : null;
    }

    private static String objectField(ObjectValue object, String name) {
        return object.getObjectFields().stream()
                .filter(field -> field.getName().equals(name))
                .map(ObjectField::getValue)
                .filter(StringValue.class::isInstance)
                .map(value -> ((StringValue) value).getValue())
                .findFirst().orElse(null);
    }
}
