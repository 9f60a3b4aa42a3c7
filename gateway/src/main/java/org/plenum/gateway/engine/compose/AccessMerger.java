package org.plenum.gateway.engine.compose;

import graphql.language.AstPrinter;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.StringValue;
import graphql.language.TypeName;
import org.plenum.gateway.engine.compose.AccessDirectives.Access;
import org.plenum.gateway.engine.compose.AccessDirectives.Spec;

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
 * Merges the subgraphs' {@link AccessDirectives} into the supergraph's types and fields as {@code @apollo/composition}
 * does (an interface and its fields also get what every implementation needs), and adds the specs' {@code @link}s
 * (under the names the subgraphs import them as), directive definitions and scalars.
 */
final class AccessMerger {

    private static final List<String> LOCATIONS = List.of("FIELD_DEFINITION", "OBJECT", "INTERFACE", "SCALAR", "ENUM");

    private final List<Subgraph> subgraphs;
    private final Map<String, MergedType> merged;
    private final List<String> errors;
    private final Map<String, Access> typeAccess = new LinkedHashMap<>();
    private final Map<String, Access> fieldAccess = new LinkedHashMap<>();
    private final Map<Spec, String> names = new EnumMap<>(Spec.class);

    AccessMerger(List<Subgraph> subgraphs, Map<String, MergedType> merged, List<String> errors) {
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

    /** Every subgraph must import a spec's directive under the same name (the first subgraph's, in the error). */
    private void checkNames() {
        Map<Spec, Map<String, Set<String>>> subgraphsByName = new EnumMap<>(Spec.class);
        for (Subgraph subgraph : subgraphs) {
            for (SubgraphType type : subgraph.types().values()) {
                List<Access> accesses = new ArrayList<>();
                accesses.add(type.access);
                type.fields.values().forEach(field -> accesses.add(field.access));
                accesses.forEach(access -> access.localNames.forEach((spec, name) -> subgraphsByName
                        .computeIfAbsent(spec, s -> new LinkedHashMap<>())
                        .computeIfAbsent(name, n -> new LinkedHashSet<>()).add(subgraph.name())));
            }
        }
        int federationMinor = subgraphs.stream().mapToInt(Subgraph::federationMinorVersion).max().orElse(0);
        subgraphsByName.forEach((spec, byName) -> {
            String reference = byName.keySet().iterator().next();
            names.put(spec, reference);
            if (byName.size() > 1) {
                String others = byName.entrySet().stream().filter(entry -> !entry.getKey().equals(reference))
                        .map(entry -> "\"@" + entry.getKey() + "\" in " + FieldMerger.subgraphList(List.copyOf(entry.getValue())))
                        .collect(Collectors.joining(", "));
                errors.add("The \"@" + spec.name + "\" directive (from https://specs.apollo.dev/federation/v2." + federationMinor
                        + ") is imported with mismatched name between subgraphs: it is imported as " + others + " but \"@"
                        + reference + "\" in " + FieldMerger.subgraphList(List.copyOf(byName.get(reference))));
            }
        });
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
