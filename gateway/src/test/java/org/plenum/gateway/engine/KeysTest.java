package org.plenum.gateway.engine;

import graphql.schema.DataFetcher;
import org.junit.jupiter.api.Test;
import org.plenum.gateway.engine.subgraph.SubgraphRequest;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Composite and multiple keys, entity chains over three subgraphs, a shared root field. */
class KeysTest {

    private static final Map<String, Object> CHAIR = Map.of("__typename", "Product", "id", "1", "sku", "s1", "name", "Chair");
    private static final Map<String, Object> TABLE = Map.of("__typename", "Product", "id", "2", "sku", "s2", "name", "Table");

    private final FakeSubgraphClient client = new FakeSubgraphClient()
            .with("catalog", new FakeSubgraph(Fixtures.subgraphSdl("keys", "catalog"),
                    Map.of("Product", List.of(CHAIR, TABLE)), Map.of("topProducts", List.of(CHAIR, TABLE)),
                    Map.<String, DataFetcher<?>>of("Query.product",
                            env -> "1".equals(env.getArgument("id")) ? CHAIR : "2".equals(env.getArgument("id")) ? TABLE : null)))
            .with("inventory", new FakeSubgraph(Fixtures.subgraphSdl("keys", "inventory"),
                    Map.of("Product", List.of(
                            Map.of("__typename", "Product", "sku", "s1", "stock", 5,
                                    "warehouse", Map.of("__typename", "Warehouse", "code", "W1", "region", Map.of("id", "eu"))),
                            Map.of("__typename", "Product", "sku", "s2", "stock", 0))),
                    Map.of("topProducts", List.of(Map.of("__typename", "Product", "sku", "s2", "stock", 0))), Map.of()))
            .with("shipping", new FakeSubgraph(Fixtures.subgraphSdl("keys", "shipping"),
                    Map.of("Warehouse", List.of(Map.of("__typename", "Warehouse", "code", "W1", "region", Map.of("id", "eu"),
                            "address", "Main St 1"))), Map.of(), Map.of()));

    private final Gateway gateway = Fixtures.gateway("keys", client);

    @Test
    void followsEntityJumpsThroughTheKeyEachSubgraphKnows() {
        GatewayResponse response = Fixtures.run(gateway, "{ product(id: \"1\") { name stock warehouse { address } } }");

        assertEquals(Map.of("data", Map.of("product", Map.of("name", "Chair", "stock", 5,
                "warehouse", Map.of("address", "Main St 1")))), response.body(), gateway.explain("{ product(id: \"1\") { name stock warehouse { address } } }", null));
        assertEquals(3, client.requests().size());
        SubgraphRequest inventory = client.requestsTo("inventory").get(0);
        assertEquals(List.of(Map.of("__typename", "Product", "sku", "s1")), inventory.variables().get("representations"));
        SubgraphRequest shipping = client.requestsTo("shipping").get(0);
        assertEquals(List.of(Map.of("__typename", "Warehouse", "code", "W1", "region", Map.of("id", "eu"))),
                shipping.variables().get("representations"));
    }

    @Test
    void sendsOneEntityRequestPerSubgraphForAListAndKeepsOrder() {
        GatewayResponse response = Fixtures.run(gateway, "{ topProducts { name stock } }");

        assertFalse(response.requestError());
        Map<String, Object> data = (Map<String, Object>) response.body().get("data");
        // topProducts is shared; it is resolved by catalog, which also has name, then stock from inventory
        assertEquals(List.of(Map.of("name", "Chair", "stock", 5), Map.of("name", "Table", "stock", 0)), data.get("topProducts"));
        assertEquals(2, client.requests().size());
        assertEquals(2, ((List<?>) client.requestsTo("inventory").get(0).variables().get("representations")).size());
    }

    @Test
    void anEntityAtSeveralPlacesIsAskedForOnceAndCompletesEveryPlace() {
        Map<String, Object> warehouse = Map.of("__typename", "Warehouse", "code", "W1", "region", Map.of("id", "eu"));
        Map<String, Object> chairStock = Map.of("__typename", "Product", "sku", "s1", "stock", 5, "warehouse", warehouse);
        Map<String, Object> tableStock = Map.of("__typename", "Product", "sku", "s2", "stock", 0, "warehouse", warehouse);
        // either subgraph may answer the shared root field: both have the chair twice
        FakeSubgraphClient repeated = new FakeSubgraphClient()
                .with("catalog", new FakeSubgraph(Fixtures.subgraphSdl("keys", "catalog"), Map.of("Product", List.of(CHAIR, TABLE)),
                        Map.of("topProducts", List.of(CHAIR, TABLE, CHAIR)), Map.of()))
                .with("inventory", new FakeSubgraph(Fixtures.subgraphSdl("keys", "inventory"),
                        Map.of("Product", List.of(chairStock, tableStock)),
                        Map.of("topProducts", List.of(chairStock, tableStock, chairStock)), Map.of()))
                .with("shipping", new FakeSubgraph(Fixtures.subgraphSdl("keys", "shipping"), Map.of("Warehouse", List.of(
                        Map.of("__typename", "Warehouse", "code", "W1", "region", Map.of("id", "eu"), "address", "Main St 1"))),
                        Map.of(), Map.of()));

        GatewayResponse response = Fixtures.run(Fixtures.gateway("keys", repeated),
                "{ topProducts { name stock warehouse { address } } }");

        Map<String, Object> address = Map.of("address", "Main St 1");
        assertEquals(Map.of("topProducts", List.of(Map.of("name", "Chair", "stock", 5, "warehouse", address),
                Map.of("name", "Table", "stock", 0, "warehouse", address),
                Map.of("name", "Chair", "stock", 5, "warehouse", address))), response.body().get("data"));
        // the chair twice, one warehouse (a key with a nested object) three times: each representation sent once
        for (SubgraphRequest request : repeated.requests()) {
            if (request.variables().get("representations") instanceof List<?> representations) {
                assertEquals(representations.size(), Set.copyOf(representations).size(), representations.toString());
            }
        }
        assertEquals(List.of(warehouse), repeated.requestsTo("shipping").get(0).variables().get("representations"));
    }

    @Test
    void explainShowsTheFetchesInOrder() {
        String plan = gateway.explain("{ product(id: \"1\") { name stock warehouse { address } } }", null);

        assertTrue(plan.contains("Fetch(service: \"catalog\")"), plan);
        assertTrue(plan.contains("Flatten(path: \"product\")"), plan);
        assertTrue(plan.contains("Flatten(path: \"product.warehouse\")"), plan);
        assertTrue(plan.indexOf("\"catalog\"") < plan.indexOf("\"inventory\"")
                && plan.indexOf("\"inventory\"") < plan.indexOf("\"shipping\""), plan);
    }

    @Test
    void reachesAKeyThroughAnotherSubgraphAndSkipsEntitiesWhoseKeyIsNull() {
        FakeSubgraphClient chain = new FakeSubgraphClient()
                .with("shelves", new FakeSubgraph(Fixtures.subgraphSdl("key-chain", "shelves"), Map.of(),
                        Map.of("shelves", List.of(Map.of("item", Map.of("__typename", "Item", "code", "c1")),
                                Map.of("item", Map.of("__typename", "Item", "code", "c2")),
                                Map.of("item", Map.of("__typename", "Item", "code", "c3")))), Map.of()))
                .with("registry", new FakeSubgraph(Fixtures.subgraphSdl("key-chain", "registry"),
                        Map.of("Item", List.of(Map.of("__typename", "Item", "code", "c1", "serial", "s1"),
                                Map.of("__typename", "Item", "code", "c2", "serial", "s2"))), Map.of(), Map.of()))
                .with("makers", new FakeSubgraph(Fixtures.subgraphSdl("key-chain", "makers"),
                        Map.of("Item", List.of(Map.of("__typename", "Item", "serial", "s1", "maker", "Acme"),
                                Map.of("__typename", "Item", "serial", "s2", "maker", "Globex"))), Map.of(), Map.of()));
        Gateway gateway = Fixtures.gateway("key-chain", chain);

        GatewayResponse response = Fixtures.run(gateway, "{ shelves { item { code maker } } }");

        Map<String, Object> unknown = new java.util.LinkedHashMap<>();
        unknown.put("code", "c3");
        unknown.put("maker", null);
        assertEquals(Map.of("shelves", List.of(Map.of("item", Map.of("code", "c1", "maker", "Acme")),
                Map.of("item", Map.of("code", "c2", "maker", "Globex")), Map.of("item", unknown))), response.body().get("data"));
        assertEquals(List.of("shelves", "registry", "makers"), chain.requests().stream().map(SubgraphRequest::subgraph).toList());
        assertEquals(2, ((List<?>) chain.requestsTo("makers").get(0).variables().get("representations")).size());
    }
}
