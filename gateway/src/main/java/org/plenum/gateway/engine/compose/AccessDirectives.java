package org.plenum.gateway.engine.compose;

import graphql.language.ArrayValue;
import graphql.language.AstPrinter;
import graphql.language.Directive;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.StringValue;
import graphql.language.TypeName;
import graphql.language.Value;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code @authenticated}, {@code @requiresScopes} and {@code @policy} (Federation 2.5/2.6) as {@code @apollo/composition}
 * composes them: an element needs everything any subgraph asks for it (scope and policy alternatives multiplied
 * out, alternatives implied by a smaller one dropped); an interface and its fields need what all their
 * implementations need; the supergraph links each spec used {@code for: SECURITY}, under the name the subgraphs
 * import it as.
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

    private static final List<String> LOCATIONS = List.of("FIELD_DEFINITION", "OBJECT", "INTERFACE", "SCALAR", "ENUM");

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
    private static List<List<String>> both(List<List<String>> a, List<List<String>> b) {
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

    /** Merges the subgraphs' access directives into the supergraph types and fields, with the specs' definitions. */
    static final class Merge {
        private final List<Subgraph> subgraphs;
        private final Map<String, MergedType> merged;
        private final List<String> errors;
        private final Map<String, Access> typeAccess = new LinkedHashMap<>();
        private final Map<String, Access> fieldAccess = new LinkedHashMap<>();
        private final Map<Spec, String> names = new EnumMap<>(Spec.class);

        Merge(List<Subgraph> subgraphs, Map<String, MergedType> merged, List<String> errors) {
            this.subgraphs = subgraphs;
            this.merged = merged;
            this.errors = errors;
        }

        /** @return the {@code @link}s of the specs used */
        List<String> apply(Map<String, MergedDirective> directives) {
            checkNames();
            for (MergedType type : merged.values()) {
                Access access = new Access();
                subgraphs.stream().map(subgraph -> subgraph.type(type.name)).filter(Objects::nonNull)
                        .forEach(source -> access.and(source.access));
                typeAccess.put(type.name, access);
                for (String fieldName : type.kind.hasFields() ? type.fields.keySet() : Set.<String>of()) {
                    Access field = new Access();
                    subgraphs.stream().map(subgraph -> subgraph.type(type.name))
                            .filter(source -> source != null && source.field(fieldName) != null)
                            .forEach(source -> field.and(source.field(fieldName).access));
                    fieldAccess.put(type.name + "." + fieldName, field);
                }
            }
            inheritFromImplementations();
            Set<Spec> used = EnumSet.noneOf(Spec.class);
            for (MergedType type : merged.values()) {
                used.addAll(typeAccess.get(type.name).requirements.keySet());
                type.directives.addAll(render(typeAccess.get(type.name)));
                for (MergedField field : type.kind.hasFields() ? type.fields.values() : List.<MergedField>of()) {
                    Access access = fieldAccess.get(type.name + "." + field.name);
                    used.addAll(access.requirements.keySet());
                    field.composedDirectives.addAll(render(access));
                }
            }
            List<String> links = new ArrayList<>();
            for (Spec spec : used) {
                String name = name(spec);
                links.add("@link(url: \"https://specs.apollo.dev/" + spec.name + "/v0.1\", for: SECURITY"
                        + (name.equals(spec.name) ? "" : ", import: [{name: \"@" + spec.name + "\", as: \"@" + name + "\"}]") + ")");
                directives.put(name, definition(spec, name));
                if (spec.scalar != null) {
                    merged.put(spec.scalar, new MergedType(spec.scalar, TypeKind.SCALAR));
                }
            }
            return links;
        }

        /** Every subgraph must import a spec's directive under the same name. */
        private void checkNames() {
            Map<Spec, String> firstSubgraph = new EnumMap<>(Spec.class);
            for (Subgraph subgraph : subgraphs) {
                for (SubgraphType type : subgraph.types().values()) {
                    List<Access> accesses = new ArrayList<>();
                    accesses.add(type.access);
                    type.fields.values().forEach(field -> accesses.add(field.access));
                    for (Access access : accesses) {
                        access.localNames.forEach((spec, name) -> {
                            String known = names.putIfAbsent(spec, name);
                            firstSubgraph.putIfAbsent(spec, subgraph.name());
                            if (known != null && !known.equals(name)) {
                                errors.add("The \"@" + spec.name + "\" directive is imported with mismatched name between subgraphs: it is imported as \"@"
                                        + name + "\" in subgraph \"" + subgraph.name() + "\" but \"@" + known + "\" in subgraph \""
                                        + firstSubgraph.get(spec) + "\"");
                                names.put(spec, name);
                            }
                        });
                    }
                }
            }
        }

        /** An interface, and each of its fields, needs what every implementation (and its field) needs. */
        private void inheritFromImplementations() {
            for (MergedType itf : merged.values()) {
                if (itf.kind != TypeKind.INTERFACE) {
                    continue;
                }
                for (MergedType implementation : merged.values()) {
                    if (!implementation.interfaces.contains(itf.name)) {
                        continue;
                    }
                    typeAccess.get(itf.name).and(typeAccess.get(implementation.name));
                    for (String fieldName : itf.fields.keySet()) {
                        Access implemented = fieldAccess.get(implementation.name + "." + fieldName);
                        if (implemented != null) {
                            fieldAccess.get(itf.name + "." + fieldName).and(implemented);
                        }
                    }
                }
            }
        }

        private String name(Spec spec) {
            return names.getOrDefault(spec, spec.name);
        }

        private List<String> render(Access access) {
            List<String> rendered = new ArrayList<>();
            access.requirements.forEach((spec, alternatives) -> rendered.add("@" + name(spec) + (spec.argument == null ? ""
                    : "(" + spec.argument + ": " + alternatives.stream()
                            .map(group -> group.stream().map(item -> AstPrinter.printAst(StringValue.of(item)))
                                    .collect(Collectors.joining(", ", "[", "]")))
                            .collect(Collectors.joining(", ", "[", "]")) + ")")));
            return rendered;
        }

        private static MergedDirective definition(Spec spec, String name) {
            MergedField signature = new MergedField(name);
            if (spec.argument != null) {
                MergedField argument = new MergedField(spec.argument);
                argument.type = new NonNullType(new ListType(new NonNullType(new ListType(new NonNullType(new TypeName(spec.scalar))))));
                signature.arguments.put(spec.argument, argument);
            }
            return new MergedDirective(name, null, false, LOCATIONS, signature);
        }
    }
}
