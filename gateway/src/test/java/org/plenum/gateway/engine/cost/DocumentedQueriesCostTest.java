package org.plenum.gateway.engine.cost;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The default demand control (plenum.gateway.demand-control.*: enforce, max-cost 50000, list-size 10) over the
 * supergraph of the sample subgraphs (their live SDLs, composed by @apollo/composition): the queries of the README,
 * the benchmark and the end-to-end tests pass; the issue's fan-out query is refused.
 */
class DocumentedQueriesCostTest {

    /** The composer comparison's fixture: the sample subgraphs' live SDLs and Apollo's supergraph of them. */
    private static final CostFixture PLENUM = CostFixture.at("/compose/federation29-smallrye/supergraph.graphql");
    private static final DemandControl DEFAULTS = PLENUM.demandControl(DemandControlOptions.defaults());

    private static final String FAN_OUT = "{ speakers(first:100) { edges { node { topics { speakers { topics { speakers"
            + " { topics { speakers { topics { speakers { id } } } } } } } } } } } }";

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            README          | { speakers(first: 20) { edges { node { name role topics { title speakers { name } quotes { text } } } } } } | 4241
            bench single    | { topics(first: 50) { edges { node { id title keywords } } } }                                              | 101
            bench nested    | { speakers(first: 20) { edges { node { name topics { title speakers { name } } } } } }                       | 2241
            bench deep      | { speakers(first: 3) { edges { node { name topics { title quotes { text speaker { name topics { title } } } } } } } } | 3637
            FederationIT    | { speakers(first: 20) { edges { node { id name topics { id title speakers { id name quotes { id text } } } } } } } | 22241
            default page    | { topics { totalCount edges { node { id } } } }                                                             | 41
            """)
    void documentedQueriesPassTheDefaultMaximum(String where, String query, long expected) {
        OperationCost cost = estimate(query);

        assertEquals(expected, OperationCost.whole(cost.estimated()), where);
        assertNull(DEFAULTS.refusal(cost), where);
    }

    @Test
    void theBenchmarkMutationPasses() {
        OperationCost cost = estimate("mutation Create($input: TopicInput!) { createTopic(input: $input) { id title keywords } }",
                Map.of("input", Map.of("title", "bench 1", "keywords", List.of("bench", "load"))));

        assertEquals(11, cost.estimated());
        assertNull(DEFAULTS.refusal(cost));
    }

    @Test
    void theFanOutQueryOfTheIssueIsRefused() {
        OperationCost cost = estimate(FAN_OUT);

        // 1 + 100 x (edge 1 + node 1 + eight nested lists of the default size 10)
        assertEquals(11_111_111_201L, OperationCost.whole(cost.estimated()));
        String refusal = DEFAULTS.refusal(cost);
        assertNotNull(refusal);
        assertTrue(refusal.contains("11111111201") && refusal.contains("50000"), refusal);
    }

    private static OperationCost estimate(String query) {
        return estimate(query, Map.of());
    }

    private static OperationCost estimate(String query, Map<String, Object> variables) {
        CostFixture.Operation operation = PLENUM.operation(query, variables);
        return DEFAULTS.estimate(operation.definition(), operation.fragments(), operation.variables());
    }
}
