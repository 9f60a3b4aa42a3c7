package org.plenum.gateway.engine;

import org.junit.jupiter.api.Test;
import org.plenum.gateway.engine.subgraph.SubgraphRequest;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Interfaces and unions whose members live in different subgraphs, and @interfaceObject. */
class AbstractTypesTest {

    private final FakeSubgraphClient client = new FakeSubgraphClient()
            .with("search", new FakeSubgraph(Fixtures.subgraphSdl("abstract", "search"), Map.of(),
                    Map.of("media", List.of(Map.of("__typename", "Book", "id", "b1"), Map.of("__typename", "Movie", "id", "m1"))),
                    Map.of("Query.search", env -> List.of(Map.of("__typename", "Movie", "id", "m1"), Map.of("__typename", "Book", "id", "b1")))))
            .with("books", new FakeSubgraph(Fixtures.subgraphSdl("abstract", "books"),
                    Map.of("Book", List.of(Map.of("__typename", "Book", "id", "b1", "title", "Dune", "pages", 412))), Map.of(), Map.of()))
            .with("movies", new FakeSubgraph(Fixtures.subgraphSdl("abstract", "movies"),
                    Map.of("Movie", List.of(Map.of("__typename", "Movie", "id", "m1", "title", "Alien", "minutes", 117))), Map.of(), Map.of()));

    private final Gateway gateway = Fixtures.gateway("abstract", client);

    @Test
    void resolvesInterfaceFieldsFromEachImplementationsSubgraph() {
        GatewayResponse response = Fixtures.run(gateway, "{ media { __typename id title ... on Book { pages } } }");

        assertEquals(Map.of("data", Map.of("media", List.of(
                Map.of("__typename", "Book", "id", "b1", "title", "Dune", "pages", 412),
                Map.of("__typename", "Movie", "id", "m1", "title", "Alien")))), response.body());
        assertEquals(3, client.requests().size());
    }

    @Test
    void resolvesUnionMembersWithNamedFragmentsAndAliases() {
        String query = """
                query Find($text: String!) { results: search(text: $text) { ...BookParts ... on Movie { name: title length: minutes } } }
                fragment BookParts on Book { name: title pages }
                """;

        GatewayResponse response = Fixtures.run(gateway, query, Map.of("text", "space"));

        assertEquals(Map.of("data", Map.of("results", List.of(
                Map.of("name", "Alien", "length", 117),
                Map.of("name", "Dune", "pages", 412)))), response.body());
        assertEquals(Map.of("text", "space"), client.requestsTo("search").get(0).variables());
    }

    private final FakeSubgraphClient accountsClient = new FakeSubgraphClient()
            .with("accounts", new FakeSubgraph(Fixtures.subgraphSdl("interface-object", "accounts"),
                    Map.of("Account", List.of(Map.of("__typename", "User", "id", "a1", "name", "Ada", "email", "ada@example.org"),
                            Map.of("__typename", "Admin", "id", "a2", "name", "Root", "level", 9))),
                    Map.of("accounts", List.of(Map.of("__typename", "User", "id", "a1", "name", "Ada", "email", "ada@example.org"),
                            Map.of("__typename", "Admin", "id", "a2", "name", "Root", "level", 9))), Map.of()))
            .with("plans", new FakeSubgraph(Fixtures.subgraphSdl("interface-object", "plans"),
                    Map.of("Account", List.of(Map.of("__typename", "Account", "id", "a1", "plan", "free"),
                            Map.of("__typename", "Account", "id", "a2", "plan", "gold"))),
                    Map.of("premiumAccounts", List.of(Map.of("__typename", "Account", "id", "a2", "plan", "gold"))), Map.of()))
            .with("status", new FakeSubgraph(Fixtures.subgraphSdl("interface-object", "status"),
                    Map.of("Account", List.of(Map.of("__typename", "Account", "id", "a2", "active", true))), Map.of(), Map.of()));

    @Test
    void fetchesInterfaceObjectFieldsWithTheInterfaceAsTypename() {
        Gateway accounts = Fixtures.gateway("interface-object", accountsClient);

        GatewayResponse response = Fixtures.run(accounts, "{ accounts { name plan ... on Admin { level } } }");

        assertEquals(Map.of("data", Map.of("accounts", List.of(Map.of("name", "Ada", "plan", "free"),
                Map.of("name", "Root", "plan", "gold", "level", 9)))), response.body());
        assertEquals(1, accountsClient.requestsTo("plans").size());
        assertEquals(Set.of(Map.of("__typename", "Account", "id", "a1"), Map.of("__typename", "Account", "id", "a2")),
                Set.copyOf((List<?>) accountsClient.requestsTo("plans").get(0).variables().get("representations")));
    }

    @Test
    void findsTheConcreteTypeOfAnInterfaceObject() {
        Gateway accounts = Fixtures.gateway("interface-object", accountsClient);

        GatewayResponse response = Fixtures.run(accounts, "{ premiumAccounts { __typename id plan ... on Admin { level } } }");

        assertEquals(Map.of("data", Map.of("premiumAccounts", List.of(
                Map.of("__typename", "Admin", "id", "a2", "plan", "gold", "level", 9)))), response.body());
    }

    @Test
    void sendsSiblingFieldsOfDifferentSubgraphTypesUnderSeparateKeys() {
        FakeSubgraphClient mismatch = new FakeSubgraphClient()
                .with("accounts", new FakeSubgraph(Fixtures.subgraphSdl("type-mismatch", "accounts"), Map.of(),
                        Map.of("accounts", List.of(Map.of("__typename", "User", "id", "u1", "name", "Ada"),
                                Map.of("__typename", "Admin", "id", "a1", "name", "Root"))), Map.of()));

        GatewayResponse response = Fixtures.run(Fixtures.gateway("type-mismatch", mismatch),
                "{ accounts { ... on User { id name } ... on Admin { id name } } }");

        // in subgraph accounts User.id is ID! and Admin.id is ID: one query cannot select both as "id"
        assertEquals(Map.of("data", Map.of("accounts", List.of(Map.of("id", "u1", "name", "Ada"),
                Map.of("id", "a1", "name", "Root")))), response.body());
    }

    @Test
    void answersAFieldBothTheInterfaceObjectAndTheConcreteTypeResolveFromOneSubgraphEveryTime() {
        // the two subgraphs disagree on purpose: an answer mixing them, or changing between runs, is caught
        FakeSubgraphClient client = new FakeSubgraphClient()
                .with("a", new FakeSubgraph(Fixtures.subgraphSdl("interface-object-shareable", "a"),
                        Map.of("Account", List.of(Map.of("__typename", "Admin", "id", "1", "isMain", true, "isActive", true),
                                Map.of("__typename", "Regular", "id", "2", "isMain", false))), Map.of(), Map.of()))
                .with("c", new FakeSubgraph(Fixtures.subgraphSdl("interface-object-shareable", "c"),
                        Map.of("Account", List.of(Map.of("__typename", "Account", "id", "1", "isActive", false),
                                Map.of("__typename", "Account", "id", "2", "isActive", false))),
                        Map.of("accounts", List.of(Map.of("__typename", "Account", "id", "1", "isActive", false),
                                Map.of("__typename", "Account", "id", "2", "isActive", false))), Map.of()));
        Gateway gateway = Fixtures.gateway("interface-object-shareable", client);
        Map<String, Object> expected = Map.of("data", Map.of("accounts", List.of(
                Map.of("__typename", "Admin", "isActive", false), Map.of("__typename", "Regular", "isActive", false))));

        for (int run = 0; run < 50; run++) {
            assertEquals(expected, Fixtures.run(gateway, "{ accounts { __typename isActive } }").body(), "run " + run);
        }
        assertEquals(List.of("c", "a"), client.requests().stream().limit(2).map(SubgraphRequest::subgraph).toList());
        assertFalse(client.requestsTo("a").get(0).query().contains("isActive"), client.requestsTo("a").get(0).query());
    }

    @Test
    void goesFromOneInterfaceObjectToAnotherThroughTheInterfacesKey() {
        Gateway accounts = Fixtures.gateway("interface-object", accountsClient);

        GatewayResponse response = Fixtures.run(accounts, "{ premiumAccounts { id plan active } }");

        assertEquals(Map.of("data", Map.of("premiumAccounts", List.of(Map.of("id", "a2", "plan", "gold", "active", true)))),
                response.body());
        // no lookup of the concrete type is needed for interface fields
        assertEquals(List.of("plans", "status"), accountsClient.requests().stream().map(SubgraphRequest::subgraph).toList());
    }
}
