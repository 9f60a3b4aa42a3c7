package org.plenum.gateway.engine;

import graphql.schema.DataFetcher;
import org.junit.jupiter.api.Test;
import org.plenum.gateway.engine.subgraph.SubgraphRequest;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** @requires chains across three subgraphs, @requires with arguments, @provides saving a fetch. */
class RequiresProvidesTest {

    private static final Map<String, Object> ADA = Map.of("__typename", "User", "id", "u1", "name", "Ada",
            "address", Map.of("country", "CH", "city", "Bern"));
    private static final Map<String, Object> BOB = Map.of("__typename", "User", "id", "u2", "name", "Bob",
            "address", Map.of("country", "JP", "city", "Kyoto"));

    @SuppressWarnings("unchecked")
    private final FakeSubgraphClient requiresClient = new FakeSubgraphClient()
            .with("accounts", new FakeSubgraph(Fixtures.subgraphSdl("requires", "accounts"),
                    Map.of("User", List.of(ADA, BOB)), Map.of("users", List.of(ADA, BOB)), Map.of()))
            .with("billing", new FakeSubgraph(Fixtures.subgraphSdl("requires", "billing"),
                    Map.of("User", List.of(Map.of("__typename", "User", "id", "u1"), Map.of("__typename", "User", "id", "u2"))),
                    Map.of(), Map.<String, DataFetcher<?>>of("User.currency", env -> {
                        Map<String, Object> address = (Map<String, Object>) ((Map<String, Object>) env.getSource()).get("address");
                        return address.get("country").equals("CH") ? "CHF" : "JPY";
                    })))
            .with("tax", new FakeSubgraph(Fixtures.subgraphSdl("requires", "tax"),
                    Map.of("User", List.of(Map.of("__typename", "User", "id", "u1"), Map.of("__typename", "User", "id", "u2"))),
                    Map.of(), Map.<String, DataFetcher<?>>of(
                            "User.taxRate", env -> ((Map<String, Object>) env.getSource()).get("currency").equals("CHF")
                                    ? 0.08 + (int) env.getArgument("year") % 2 : 0.1,
                            "User.label", env -> ((Map<String, Object>) env.getSource()).get("name") + " pays in "
                                    + ((Map<String, Object>) env.getSource()).get("currency"))));

    @Test
    void resolvesARequiresChainInDependencyOrder() {
        Gateway gateway = Fixtures.gateway("requires", requiresClient);
        String query = "{ users { id taxRate(year: 2024) label } }";

        GatewayResponse response = Fixtures.run(gateway, query);

        assertEquals(Map.of("data", Map.of("users", List.of(
                Map.of("id", "u1", "taxRate", 0.08, "label", "Ada pays in CHF"),
                Map.of("id", "u2", "taxRate", 0.1, "label", "Bob pays in JPY")))), response.body(), gateway.explain(query, null));
        assertEquals(List.of("accounts", "billing", "tax"), requiresClient.requests().stream().map(SubgraphRequest::subgraph).toList());
        assertEquals(List.of(Map.of("__typename", "User", "id", "u1", "address", Map.of("country", "CH")),
                        Map.of("__typename", "User", "id", "u2", "address", Map.of("country", "JP"))),
                requiresClient.requestsTo("billing").get(0).variables().get("representations"));
        Map<String, Object> taxRepresentation = ((List<Map<String, Object>>) requiresClient.requestsTo("tax").get(0)
                .variables().get("representations")).get(0);
        assertEquals(Map.of("__typename", "User", "id", "u1", "name", "Ada", "currency", "CHF"), taxRepresentation);
    }

    @Test
    void forwardsOnlyTheVariablesAFetchUses() {
        Gateway gateway = Fixtures.gateway("requires", requiresClient);

        GatewayResponse response = Fixtures.run(gateway, "query($year: Int!) { users { name taxRate(year: $year) } }",
                Map.of("year", 2025));

        assertEquals(List.of(Map.of("name", "Ada", "taxRate", 1.08), Map.of("name", "Bob", "taxRate", 0.1)),
                ((Map<String, Object>) response.body().get("data")).get("users"));
        assertEquals(Map.of(), requiresClient.requestsTo("accounts").get(0).variables());
        assertEquals(2025, requiresClient.requestsTo("tax").get(0).variables().get("year"));
    }

    private final Map<String, Object> review = Map.of("__typename", "Review", "id", "r1", "body", "Great",
            "author", Map.of("__typename", "User", "id", "u1", "username", "ada"),
            "editor", Map.of("__typename", "User", "id", "u2"));

    private final FakeSubgraphClient providesClient = new FakeSubgraphClient()
            .with("reviews", new FakeSubgraph(Fixtures.subgraphSdl("provides", "reviews"),
                    Map.of(), Map.of("reviews", List.of(review)), Map.of()))
            .with("accounts", new FakeSubgraph(Fixtures.subgraphSdl("provides", "accounts"),
                    Map.of("User", List.of(Map.of("__typename", "User", "id", "u1", "username", "ada", "email", "ada@example.org"),
                            Map.of("__typename", "User", "id", "u2", "username", "bob", "email", "bob@example.org"))),
                    Map.of(), Map.of()));

    @Test
    void takesProvidedFieldsFromTheSameFetch() {
        Gateway gateway = Fixtures.gateway("provides", providesClient);

        GatewayResponse response = Fixtures.run(gateway, "{ reviews { body author { username } } }");

        assertEquals(Map.of("data", Map.of("reviews", List.of(Map.of("body", "Great", "author", Map.of("username", "ada"))))),
                response.body());
        assertEquals(1, providesClient.requests().size());
    }

    @Test
    void fetchesFieldsThatAreNotProvidedFromTheirOwner() {
        Gateway gateway = Fixtures.gateway("provides", providesClient);

        GatewayResponse response = Fixtures.run(gateway, "{ reviews { author { username email } editor { username } } }");

        assertEquals(Map.of("data", Map.of("reviews", List.of(Map.of(
                "author", Map.of("username", "ada", "email", "ada@example.org"),
                "editor", Map.of("username", "bob"))))), response.body());
        assertEquals(List.of("reviews", "accounts"), providesClient.requests().stream().map(SubgraphRequest::subgraph).toList());
    }

    @Test
    void sendsRequiredFieldsWithArgumentsBesideTheClientsOwnUseOfTheField() {
        FakeSubgraphClient client = pricedProducts();

        GatewayResponse response = Fixtures.run(Fixtures.gateway("requires-arguments", client),
                "{ products { price(currency: \"EUR\") estimate } }");

        assertEquals(Map.of("data", Map.of("products", List.of(Map.of("price", 9, "estimate", 20)))), response.body());
        assertEquals(List.of(Map.of("__typename", "Product", "upc", "p1", "price", 10, "weight", 2)),
                client.requestsTo("shipping").get(0).variables().get("representations"));
    }

    @Test
    void sendsRequirementsOfOneFieldWithOtherArgumentsInSeparateEntityFetches() {
        FakeSubgraphClient client = pricedProducts();

        GatewayResponse response = Fixtures.run(Fixtures.gateway("requires-arguments", client),
                "{ products { estimate euroEstimate } }");

        // one representation cannot carry both prices: each estimate must get the price it requires
        assertEquals(Map.of("data", Map.of("products", List.of(Map.of("estimate", 20, "euroEstimate", 18)))), response.body());
        assertEquals(Set.of(List.of(Map.of("__typename", "Product", "upc", "p1", "price", 10, "weight", 2)),
                        List.of(Map.of("__typename", "Product", "upc", "p1", "price", 9, "weight", 2))),
                Set.copyOf(client.requestsTo("shipping").stream().map(request -> request.variables().get("representations")).toList()));
    }

    /** A product whose price is 10 in USD and 9 in EUR; shipping estimates price times weight. */
    private static FakeSubgraphClient pricedProducts() {
        DataFetcher<Integer> estimate = env -> {
            Map<String, Object> product = env.getSource();
            return (int) product.get("price") * (int) product.get("weight");
        };
        return new FakeSubgraphClient()
                .with("catalog", new FakeSubgraph(Fixtures.subgraphSdl("requires-arguments", "catalog"), Map.of(),
                        Map.of("products", List.of(Map.of("__typename", "Product", "upc", "p1", "weight", 2))),
                        Map.<String, DataFetcher<?>>of("Product.price", env -> "USD".equals(env.getArgument("currency")) ? 10 : 9)))
                .with("shipping", new FakeSubgraph(Fixtures.subgraphSdl("requires-arguments", "shipping"),
                        Map.of("Product", List.of(Map.of("__typename", "Product", "upc", "p1"))), Map.of(),
                        Map.<String, DataFetcher<?>>of("Product.estimate", estimate, "Product.euroEstimate", estimate)));
    }

    @Test
    void sendsASharedRootFieldToTheSubgraphThatProvidesMostOfTheSelection() {
        List<Map<String, Object>> media = List.of(Map.of("__typename", "Book", "id", "b1", "title", "Dune"),
                Map.of("__typename", "Movie", "id", "m1"));
        FakeSubgraphClient client = new FakeSubgraphClient()
                .with("plain", new FakeSubgraph(Fixtures.subgraphSdl("shared-union", "plain"), Map.of(), Map.of("media", media), Map.of()))
                .with("rich", new FakeSubgraph(Fixtures.subgraphSdl("shared-union", "rich"), Map.of(), Map.of("media", media), Map.of()));

        GatewayResponse response = Fixtures.run(Fixtures.gateway("shared-union", client),
                "{ media { ... on Book { id title } ... on Movie { id } } }");

        assertEquals(Map.of("data", Map.of("media", List.of(Map.of("id", "b1", "title", "Dune"), Map.of("id", "m1")))),
                response.body());
        assertEquals(List.of("rich"), client.requests().stream().map(SubgraphRequest::subgraph).toList());
    }

    @Test
    void takesTheWholeFieldFromAnotherSubgraphWhereWhatIsProvidedDoesNotReachItsSelection() {
        // a's @provides gives only Owl.name below magazine.creatures, and both implementations' ids are external there:
        // the ids come from c, which resolves creatures whole through Magazine's key (found by the differential fuzzer)
        Map<String, Object> magazine = Map.of("__typename", "Magazine", "id", "m1");
        FakeSubgraphClient client = new FakeSubgraphClient()
                .with("a", new FakeSubgraph(Fixtures.subgraphSdl("provides-interface-list", "a"), Map.of(),
                        Map.of("magazine", magazine), Map.of()))
                .with("c", new FakeSubgraph(Fixtures.subgraphSdl("provides-interface-list", "c"),
                        Map.of("Magazine", List.of(Map.of("__typename", "Magazine", "id", "m1", "creatures", List.of(
                                Map.of("__typename", "Owl", "id", "o1"), Map.of("__typename", "Fox", "id", "f1"))))),
                        Map.of(), Map.of()));

        GatewayResponse response = Fixtures.run(Fixtures.gateway("provides-interface-list", client),
                "{ magazine { creatures { id } } }");

        assertEquals(Map.of("data", Map.of("magazine", Map.of("creatures", List.of(Map.of("id", "o1"), Map.of("id", "f1"))))),
                response.body());
    }
}
