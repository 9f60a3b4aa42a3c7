package org.plenum.gateway.engine;

import graphql.schema.DataFetcher;
import org.junit.jupiter.api.Test;
import org.plenum.gateway.engine.subgraph.SubgraphRequest;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Arguments a subgraph's field takes from an ancestor's context (@context / @fromContext): clients never send them,
 * each entity gets the value of its own nearest ancestor with the context, and entities with different values are
 * fetched apart, so that one with the same key under two ancestors gets each its answer.
 */
class ContextArgumentsTest {

    private static final Map<String, Object> CART = Map.of("id", "c1", "items", List.of(Map.of("sku", "s1"), Map.of("sku", "s2")));
    private static final Map<String, Object> DEAL = Map.of("__typename", "Deal", "id", "d1", "title", "Spring");

    private final FakeSubgraphClient client = new FakeSubgraphClient()
            .with("accounts", new FakeSubgraph(Fixtures.subgraphSdl("context", "accounts"),
                    Map.of("User", List.of(user("u1", "EUR"), user("u2", "USD"), user("u3", "EUR"))),
                    Map.of("users", List.of(user("u1", "EUR"), user("u2", "USD"), user("u3", "EUR"))), Map.of()))
            .with("shop", new FakeSubgraph(Fixtures.subgraphSdl("context", "shop"),
                    Map.of("User", List.of(customer("u1"), customer("u2"), customer("u3")),
                            "Item", List.of(Map.of("__typename", "Item", "sku", "s1"), Map.of("__typename", "Item", "sku", "s2")),
                            "Deal", List.of(DEAL)),
                    Map.of("stores", List.of(
                            store("st1", "north", List.of(customer("u1"), customer("u2"))),
                            store("st2", "south", List.of(customer("u3"))))),
                    Map.<String, DataFetcher<?>>of(
                            "Item.price", env -> source(env.getSource(), "sku") + " in " + env.getArgument("currency"),
                            "Deal.discount", env -> source(env.getSource(), "id") + " in " + env.getArgument("region")
                                    + " at " + env.getArgument("percent"))));

    private final Gateway gateway = Fixtures.gateway("context", client);

    @Test
    void givesEachParentsEntitiesTheirOwnValue() {
        GatewayResponse response = Fixtures.run(gateway, "{ users { id cart { items { sku price } } } }");

        assertEquals(Map.of("data", Map.of("users", List.of(
                Map.of("id", "u1", "cart", Map.of("items", List.of(item("s1", "s1 in EUR"), item("s2", "s2 in EUR")))),
                Map.of("id", "u2", "cart", Map.of("items", List.of(item("s1", "s1 in USD"), item("s2", "s2 in USD")))),
                Map.of("id", "u3", "cart", Map.of("items", List.of(item("s1", "s1 in EUR"), item("s2", "s2 in EUR"))))))),
                response.body());
        // one request per distinct currency, each with only the users that have it
        List<SubgraphRequest> shop = client.requestsTo("shop");
        assertEquals(2, shop.size());
        assertEquals(Map.of("EUR", 2, "USD", 1), Map.of(
                shop.get(0).variables().get("contextualArgument_1"), representations(shop.get(0)),
                shop.get(1).variables().get("contextualArgument_1"), representations(shop.get(1))));
    }

    @Test
    void givesTheSameEntityUnderTwoAncestorsEachAncestorsValue() {
        GatewayResponse response = Fixtures.run(gateway, "{ stores { id deals { id discount } } }");

        assertEquals(Map.of("data", Map.of("stores", List.of(
                Map.of("id", "st1", "deals", List.of(Map.of("id", "d1", "discount", "d1 in north at null"))),
                Map.of("id", "st2", "deals", List.of(Map.of("id", "d1", "discount", "d1 in south at null")))))),
                response.body());
    }

    @Test
    void takesTheValueFromAnAncestorTwoLevelsUpThatAnotherSubgraphCompletes() {
        GatewayResponse response = Fixtures.run(gateway, "{ stores { customers { id cart { items { price } } } } }");

        assertEquals(Map.of("data", Map.of("stores", List.of(
                Map.of("customers", List.of(
                        Map.of("id", "u1", "cart", Map.of("items", List.of(price("s1 in EUR"), price("s2 in EUR")))),
                        Map.of("id", "u2", "cart", Map.of("items", List.of(price("s1 in USD"), price("s2 in USD")))))),
                Map.of("customers", List.of(
                        Map.of("id", "u3", "cart", Map.of("items", List.of(price("s1 in EUR"), price("s2 in EUR"))))))))),
                response.body());
        assertEquals(List.of("shop", "accounts", "shop", "shop"), subgraphs());
    }

    @Test
    void answersTheFieldUnderEachAliasWithItsOwnArguments() {
        GatewayResponse response = Fixtures.run(gateway,
                "{ stores { deals { small: discount(percent: 5) large: discount(percent: 20) title } } }");

        assertEquals(Map.of("data", Map.of("stores", List.of(
                Map.of("deals", List.of(Map.of("small", "d1 in north at 5", "large", "d1 in north at 20", "title", "Spring"))),
                Map.of("deals", List.of(Map.of("small", "d1 in south at 5", "large", "d1 in south at 20", "title", "Spring")))))),
                response.body());
    }

    @Test
    void refusesAContextualArgumentFromTheClient() {
        GatewayResponse response = Fixtures.run(gateway, "{ stores { deals { discount(region: \"west\") } } }");

        assertEquals("GRAPHQL_VALIDATION_FAILED",
                ((Map<?, ?>) ((Map<?, ?>) ((List<?>) response.body().get("errors")).get(0)).get("extensions")).get("code"));
        assertEquals(List.of(), subgraphs());
    }

    @Test
    void keepsContextsOutOfTheApiSchema() {
        String api = gateway.apiSchemaSdl();

        assertTrue(api.contains("discount(percent: Int): String"), api);
        assertTrue(api.contains("price: String"), api);
        assertFalse(api.toLowerCase().contains("context"), api);
    }

    @Test
    void readsAnAbstractAncestorByItsRuntimeType() {
        Map<String, Object> offer = Map.of("__typename", "Offer", "id", "o1");
        Map<String, Object> book = Map.of("__typename", "Book", "id", "b1", "locale", "fr", "language", "French",
                "offers", List.of(offer));
        Map<String, Object> movie = Map.of("__typename", "Movie", "id", "m1", "market", "US", "language", "English",
                "offers", List.of(offer));
        FakeSubgraphClient catalog = new FakeSubgraphClient().with("catalog", new FakeSubgraph(
                Fixtures.subgraphSdl("context-abstract", "catalog"), Map.of("Offer", List.of(offer)),
                Map.of("listings", List.of(book, movie)),
                Map.<String, DataFetcher<?>>of(
                        "Offer.label", env -> source(env.getSource(), "id") + " for " + env.getArgument("where"),
                        "Offer.title", env -> source(env.getSource(), "id") + " in " + env.getArgument("language"))));

        GatewayResponse response = Fixtures.run(Fixtures.gateway("context-abstract", catalog),
                "{ listings { ... on Book { offers { label title } } ... on Movie { offers { label title } } } }");

        assertEquals(Map.of("data", Map.of("listings", List.of(
                Map.of("offers", List.of(Map.of("label", "o1 for fr", "title", "o1 in French"))),
                Map.of("offers", List.of(Map.of("label", "o1 for US", "title", "o1 in English")))))), response.body());
    }

    private static Map<String, Object> user(String id, String currency) {
        return Map.of("__typename", "User", "id", id, "name", "User " + id, "currency", currency);
    }

    private static Map<String, Object> customer(String id) {
        return Map.of("__typename", "User", "id", id, "cart", CART);
    }

    private static Map<String, Object> store(String id, String region, List<Map<String, Object>> customers) {
        return Map.of("__typename", "Store", "id", id, "region", region, "customers", customers, "deals", List.of(DEAL));
    }

    private static Map<String, Object> item(String sku, String price) {
        return Map.of("sku", sku, "price", price);
    }

    private static Map<String, Object> price(String price) {
        return Map.of("price", price);
    }

    private static Object source(Map<String, Object> source, String field) {
        return source.get(field);
    }

    private static int representations(SubgraphRequest request) {
        return ((List<?>) request.variables().get("representations")).size();
    }

    private List<String> subgraphs() {
        return client.requests().stream().map(SubgraphRequest::subgraph).toList();
    }
}
