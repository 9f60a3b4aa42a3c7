package org.plenum.gateway.engine;

import org.junit.jupiter.api.Test;
import org.plenum.gateway.engine.subgraph.SubgraphRequest;
import org.plenum.gateway.engine.supergraph.SupergraphException;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** @override, @inaccessible and the API schema, Federation 1 subgraphs, ordered mutations. */
class SchemaFeaturesTest {

    @Test
    void asksTheOverridingSubgraphForAnOverriddenField() {
        FakeSubgraphClient client = new FakeSubgraphClient()
                .with("legacy", new FakeSubgraph(Fixtures.subgraphSdl("override", "legacy"), Map.of(),
                        Map.of("items", List.of(Map.of("__typename", "Item", "id", "i1", "name", "Pen", "price", 1))), Map.of()))
                .with("pricing", new FakeSubgraph(Fixtures.subgraphSdl("override", "pricing"),
                        Map.of("Item", List.of(Map.of("__typename", "Item", "id", "i1", "price", 3))), Map.of(), Map.of()));

        GatewayResponse response = Fixtures.run(Fixtures.gateway("override", client), "{ items { name price } }");

        assertEquals(Map.of("data", Map.of("items", List.of(Map.of("name", "Pen", "price", 3)))), response.body());
        assertFalse(client.requestsTo("legacy").get(0).query().contains("price"));
    }

    @Test
    void hidesInaccessibleElementsFromTheApiSchema() {
        Gateway gateway = Fixtures.gateway("inaccessible", new FakeSubgraphClient());

        String sdl = gateway.apiSchemaSdl();

        assertTrue(sdl.contains("people(filter: PersonFilter): [Person!]!"), sdl);
        assertFalse(sdl.contains("secretCount") || sdl.contains("internalCode") || sdl.contains("SYSTEM")
                || sdl.contains("debug") || sdl.contains("Audit") || sdl.contains("join__") || sdl.contains("link"), sdl);
        GatewayResponse response = Fixtures.run(gateway, "{ people { internalCode } }");
        assertTrue(response.requestError());
        assertEquals("GRAPHQL_VALIDATION_FAILED", code(response));
    }

    @Test
    void resolvesFederationOneExtensionsAndTheirRequires() {
        FakeSubgraphClient client = new FakeSubgraphClient()
                .with("users", new FakeSubgraph(Fixtures.subgraphSdl("fed1", "users"),
                        Map.of("User", List.of(Map.of("__typename", "User", "id", "u1", "name", "Ada"))),
                        Map.of("me", Map.of("__typename", "User", "id", "u1", "name", "Ada")), Map.of()))
                .with("posts", new FakeSubgraph(Fixtures.subgraphSdl("fed1", "posts"),
                        Map.of("User", List.of(Map.of("__typename", "User", "id", "u1",
                                "posts", List.of(Map.of("__typename", "Post", "id", "p1", "title", "Hello"))))), Map.of(),
                        Map.of("User.signature", env -> "-- " + ((Map<?, ?>) env.getSource()).get("name"))));

        GatewayResponse response = Fixtures.run(Fixtures.gateway("fed1", client), "{ me { name signature posts { title } } }");

        assertEquals(Map.of("data", Map.of("me", Map.of("name", "Ada", "signature", "-- Ada",
                "posts", List.of(Map.of("title", "Hello"))))), response.body());
        assertEquals(2, client.requests().size());
    }

    @Test
    void runsMutationRootFieldsInDocumentOrder() {
        FakeSubgraphClient client = new FakeSubgraphClient()
                .with("ledger", new FakeSubgraph(Fixtures.subgraphSdl("mutations", "ledger"), Map.of(), Map.of(), Map.of(
                        "Mutation.deposit", env -> Map.of("__typename", "Entry", "id", "d" + env.<Integer>getArgument("amount"), "amount", env.<Integer>getArgument("amount")),
                        "Mutation.withdraw", env -> Map.of("__typename", "Entry", "id", "w" + env.<Integer>getArgument("amount"), "amount", env.<Integer>getArgument("amount")))))
                .with("audit", new FakeSubgraph(Fixtures.subgraphSdl("mutations", "audit"), Map.of(), Map.of(),
                        Map.of("Mutation.log", env -> "logged " + env.getArgument("message"))));
        Gateway gateway = Fixtures.gateway("mutations", client);

        GatewayResponse response = Fixtures.run(gateway,
                "mutation { a: deposit(amount: 5) { amount } b: log(message: \"x\") c: withdraw(amount: 2) { id } d: deposit(amount: 1) { amount } }");

        assertEquals(Map.of("data", Map.of("a", Map.of("amount", 5), "b", "logged x", "c", Map.of("id", "w2"),
                "d", Map.of("amount", 1))), response.body());
        assertEquals(List.of("ledger", "audit", "ledger"), client.requests().stream().map(SubgraphRequest::subgraph).toList());
        assertTrue(client.requests().get(2).query().startsWith("mutation"), client.requests().get(2).query());
        assertEquals("mutation", response.operationType());
    }

    @Test
    void rejectsAnInvalidSupergraphWithAClearMessage() {
        SupergraphException error = assertThrows(SupergraphException.class,
                () -> Gateway.create("type Query { a: String }", new FakeSubgraphClient(), GatewayOptions.defaults()));
        assertTrue(error.getMessage().contains("join"), error.getMessage());
        assertThrows(SupergraphException.class, () -> Gateway.create("type Query {", new FakeSubgraphClient(), GatewayOptions.defaults()));
    }

    @Test
    void listsSubgraphUrls() {
        Gateway gateway = Fixtures.gateway("keys", new FakeSubgraphClient());

        assertEquals(Map.of("catalog", "http://catalog.test/graphql", "inventory", "http://inventory.test/graphql",
                "shipping", "http://shipping.test/graphql"), gateway.subgraphUrls());
    }

    @Test
    void fetchesAValueTypeWholeFromTheSubgraphThatHasAllItsFields() {
        FakeSubgraphClient client = new FakeSubgraphClient()
                .with("shop", new FakeSubgraph(Fixtures.subgraphSdl("value-types", "shop"), Map.of(),
                        Map.of("product", Map.of("__typename", "Product", "id", "p1", "details", Map.of("color", "red"))), Map.of()))
                .with("warranty", new FakeSubgraph(Fixtures.subgraphSdl("value-types", "warranty"),
                        Map.of("Product", List.of(Map.of("__typename", "Product", "id", "p1",
                                "details", Map.of("color", "red", "warranty", "2 years")))), Map.of(), Map.of()));
        Gateway gateway = Fixtures.gateway("value-types", client);

        assertEquals(Map.of("data", Map.of("product", Map.of("details", Map.of("color", "red", "warranty", "2 years")))),
                Fixtures.run(gateway, "{ product { details { color warranty } } }").body());
        assertEquals(List.of("shop", "warranty"), client.requests().stream().map(SubgraphRequest::subgraph).toList());
        assertEquals(Map.of("data", Map.of("product", Map.of("details", Map.of("color", "red")))),
                Fixtures.run(gateway, "{ product { details { color } } }").body());
        assertEquals(3, client.requests().size());
    }

    @Test
    void asksEachSubgraphForItsPartOfASharedRootValueNoneResolvesWhole() {
        Map<String, Object> oslo = Map.of("city", "Oslo", "temperature", -3.5, "summary", "Clear and cold");
        FakeSubgraphClient client = new FakeSubgraphClient()
                .with("sensors", new FakeSubgraph(Fixtures.subgraphSdl("split-root", "sensors"), Map.of(),
                        Map.of("forecast", oslo), Map.of()))
                .with("editorial", new FakeSubgraph(Fixtures.subgraphSdl("split-root", "editorial"), Map.of(),
                        Map.of("forecast", oslo), Map.of()));

        GatewayResponse response = Fixtures.run(Fixtures.gateway("split-root", client),
                "query($city: String!) { forecast(city: $city) { summary city temperature } }", Map.of("city", "Oslo"));

        assertEquals(Map.of("data", Map.of("forecast", Map.of("summary", "Clear and cold", "city", "Oslo",
                "temperature", -3.5))), response.body());
        assertEquals(List.of("editorial", "sensors"), client.requests().stream().map(SubgraphRequest::subgraph).sorted().toList());
    }

    @Test
    void turnsAnInaccessibleEnumValueFromASubgraphIntoNullWithAnError() {
        FakeSubgraphClient client = new FakeSubgraphClient()
                .with("people", new FakeSubgraph(Fixtures.subgraphSdl("inaccessible", "people"), Map.of(),
                        Map.of("people", List.of(Map.of("__typename", "Person", "id", "x", "name", "Ex", "role", "MEMBER",
                                "formerRole", "SYSTEM"))), Map.of()));

        GatewayResponse response = Fixtures.run(Fixtures.gateway("inaccessible", client), "{ people { role formerRole } }");

        assertEquals(List.of(ErrorsTest.map("role", "MEMBER", "formerRole", null)), ((Map<?, ?>) response.body().get("data")).get("people"));
        assertEquals(List.of("people", 0, "formerRole"), ErrorsTest.errors(response).get(0).get("path"));
    }

    @Test
    void loadsASupergraphWithJoinDirectivesAndKeepsThemOutOfTheApiSchema() {
        // @join__directive carries Apollo Router features (@cacheTag, connectors) this gateway does not have
        FakeSubgraphClient client = new FakeSubgraphClient()
                .with("products", new FakeSubgraph(Fixtures.subgraphSdl("join-directive", "products"), Map.of(), Map.of(),
                        Map.of("Query.product", env -> Map.of("__typename", "Product", "id", env.getArgument("id"), "name", "Lamp"))))
                .with("prices", new FakeSubgraph(Fixtures.subgraphSdl("join-directive", "prices"),
                        Map.of("Product", List.of(Map.of("__typename", "Product", "id", "p1", "price", 12))), Map.of(), Map.of()));
        Gateway gateway = Fixtures.gateway("join-directive", client);

        GatewayResponse response = Fixtures.run(gateway, "{ product(id: \"p1\") { name price } }");

        assertEquals(Map.of("data", Map.of("product", Map.of("name", "Lamp", "price", 12))), response.body());
        assertFalse(gateway.apiSchemaSdl().contains("join__") || gateway.apiSchemaSdl().contains("cacheTag"),
                gateway.apiSchemaSdl());
    }

    @SuppressWarnings("unchecked")
    static String code(GatewayResponse response) {
        List<Map<String, Object>> errors = (List<Map<String, Object>>) response.body().get("errors");
        return (String) ((Map<String, Object>) errors.get(0).get("extensions")).get("code");
    }
}
