package org.plenum.speakers.graphql;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.plenum.speakers.support.GraphQL;
import org.plenum.speakers.support.TestEnvironment;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(TestEnvironment.class)
class SpeakerQueriesTest {

    static final String CREATE = """
            mutation($input: SpeakerInput!) { createSpeaker(input: $input) { id } }""";
    static final String PAGE = """
            query($first: Int, $after: String, $filter: SpeakerFilter) {
              speakers(first: $first, after: $after, filter: $filter) {
                totalCount
                edges { cursor node { id name } }
                pageInfo { hasNextPage endCursor }
              }
            }""";

    static String create(String name, String role, String organization, String country) {
        return GraphQL.ok(CREATE, Map.of("input", GraphQL.speakerInput(name, role, organization, country, null)))
                .extract().path("data.createSpeaker.id");
    }

    static String uniqueTag() {
        return "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    @Test
    void speakerById() {
        String id = create("Ada Byron", "Mathematician", "Analytical Engine Society", "United Kingdom");
        GraphQL.ok("query($id: ID!) { speaker(id: $id) { id name role organization country bio } }", Map.of("id", id))
                .body("data.speaker.id", equalTo(id))
                .body("data.speaker.name", equalTo("Ada Byron"))
                .body("data.speaker.role", equalTo("Mathematician"))
                .body("data.speaker.organization", equalTo("Analytical Engine Society"))
                .body("data.speaker.country", equalTo("United Kingdom"))
                .body("data.speaker.bio", nullValue());
    }

    @Test
    void unknownSpeakerIsNull() {
        GraphQL.ok("{ speaker(id: \"no-such-speaker\") { id } }").body("data.speaker", nullValue());
    }

    @Test
    void paginationWalksAllMatchesOnceInIdOrder() {
        String tag = uniqueTag();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(create(tag + " speaker " + i, null, null, null));
        }
        List<String> seen = new ArrayList<>();
        String after = null;
        boolean hasNext = true;
        int pages = 0;
        while (hasNext) {
            Map<String, Object> variables = new HashMap<>();
            variables.put("first", 2);
            variables.put("after", after);
            variables.put("filter", Map.of("search", tag));
            JsonPath page = GraphQL.ok(PAGE, variables).extract().jsonPath();
            assertEquals(5, page.getInt("data.speakers.totalCount"));
            List<String> ids = page.getList("data.speakers.edges.node.id");
            List<String> cursors = page.getList("data.speakers.edges.cursor");
            seen.addAll(ids);
            after = page.getString("data.speakers.pageInfo.endCursor");
            assertEquals(cursors.get(cursors.size() - 1), after);
            hasNext = page.getBoolean("data.speakers.pageInfo.hasNextPage");
            pages++;
        }
        assertEquals(3, pages);
        assertEquals(created.stream().sorted().toList(), seen);
    }

    @Test
    void firstZeroReturnsNoEdgesButTellsWhetherThereAreMore() {
        GraphQL.ok(PAGE, Map.of("first", 0))
                .body("data.speakers.edges", empty())
                .body("data.speakers.pageInfo.hasNextPage", equalTo(true))
                .body("data.speakers.pageInfo.endCursor", nullValue());
    }

    @Test
    void defaultPageSizeIsTwenty() {
        String tag = uniqueTag();
        for (int i = 0; i < 21; i++) {
            create(tag + " " + i, null, null, null);
        }
        GraphQL.ok("query($f: SpeakerFilter) { speakers(filter: $f) { totalCount edges { cursor } pageInfo { hasNextPage } } }",
                Map.of("f", Map.of("search", tag)))
                .body("data.speakers.totalCount", equalTo(21))
                .body("data.speakers.edges", hasSize(20))
                .body("data.speakers.pageInfo.hasNextPage", equalTo(true));
    }

    @Test
    void searchIsCaseInsensitiveOnNameRoleAndOrganization() {
        String tag = uniqueTag();
        String byName = create("Name " + tag.toUpperCase(), null, null, null);
        String byRole = create("Someone", "Role " + tag, null, null);
        String byOrganization = create("Someone else", null, tag.toUpperCase() + " Org", null);
        create("Unrelated", "Bio only", null, null);
        List<String> ids = GraphQL.ok(PAGE, Map.of("first", 100, "filter", Map.of("search", tag)))
                .body("data.speakers.totalCount", equalTo(3))
                .extract().jsonPath().getList("data.speakers.edges.node.id");
        assertEquals(List.of(byName, byRole, byOrganization).stream().sorted().toList(), ids);
    }

    @Test
    void searchTreatsRegexCharactersLiterally() {
        String tag = uniqueTag();
        String literal = create("Dot.star " + tag + " (a+b)*[c]", null, null, null);
        create("Dotxstar " + tag + " aab", null, null, null);
        GraphQL.ok(PAGE, Map.of("filter", Map.of("search", "Dot.star " + tag + " (a+b)*[c]")))
                .body("data.speakers.edges.node.id", contains(literal));
        GraphQL.ok(PAGE, Map.of("filter", Map.of("search", ".*")))
                .body("data.speakers.totalCount", equalTo(0));
    }

    @Test
    void countryMatchesWholeValueIgnoringCase() {
        String country = "Land of " + uniqueTag();
        String id = create("Citizen", null, null, country);
        GraphQL.ok(PAGE, Map.of("filter", Map.of("country", country.toUpperCase())))
                .body("data.speakers.edges.node.id", contains(id));
        GraphQL.ok(PAGE, Map.of("filter", Map.of("country", country.substring(0, 6))))
                .body("data.speakers.totalCount", equalTo(0));
    }

    @Test
    void searchAndCountryCombine() {
        String tag = uniqueTag();
        String match = create(tag + " one", null, null, "Pakistan");
        create(tag + " two", null, null, "China");
        GraphQL.ok(PAGE, Map.of("filter", Map.of("search", tag, "country", "pakistan")))
                .body("data.speakers.edges.node.id", contains(match));
    }

    @Test
    void firstOutOfRangeIsBadUserInput() {
        GraphQL.error(PAGE, Map.of("first", 101), "BAD_USER_INPUT", "speakers")
                .body("errors[0].message", equalTo("first must be between 0 and 100 (got 101)"))
                .body("data", nullValue());
        GraphQL.error(PAGE, Map.of("first", -1), "BAD_USER_INPUT", "speakers");
    }

    @Test
    void malformedCursorIsBadUserInput() {
        GraphQL.error(PAGE, Map.of("after", "not a cursor!"), "BAD_USER_INPUT", "speakers");
        String foreignBase64 = Base64.getUrlEncoder().encodeToString("topic:1".getBytes(StandardCharsets.UTF_8));
        GraphQL.error(PAGE, Map.of("after", foreignBase64), "BAD_USER_INPUT", "speakers")
                .body("errors[0].message", equalTo("after is not a cursor returned by this service: \"" + foreignBase64 + "\""));
    }

    @Test
    void overlongSearchIsBadUserInput() {
        GraphQL.error(PAGE, Map.of("filter", Map.of("search", "x".repeat(201))), "BAD_USER_INPUT", "speakers")
                .body("errors[0].message", equalTo("filter.search must be at most 200 characters (got 201)"));
    }

    @Test
    void cursorsAreOpaque() {
        String cursor = GraphQL.ok(PAGE, Map.of("first", 1)).extract().path("data.speakers.edges[0].cursor");
        String id = GraphQL.ok(PAGE, Map.of("first", 1)).extract().path("data.speakers.edges[0].node.id");
        assertFalse(cursor.contains(id));
        assertTrue(cursor.matches("[A-Za-z0-9_-]+"));
    }
}
