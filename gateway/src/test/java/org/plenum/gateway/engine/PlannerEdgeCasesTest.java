package org.plenum.gateway.engine;

import graphql.schema.DataFetcher;
import org.junit.jupiter.api.Test;
import org.plenum.gateway.engine.subgraph.SubgraphRequest;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Plans that need more than one straight entity jump: a selection split between the parent's key and the field's
 * own subgraph, @requires served by the requiring subgraph itself, narrower field types, @external key fields.
 */
class PlannerEdgeCasesTest {

    @Test
    void getsTheRestOfAKeylessValueThroughItsParentsKey() {
        // Shelf has no key in floorplan, so its location is only reachable as Book.shelf there
        FakeSubgraphClient client = new FakeSubgraphClient()
                .with("catalog", new FakeSubgraph(Fixtures.subgraphSdl("parent-key-split", "catalog"), Map.of(),
                        Map.of("books", List.of(Map.of("__typename", "Book", "id", "b1", "title", "Dune",
                                "shelf", Map.of("id", "s1", "code", "SF-01")))), Map.of()))
                .with("floorplan", new FakeSubgraph(Fixtures.subgraphSdl("parent-key-split", "floorplan"),
                        Map.of("Book", List.of(Map.of("__typename", "Book", "id", "b1",
                                "shelf", Map.of("id", "s1", "location", "Level 2, east wing")))), Map.of(), Map.of()));

        GatewayResponse response = Fixtures.run(Fixtures.gateway("parent-key-split", client),
                "{ books { id shelf { id code location } } }");

        assertEquals(Map.of("data", Map.of("books", List.of(Map.of("id", "b1",
                "shelf", Map.of("id", "s1", "code", "SF-01", "location", "Level 2, east wing"))))), response.body());
        assertEquals(List.of("catalog", "floorplan"), subgraphs(client));
        String floorplanQuery = client.requestsTo("floorplan").get(0).query();
        assertTrue(floorplanQuery.contains("_entities") && floorplanQuery.contains("location"), floorplanQuery);
    }

    @Test
    @SuppressWarnings("unchecked")
    void getsAFieldFromASubgraphWhereTheChildHasNoKeyThroughItsParentsKey() {
        // Producer has a key in recordings only, so studios can be reached only through Album's key
        Map<String, Object> producer = Map.of("__typename", "Producer", "id", "pr1", "name", "Rudy Van Gelder");
        FakeSubgraphClient client = new FakeSubgraphClient()
                .with("recordings", new FakeSubgraph(Fixtures.subgraphSdl("keyed-child-split", "recordings"),
                        Map.of("Producer", List.of(producer)),
                        Map.of("albums", List.of(Map.of("__typename", "Album", "id", "a1", "producer", producer))), Map.of()))
                .with("studios", new FakeSubgraph(Fixtures.subgraphSdl("keyed-child-split", "studios"),
                        Map.of("Album", List.of(Map.of("__typename", "Album", "id", "a1",
                                "producer", Map.of("id", "pr1", "studio", "Englewood Cliffs")))), Map.of(), Map.of()));

        GatewayResponse response = Fixtures.run(Fixtures.gateway("keyed-child-split", client),
                "{ albums { producer { name studio } } }");

        assertEquals(Map.of("data", Map.of("albums", List.of(Map.of("producer",
                Map.of("name", "Rudy Van Gelder", "studio", "Englewood Cliffs"))))), response.body());
        List<Map<String, Object>> representations = (List<Map<String, Object>>) client.requestsTo("studios").get(0)
                .variables().get("representations");
        assertEquals(List.of(Map.of("__typename", "Album", "id", "a1")), representations);
    }

    @Test
    void splitsAnEntityJumpBetweenTheSubgraphsThatEachResolvePartOfTheField() {
        // Parcel.category: name only in handling (Category has no key there); id in tariffs, whose key leads to labels
        FakeSubgraphClient client = new FakeSubgraphClient()
                .with("orders", new FakeSubgraph(Fixtures.subgraphSdl("two-jump-split", "orders"), Map.of(),
                        Map.of("parcels", List.of(Map.of("__typename", "Parcel", "id", "p1", "weight", 3))), Map.of()))
                .with("handling", new FakeSubgraph(Fixtures.subgraphSdl("two-jump-split", "handling"),
                        Map.of("Parcel", List.of(Map.of("__typename", "Parcel", "id", "p1",
                                "category", Map.of("name", "Fragile")))), Map.of(), Map.of()))
                .with("tariffs", new FakeSubgraph(Fixtures.subgraphSdl("two-jump-split", "tariffs"),
                        Map.of("Parcel", List.of(Map.of("__typename", "Parcel", "id", "p1",
                                "category", Map.of("id", "c7")))), Map.of(), Map.of()))
                .with("labels", new FakeSubgraph(Fixtures.subgraphSdl("two-jump-split", "labels"),
                        Map.of("Category", List.of(Map.of("__typename", "Category", "id", "c7", "label", "Handle with care"))),
                        Map.of(), Map.of()));

        GatewayResponse response = Fixtures.run(Fixtures.gateway("two-jump-split", client),
                "{ parcels { id weight category { id label name } } }");

        assertEquals(Map.of("data", Map.of("parcels", List.of(Map.of("id", "p1", "weight", 3,
                "category", Map.of("id", "c7", "label", "Handle with care", "name", "Fragile"))))), response.body());
        assertEquals(List.of("handling", "labels", "orders", "tariffs"), subgraphs(client).stream().sorted().toList());
    }

    @Test
    @SuppressWarnings("unchecked")
    void fetchesRequiredFieldsFromTheRequiringSubgraphItselfBeforeRequiringThem() {
        // headliners requires tracks(limit: 2) { artist }: tracks come from curation, their artists from library
        List<Map<String, Object>> tracks = List.of(Map.of("__typename", "Track", "id", "t1"),
                Map.of("__typename", "Track", "id", "t2"), Map.of("__typename", "Track", "id", "t3"));
        FakeSubgraphClient client = new FakeSubgraphClient()
                .with("library", new FakeSubgraph(Fixtures.subgraphSdl("requires-from-target", "library"),
                        Map.of("Track", List.of(Map.of("__typename", "Track", "id", "t1", "artist", "Nina Simone"),
                                Map.of("__typename", "Track", "id", "t2", "artist", "Miles Davis"),
                                Map.of("__typename", "Track", "id", "t3", "artist", "Ella Fitzgerald"))),
                        Map.of("playlists", List.of(Map.of("__typename", "Playlist", "id", "pl1", "name", "Late night"))), Map.of()))
                .with("curation", new FakeSubgraph(Fixtures.subgraphSdl("requires-from-target", "curation"),
                        Map.of("Playlist", List.of(Map.of("__typename", "Playlist", "id", "pl1", "allTracks", tracks))),
                        Map.of(), Map.<String, DataFetcher<?>>of(
                                "Playlist.tracks", env -> ((List<Object>) ((Map<String, Object>) env.getSource()).get("allTracks"))
                                        .subList(0, env.<Integer>getArgument("limit")),
                                "Playlist.headliners", env -> ((List<Map<String, Object>>) ((Map<String, Object>) env.getSource())
                                        .get("tracks")).stream().map(track -> (String) track.get("artist"))
                                        .collect(Collectors.joining(" & ")))));

        GatewayResponse response = Fixtures.run(Fixtures.gateway("requires-from-target", client),
                "{ playlists { name headliners } }");

        assertEquals(Map.of("data", Map.of("playlists", List.of(Map.of("name", "Late night",
                "headliners", "Nina Simone & Miles Davis")))), response.body());
        assertEquals(List.of("library", "curation", "library", "curation"), subgraphs(client));
    }

    @Test
    void sendsOnlyTheNarrowerTypesSelectionsToASubgraphWhoseFieldIsThatType() {
        // radio declares favourite: Song, the supergraph has favourite: Media (Song | Film)
        FakeSubgraphClient client = new FakeSubgraphClient()
                .with("radio", new FakeSubgraph(Fixtures.subgraphSdl("narrower-type", "radio"), Map.of(),
                        Map.of("viewer", Map.of("__typename", "Viewer", "id", "v1", "favourite", Map.of("title", "Blue in Green"))),
                        Map.of()))
                .with("cinema", new FakeSubgraph(Fixtures.subgraphSdl("narrower-type", "cinema"), Map.of(), Map.of(), Map.of()));

        GatewayResponse response = Fixtures.run(Fixtures.gateway("narrower-type", client),
                "{ viewer { favourite { __typename ... on Song { title } ... on Film { title } } } }");

        assertEquals(Map.of("data", Map.of("viewer", Map.of("favourite",
                Map.of("__typename", "Song", "title", "Blue in Green")))), response.body());
        assertEquals(List.of("radio"), subgraphs(client));
        assertFalse(client.requests().get(0).query().contains("Film"), client.requests().get(0).query());
    }

    @Test
    void turnsAnObjectOfAnInaccessibleTypeIntoNull() {
        FakeSubgraphClient client = new FakeSubgraphClient()
                .with("archive", new FakeSubgraph(Fixtures.subgraphSdl("inaccessible-member", "archive"), Map.of(),
                        Map.of("featured", Map.of("__typename", "Draft", "title", "Unfinished"),
                                "recent", List.of(Map.of("__typename", "Report", "title", "Q3 results"),
                                        Map.of("__typename", "Draft", "title", "Unfinished"))), Map.of()));

        GatewayResponse response = Fixtures.run(Fixtures.gateway("inaccessible-member", client),
                "{ featured { __typename ... on Report { title } } recent { __typename ... on Report { title } } }");

        Map<?, ?> data = (Map<?, ?>) response.body().get("data");
        assertEquals(ErrorsTest.map("featured", null, "recent",
                Arrays.asList(Map.of("__typename", "Report", "title", "Q3 results"), null)), data);
    }

    @Test
    @SuppressWarnings("unchecked")
    void sendsTheConcreteTypeOfAnInterfaceValueInARequiresRepresentation() {
        FakeSubgraphClient client = new FakeSubgraphClient()
                .with("geometry", new FakeSubgraph(Fixtures.subgraphSdl("requires-interface-fragment", "geometry"), Map.of(),
                        Map.of("plots", List.of(Map.of("__typename", "Plot", "id", "pl1",
                                "outline", Map.of("__typename", "Circle", "radius", 2.0, "area", 12.5)))), Map.of()))
                .with("pricing", new FakeSubgraph(Fixtures.subgraphSdl("requires-interface-fragment", "pricing"),
                        Map.of("Plot", List.of(Map.of("__typename", "Plot", "id", "pl1"))), Map.of(),
                        Map.<String, DataFetcher<?>>of("Plot.price", env -> (Double) ((Map<String, Object>)
                                ((Map<String, Object>) env.getSource()).get("outline")).get("area") * 10)));

        GatewayResponse response = Fixtures.run(Fixtures.gateway("requires-interface-fragment", client),
                "{ plots { id price } }");

        assertEquals(Map.of("data", Map.of("plots", List.of(Map.of("id", "pl1", "price", 125.0)))), response.body());
        List<Map<String, Object>> representations = (List<Map<String, Object>>) client.requestsTo("pricing").get(0)
                .variables().get("representations");
        assertEquals(Map.of("__typename", "Circle", "area", 12.5), representations.get(0).get("outline"));
    }

    @Test
    void takesAKeyFieldOnlyFromTheSubgraphThatOwnsIt() {
        FakeSubgraphClient client = externalKeyClient();
        Gateway gateway = Fixtures.gateway("external-key", client);

        assertEquals(Map.of("data", Map.of("chats", List.of(Map.of("id", "c1")))),
                Fixtures.run(gateway, "{ chats { id } }").body());
        assertEquals(Map.of("data", Map.of("chats", List.of(Map.of("unread", 9)))),
                Fixtures.run(gateway, "{ chats { unread } }").body());
        assertEquals(List.of("messenger", "inbox"), subgraphs(client));
    }

    @Test
    void startsASharedRootFieldWhereTheKeyFieldIsOwnedToReachTheOtherSubgraph() {
        FakeSubgraphClient client = externalKeyClient();

        GatewayResponse response = Fixtures.run(Fixtures.gateway("external-key", client), "{ chats { id unread } }");

        assertEquals(Map.of("data", Map.of("chats", List.of(Map.of("id", "c1", "unread", 4)))), response.body());
        assertEquals(List.of("messenger", "inbox"), subgraphs(client));
    }

    /** inbox marks Chat.id @external: the ids of its own chats are not ones it owns (here: a stale one). */
    private static FakeSubgraphClient externalKeyClient() {
        return new FakeSubgraphClient()
                .with("inbox", new FakeSubgraph(Fixtures.subgraphSdl("external-key", "inbox"),
                        Map.of("Chat", List.of(Map.of("__typename", "Chat", "id", "c1", "unread", 4))),
                        Map.of("chats", List.of(Map.of("__typename", "Chat", "id", "stale", "unread", 9))), Map.of()))
                .with("messenger", new FakeSubgraph(Fixtures.subgraphSdl("external-key", "messenger"),
                        Map.of("Chat", List.of(Map.of("__typename", "Chat", "id", "c1", "title", "Team"))),
                        Map.of("chats", List.of(Map.of("__typename", "Chat", "id", "c1", "title", "Team"))), Map.of()));
    }

    private static List<String> subgraphs(FakeSubgraphClient client) {
        return client.requests().stream().map(SubgraphRequest::subgraph).toList();
    }

    @Test
    void refusesAFieldOnlyAnInterfaceObjectWithoutAResolvableKeyHasWhereNothingElseCanReachIt() {
        Gateway gateway = Fixtures.gateway("unresolvable-interface-object", new FakeSubgraphClient());
        GatewayResponse response = Fixtures.run(gateway, "{ node { score } }");

        // never a plan that silently drops the field
        assertEquals(List.of(Map.of("message", "No subgraph can resolve Node.score from subgraph a (no usable @key)",
                "extensions", Map.of("code", "QUERY_PLANNING_FAILED"))), response.body().get("errors"));
        assertTrue(response.body().containsKey("data") && response.body().get("data") == null, "data: null, nothing ran");
        // the plan asked for beside the answer (a header in the shell) says so too, instead of failing the response
        assertEquals("Planning fails: No subgraph can resolve Node.score from subgraph a (no usable @key)",
                gateway.explain("{ node { score } }", null));
    }

    @Test
    void aSharedRootFieldOverAChainOfInterfaceFieldsAsDeepAsAllowedIsPlannedAndAnswered() {
        // each level could be any of four implementations: anything asked per type path would cost four to the power of the depth
        String[] types = {"One", "Two", "Three", "Four"};
        Map<String, Object> served = Map.of("__typename", types[1], "id", "n13");
        Map<String, Object> expected = Map.of("id", "n13");
        String selection = "id";
        for (int level = 12; level >= 0; level--) {
            served = Map.of("__typename", types[level % 4], "id", "n" + level, "next", served);
            expected = Map.of("next", expected);
            selection = "next { " + selection + " }";
        }
        FakeSubgraphClient client = new FakeSubgraphClient()
                .with("a", new FakeSubgraph(Fixtures.subgraphSdl("interface-chain", "a"), Map.of(), Map.of("node", served), Map.of()))
                .with("b", new FakeSubgraph(Fixtures.subgraphSdl("interface-chain", "b"), Map.of(), Map.of("node", served), Map.of()));

        // node, 13 levels of next and id: 15 levels, the default depth limit
        GatewayResponse response = Fixtures.run(Fixtures.gateway("interface-chain", client), "{ node { " + selection + " } }");

        assertEquals(Map.of("data", Map.of("node", expected)), response.body());
        assertEquals(1, client.requests().size());
    }
}
