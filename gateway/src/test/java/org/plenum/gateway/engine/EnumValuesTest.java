package org.plenum.gateway.engine;

import graphql.schema.DataFetcher;
import org.junit.jupiter.api.Test;
import org.plenum.gateway.engine.subgraph.SubgraphRequest;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Enum values only some subgraphs define (@join__enumValue): a subgraph may lack a value it never returns, but is
 * never sent one; a field whose arguments carry it goes to a subgraph that has it, else planning fails.
 */
class EnumValuesTest {

    private static final Map<String, Object> P1 = Map.of("__typename", "Product", "id", "p1", "name", "Lamp", "status", "DRAFT");
    private static final Map<String, Object> P2 = Map.of("__typename", "Product", "id", "p2", "name", "Desk", "status", "ACTIVE");

    @Test
    void returnsAnOutputEnumValueThatOnlyTheResolvingSubgraphDefines() {
        FakeSubgraphClient client = new FakeSubgraphClient()
                .with("a", new FakeSubgraph(Fixtures.subgraphSdl("enum-values-partial", "a"),
                        Map.of("Product", List.of(P1)), Map.of("products", List.of(P1)), Map.of()))
                .with("b", new FakeSubgraph(Fixtures.subgraphSdl("enum-values-partial", "b"),
                        Map.of("Product", List.of(Map.of("__typename", "Product", "id", "p1", "price", 12, "status", "ACTIVE"))),
                        Map.of(), Map.of()));

        GatewayResponse response = Fixtures.run(Fixtures.gateway("enum-values-partial", client),
                "{ products { id name price status } }");

        assertEquals(Map.of("data", Map.of("products", List.of(
                Map.of("id", "p1", "name", "Lamp", "price", 12, "status", "DRAFT")))), response.body());
    }

    @Test
    void refusesAnInputEnumValueThatCompositionLeftOutOfTheApi() {
        GatewayResponse response = Fixtures.run(Fixtures.gateway("enum-values-partial", new FakeSubgraphClient()),
                "{ products(order: CHEAPEST) { id } }");

        assertEquals("GRAPHQL_VALIDATION_FAILED", code(response));
    }

    private final FakeSubgraphClient client = new FakeSubgraphClient()
            .with("a", new FakeSubgraph(Fixtures.subgraphSdl("enum-values-partial-input", "a"),
                    Map.of("Product", List.of(P1, P2)), Map.of(),
                    Map.of("Query.products", filtered(List.of(P2)), "Query.drafts", env -> List.of(P1))))
            .with("b", new FakeSubgraph(Fixtures.subgraphSdl("enum-values-partial-input", "b"),
                    Map.of("Product", List.of(P1, P2)), Map.of(),
                    Map.of("Query.products", filtered(List.of(P1, P2)),
                            "Product.label", env -> env.<Map<String, Object>>getSource().get("name") + " (" + env.getArgument("status") + ")")));

    private final Gateway gateway = Fixtures.gateway("enum-values-partial-input", client);

    @Test
    void sendsAListOfEnumValuesToTheSharingSubgraphThatDefinesThem() {
        GatewayResponse response = Fixtures.run(gateway, "{ products(statuses: [DRAFT]) { id status } }");

        assertEquals(Map.of("data", Map.of("products", List.of(Map.of("id", "p1", "status", "DRAFT")))), response.body());
        assertEquals(List.of("b"), subgraphs());
    }

    @Test
    void sendsAnEnumValueInAnInputObjectToTheSubgraphThatDefinesIt() {
        GatewayResponse response = Fixtures.run(gateway,
                "{ products(filter: { status: DRAFT, tags: [\"new\"] }) { id name } }");

        assertEquals(Map.of("data", Map.of("products", List.of(Map.of("id", "p1", "name", "Lamp")))), response.body());
        assertEquals(List.of("b", "a"), subgraphs());
    }

    @Test
    void plansByTheEnumValuesVariablesCarry() {
        String query = "query($filter: ProductFilter) { products(filter: $filter) { id status } }";

        GatewayResponse draft = Fixtures.run(gateway, query, Map.of("filter", Map.of("status", "DRAFT")));
        GatewayResponse active = Fixtures.run(gateway, query, Map.of("filter", Map.of("status", "ACTIVE")));

        assertEquals(Map.of("data", Map.of("products", List.of(Map.of("id", "p1", "status", "DRAFT")))), draft.body());
        assertEquals(Map.of("data", Map.of("products", List.of(Map.of("id", "p2", "status", "ACTIVE")))), active.body());
        assertEquals(List.of("b", "a"), subgraphs());
    }

    @Test
    void sendsAListVariableWithAnEnumValueOnlyToTheSubgraphThatDefinesIt() {
        GatewayResponse response = Fixtures.run(gateway,
                "query($statuses: [Status!]) { products(statuses: $statuses) { id } }", Map.of("statuses", List.of("DRAFT")));

        assertEquals(Map.of("data", Map.of("products", List.of(Map.of("id", "p1")))), response.body());
        assertEquals(List.of("b"), subgraphs());
    }

    @Test
    void sendsAVariablesDefaultOnlyToASubgraphThatDefinesItsEnumValues() {
        String query = "query($s: [Status!] = [DRAFT]) { products(statuses: $s) { id } }";

        GatewayResponse given = Fixtures.run(gateway, query, Map.of("s", List.of("ACTIVE")));
        GatewayResponse defaulted = Fixtures.run(gateway, query);

        assertEquals(Map.of("data", Map.of("products", List.of(Map.of("id", "p2")))), given.body());
        assertEquals(Map.of("data", Map.of("products", List.of(Map.of("id", "p1")))), defaulted.body());
        assertEquals(List.of("a", "b"), subgraphs());
    }

    @Test
    void keepsANullableVariableWithADefaultValidForANonNullPositionWhenItsDefaultIsLeftOut() {
        GatewayResponse response = Fixtures.run(gateway,
                "query($s: Status = DRAFT) { products(statuses: [$s]) { id } }", Map.of("s", "ACTIVE"));

        assertEquals(Map.of("data", Map.of("products", List.of(Map.of("id", "p2")))), response.body());
        assertEquals(List.of("a"), subgraphs());
    }

    @Test
    void jumpsToTheSubgraphThatDefinesTheEnumValueOfAnEntityFieldsArgument() {
        GatewayResponse response = Fixtures.run(gateway, "{ drafts { id label(status: DRAFT) } }");

        assertEquals(Map.of("data", Map.of("drafts", List.of(Map.of("id", "p1", "label", "Lamp (DRAFT)")))), response.body());
        assertEquals(List.of("a", "b"), subgraphs());
    }

    @Test
    void failsPlanningWhenNoSubgraphResolvingTheFieldDefinesTheValue() {
        GatewayResponse literal = Fixtures.run(gateway, "{ drafts(status: DRAFT) { id } }");
        GatewayResponse variable = Fixtures.run(gateway, "query($s: Status) { drafts(status: $s) { id } }", Map.of("s", "DRAFT"));

        for (GatewayResponse response : List.of(literal, variable)) {
            assertNull(response.body().get("data"));
            assertEquals("QUERY_PLANNING_FAILED", code(response));
            assertEquals("Query.drafts cannot be resolved with these arguments: no subgraph that resolves it knows every"
                    + " enum value they carry (Status.DRAFT)", error(response).get("message"));
        }
        assertEquals(List.of(), subgraphs());
    }

    /** Products whose status is among the arguments' (statuses or filter.status), or all. */
    private static DataFetcher<?> filtered(List<Map<String, Object>> products) {
        return env -> {
            List<?> statuses = env.getArgument("statuses");
            Map<String, Object> filter = env.getArgument("filter");
            Object status = filter == null ? null : filter.get("status");
            return products.stream().filter(p -> (statuses == null || statuses.contains(p.get("status")))
                    && (status == null || status.equals(p.get("status")))).toList();
        };
    }

    private List<String> subgraphs() {
        return client.requests().stream().map(SubgraphRequest::subgraph).toList();
    }

    private static Map<?, ?> error(GatewayResponse response) {
        return (Map<?, ?>) ((List<?>) response.body().get("errors")).get(0);
    }

    private static Object code(GatewayResponse response) {
        return ((Map<?, ?>) error(response).get("extensions")).get("code");
    }
}
