package org.plenum.gateway.engine;

import graphql.schema.DataFetcher;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Subgraph errors with rewritten paths, null entities, non-null bubbling, dead subgraphs. */
class ErrorsTest {

    private static final List<Map<String, Object>> PRODUCTS = List.of(
            Map.of("__typename", "Product", "id", "1", "sku", "s1", "name", "Chair"),
            Map.of("__typename", "Product", "id", "2", "sku", "s2", "name", "Table"),
            Map.of("__typename", "Product", "id", "3", "sku", "s3", "name", "Lamp"));

    private FakeSubgraphClient client(Map<String, DataFetcher<?>> inventoryFetchers) {
        return new FakeSubgraphClient()
                .with("catalog", new FakeSubgraph(Fixtures.subgraphSdl("keys", "catalog"), Map.of(),
                        Map.of("topProducts", PRODUCTS), Map.of("Query.product", env -> PRODUCTS.get(0))))
                .with("inventory", new FakeSubgraph(Fixtures.subgraphSdl("keys", "inventory"),
                        Map.of("Product", List.of(Map.of("__typename", "Product", "sku", "s1", "stock", 5),
                                Map.of("__typename", "Product", "sku", "s3", "stock", 7))),
                        Map.of(), inventoryFetchers));
    }

    @Test
    void rewritesEntityErrorPathsToTheClientsListPositions() {
        FakeSubgraphClient client = client(Map.of("Product.warehouse", env -> {
            throw new IllegalStateException("warehouse database down");
        }));

        GatewayResponse response = Fixtures.run(Fixtures.gateway("keys", client), "{ topProducts { id name warehouse { code } } }");

        List<Map<String, Object>> errors = errors(response);
        assertEquals(List.of(List.of("topProducts", 0, "warehouse"), List.of("topProducts", 2, "warehouse")),
                errors.stream().filter(e -> ((Map<?, ?>) e.get("extensions")).get("serviceName").equals("inventory"))
                        .map(e -> e.get("path")).toList());
        List<?> products = (List<?>) ((Map<?, ?>) response.body().get("data")).get("topProducts");
        assertEquals(map("id", "1", "name", "Chair", "warehouse", null), products.get(0));
    }

    @Test
    void bubblesANullEntityToTheNearestNullableParent() {
        // Product s2 is unknown to inventory: its non-null stock is null, so the list item (non-null) and
        // then the non-null list make topProducts' parent, data, null.
        GatewayResponse response = Fixtures.run(Fixtures.gateway("keys", client(Map.of())), "{ topProducts { name stock } }");

        assertEquals(null, response.body().get("data"));
        assertEquals(List.of("topProducts", 1, "stock"), errors(response).get(0).get("path"));
        assertFalse(response.requestError());
    }

    @Test
    void keepsTheRestOfTheResponseWhenASubgraphIsDown() {
        FakeSubgraphClient client = client(Map.of()).down("inventory");

        GatewayResponse response = Fixtures.run(Fixtures.gateway("keys", client),
                "{ product(id: \"1\") { name warehouse { code } } }");

        // product itself is nullable: its warehouse is null, name stands
        assertEquals(Map.of("product", map("name", "Chair", "warehouse", null)), response.body().get("data"));
        Map<String, Object> error = errors(response).get(0);
        assertEquals("SUBGRAPH_UNAVAILABLE", ((Map<?, ?>) error.get("extensions")).get("code"));
    }

    @Test
    void givesEachRootFieldOfAFailedFetchItsOwnErrorAtItsPath() {
        FakeSubgraphClient client = client(Map.of()).down("catalog");

        GatewayResponse response = Fixtures.run(Fixtures.gateway("keys", client),
                "{ chair: product(id: \"1\") { name } table: product(id: \"2\") { name } }");

        assertEquals(map("chair", null, "table", null), response.body().get("data"));
        assertEquals(List.of(List.of("chair"), List.of("table")), errors(response).stream().map(e -> e.get("path")).toList());
        errors(response).forEach(error -> assertEquals(Map.of("code", "SUBGRAPH_UNAVAILABLE", "serviceName", "catalog"),
                error.get("extensions")));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> errors(GatewayResponse response) {
        return (List<Map<String, Object>>) response.body().get("errors");
    }

    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
