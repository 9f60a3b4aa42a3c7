package org.plenum.gateway.engine.compose;

import graphql.language.AstPrinter;
import graphql.language.Directive;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The type-system directives composition carries into the supergraph: {@code @inaccessible} and {@code @tag}
 * (federation), {@code @deprecated} and {@code @specifiedBy} (built in), {@code @cost} and {@code @listSize} (federation
 * v2.9, see {@link CostSpec}), and those kept by {@code @composeDirective}.
 * A repeatable one ({@code @tag}) keeps every distinct application; a non-repeatable one keeps the application most
 * subgraphs agree on.
 */
final class AppliedDirectives {

    /** One application as printed in the supergraph, e.g. {@code @tag(name: "public")}, and as the subgraph wrote it. */
    record Applied(String name, String text, boolean repeatable, Directive directive) {
    }

    static final String INACCESSIBLE = "@inaccessible";
    private static final Set<String> BUILT_IN = Set.of("deprecated", "specifiedBy");

    private AppliedDirectives() {
    }

    /**
     * The carried directives among {@code directives}, under their supergraph names; {@code composed} gives the
     * directives kept by {@code @composeDirective} and whether each is repeatable.
     */
    static List<Applied> read(List<Directive> directives, LinkedSpecs specs, Map<String, Boolean> composed) {
        List<Applied> applied = new ArrayList<>();
        for (Directive directive : directives) {
            String canonical = specs.canonicalDirective(directive.getName());
            String name = BUILT_IN.contains(directive.getName()) || composed.containsKey(directive.getName())
                    ? directive.getName()
                    : "inaccessible".equals(canonical) || "tag".equals(canonical) || CostSpec.isCostDirective(canonical)
                    ? canonical : null;
            if (name != null) {
                String arguments = directive.getArguments().stream()
                        .map(arg -> arg.getName() + ": " + AstPrinter.printAst(arg.getValue()))
                        .collect(Collectors.joining(", ", "(", ")"));
                boolean repeatable = name.equals("tag") || composed.getOrDefault(name, false);
                applied.add(new Applied(name, "@" + name + (directive.getArguments().isEmpty() ? "" : arguments), repeatable,
                        directive));
            }
        }
        return applied;
    }

    /** Merges the applications found on one element across subgraphs. */
    static List<String> merge(Stream<List<Applied>> perSubgraph) {
        Map<String, Map<String, Integer>> countsByName = new LinkedHashMap<>();
        Map<String, List<Applied>> costDirectives = new LinkedHashMap<>();
        Set<String> repeatable = new HashSet<>();
        perSubgraph.flatMap(List::stream).forEach(applied -> {
            if (CostSpec.isCostDirective(applied.name())) {
                costDirectives.computeIfAbsent(applied.name(), name -> new ArrayList<>()).add(applied);
                return;
            }
            countsByName.computeIfAbsent(applied.name(), name -> new LinkedHashMap<>()).merge(applied.text(), 1, Integer::sum);
            if (applied.repeatable()) {
                repeatable.add(applied.name());
            }
        });
        List<String> merged = new ArrayList<>();
        countsByName.forEach((name, counts) -> {
            if (repeatable.contains(name)) {
                merged.addAll(new LinkedHashSet<>(counts.keySet()));
            } else {
                counts.entrySet().stream().reduce((a, b) -> b.getValue() > a.getValue() ? b : a)
                        .ifPresent(most -> merged.add(most.getKey()));
            }
        });
        costDirectives.forEach((name, applications) -> merged.add(CostSpec.merge(name, applications)));
        return merged;
    }
}
