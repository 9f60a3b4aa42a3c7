package org.plenum.gateway.engine.compose;

import graphql.language.ArrayValue;
import graphql.language.Directive;
import graphql.language.StringValue;
import graphql.language.Value;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code @authenticated}, {@code @requiresScopes} and {@code @policy} (Federation 2.5/2.6) as a subgraph applies them,
 * and how requirements combine as {@code @apollo/composition} combines them: an element needs everything each
 * application asks for (scope and policy alternatives multiplied out, alternatives implied by a smaller one dropped).
 * {@link AccessMerger} puts them into the supergraph.
 */
final class AccessDirectives {

    /** A directive of the access specs: its spec URL, argument and argument's scalar. */
    enum Spec {
        AUTHENTICATED("authenticated", null, null),
        REQUIRES_SCOPES("requiresScopes", "scopes", "requiresScopes__Scope"),
        POLICY("policy", "policies", "policy__Policy");

        final String name;
        final String argument;
        final String scalar;

        Spec(String name, String argument, String scalar) {
            this.name = name;
            this.argument = argument;
            this.scalar = scalar;
        }

        static Spec of(String canonical) {
            for (Spec spec : values()) {
                if (spec.name.equals(canonical)) {
                    return spec;
                }
            }
            return null;
        }
    }

    /**
     * What one element needs in one subgraph, or (merged) in the supergraph: per spec present, its alternatives
     * (empty for {@code @authenticated}).
     */
    static final class Access {
        final Map<Spec, List<List<String>>> requirements = new EnumMap<>(Spec.class);
        /** spec -> the name the subgraph uses for it */
        final Map<Spec, String> localNames = new EnumMap<>(Spec.class);

        boolean isEmpty() {
            return requirements.isEmpty();
        }

        /** Both this and {@code other}. */
        void and(Access other) {
            localNames.putAll(other.localNames);
            other.requirements.forEach((spec, alternatives) -> requirements.merge(spec, alternatives, AccessDirectives::both));
        }
    }

    private AccessDirectives() {
    }

    /** The access directives among an element's directives in one subgraph; empty when none. */
    static Access read(List<Directive> directives, LinkedSpecs specs) {
        Access access = new Access();
        if (!specs.isFederation2()) {
            return access;
        }
        for (Directive directive : directives) {
            Spec spec = Spec.of(specs.canonicalDirective(directive.getName()));
            if (spec == null) {
                continue;
            }
            access.localNames.put(spec, directive.getName());
            List<List<String>> alternatives = spec.argument == null ? List.of() : alternatives(directive.getArgument(spec.argument) == null
                    ? null : directive.getArgument(spec.argument).getValue());
            access.requirements.merge(spec, alternatives, AccessDirectives::both);
        }
        return access;
    }

    /** Composition refuses access directives on interfaces and their fields: they come from the implementations. */
    static void checkNotOnInterface(String subgraph, SubgraphType type, List<String> errors) {
        if (type.kind != TypeKind.INTERFACE) {
            return;
        }
        type.access.localNames.values().forEach(name -> errors.add("[" + subgraph + "] Invalid use of @" + name + " on interface \""
                + type.name + "\": @" + name + " cannot be applied on interfaces, interface fields and interface objects"));
        type.fields.values().forEach(field -> field.access.localNames.values().forEach(name -> errors.add("[" + subgraph
                + "] Invalid use of @" + name + " on field \"" + type.name + "." + field.name + "\": @" + name
                + " cannot be applied on interfaces, interface fields and interface objects")));
    }

    private static List<List<String>> alternatives(Value<?> value) {
        List<List<String>> alternatives = new ArrayList<>();
        if (value instanceof ArrayValue outer) {
            for (Value<?> group : outer.getValues()) {
                List<String> all = new ArrayList<>();
                for (Value<?> item : group instanceof ArrayValue inner ? inner.getValues() : List.of(group)) {
                    if (item instanceof StringValue string && !all.contains(string.getValue())) {
                        all.add(string.getValue());
                    }
                }
                alternatives.add(all);
            }
        }
        return simplify(alternatives);
    }

    /** Each alternative of {@code a} with each of {@code b}, simplified. */
    static List<List<String>> both(List<List<String>> a, List<List<String>> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return a.isEmpty() ? b : a; // @authenticated has no alternatives
        }
        List<List<String>> product = new ArrayList<>();
        for (List<String> left : a) {
            for (List<String> right : b) {
                Set<String> all = new LinkedHashSet<>(left);
                all.addAll(right);
                product.add(List.copyOf(all));
            }
        }
        return simplify(product);
    }

    /** Drops alternatives that contain another one (they are implied by it), keeping the first of equal ones. */
    private static List<List<String>> simplify(List<List<String>> alternatives) {
        List<List<String>> kept = new ArrayList<>();
        for (int i = 0; i < alternatives.size(); i++) {
            List<String> candidate = alternatives.get(i);
            boolean implied = false;
            for (int j = 0; j < alternatives.size() && !implied; j++) {
                List<String> other = alternatives.get(j);
                boolean sameSet = other.size() == candidate.size() && candidate.containsAll(other);
                implied = j != i && candidate.containsAll(other) && (!sameSet || j < i);
            }
            if (!implied) {
                kept.add(candidate);
            }
        }
        return kept;
    }
}
