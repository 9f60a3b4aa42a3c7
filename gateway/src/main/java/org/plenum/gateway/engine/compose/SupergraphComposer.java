package org.plenum.gateway.engine.compose;

import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import graphql.schema.idl.errors.SchemaProblem;
import graphql.schema.validation.InvalidSchemaException;
import org.plenum.gateway.engine.supergraph.Supergraph;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Composes Federation subgraph SDLs into a supergraph SDL (link v1.0 + join v0.3, or v0.4/v0.5 when a subgraph
 * links federation v2.7/v2.8 or later), like {@code @apollo/composition}: the merge rules and the merge-time
 * validations, then the satisfiability validation ({@link SatisfiabilityCheck}).
 */
public final class SupergraphComposer {

    private SupergraphComposer() {
    }

    /** @throws CompositionException listing every problem found, each naming subgraph, type and field */
    public static String compose(List<SubgraphDefinition> definitions) {
        List<String> errors = new ArrayList<>();
        if (definitions == null || definitions.isEmpty()) {
            throw new CompositionException(List.of("No subgraphs to compose"));
        }
        List<Subgraph> subgraphs = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (SubgraphDefinition definition : definitions) {
            if (!names.add(definition.name())) {
                errors.add("[" + definition.name() + "] A subgraph named \"" + definition.name() + "\" is given twice");
                continue;
            }
            Subgraph subgraph = SubgraphReader.read(definition, errors);
            if (subgraph != null) {
                subgraphs.add(subgraph);
            }
        }
        if (!errors.isEmpty()) {
            throw new CompositionException(errors);
        }
        subgraphs.sort(Comparator.comparing(Subgraph::name));
        for (Subgraph subgraph : subgraphs) {
            if (subgraph.isFederation2()) {
                subgraph.analyse();
            } else {
                Federation1Upgrade.apply(subgraph, subgraphs);
            }
        }
        Map<String, String[]> graphs = graphEnum(subgraphs);
        SupergraphMerger merger = new SupergraphMerger(subgraphs, List.copyOf(graphs.keySet()));
        var types = merger.merge();
        if (!merger.errors().isEmpty()) {
            throw new CompositionException(merger.errors());
        }
        String supergraph = SupergraphWriter.write(joinMinorVersion(subgraphs), graphs, types, merger.directives(),
                merger.featureLinks());
        checkBuilds(supergraph);
        List<String> unsatisfiable = SatisfiabilityCheck.check(Supergraph.parse(supergraph));
        if (!unsatisfiable.isEmpty()) {
            throw new CompositionException(CompositionException.SATISFIABILITY_ERROR, unsatisfiable);
        }
        return supergraph;
    }

    /**
     * The last guard, for what the merge-time checks do not see (e.g. an input default whose enum value did not
     * survive the intersection): the supergraph must build as a GraphQL schema.
     */
    private static void checkBuilds(String supergraph) {
        try {
            UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().parse(supergraph));
        } catch (SchemaProblem | InvalidSchemaException e) {
            throw new CompositionException(List.of("The composed supergraph is not a valid schema: " + e.getMessage()));
        }
    }

    /** {@code join__Graph} values: the subgraph names upper-cased, other characters as '_', made unique. */
    private static Map<String, String[]> graphEnum(List<Subgraph> subgraphs) {
        Map<String, String[]> graphs = new LinkedHashMap<>();
        for (Subgraph subgraph : subgraphs) {
            String base = subgraph.name().toUpperCase().replaceAll("[^A-Z0-9_]", "_");
            if (base.isEmpty() || Character.isDigit(base.charAt(0))) {
                base = "_" + base;
            }
            String value = base;
            for (int suffix = 1; graphs.containsKey(value); suffix++) {
                value = base + "_" + suffix;
            }
            graphs.put(value, new String[] {subgraph.name(), subgraph.url()});
        }
        return graphs;
    }

    /** As {@code @apollo/composition}: federation up to v2.6 -> join v0.3, v2.7 -> v0.4, v2.8 and later -> v0.5. */
    private static int joinMinorVersion(List<Subgraph> subgraphs) {
        int federationMinor = subgraphs.stream().mapToInt(Subgraph::federationMinorVersion).max().orElse(-1);
        return federationMinor >= 8 ? 5 : federationMinor == 7 ? 4 : 3;
    }
}
