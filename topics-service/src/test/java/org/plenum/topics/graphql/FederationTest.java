package org.plenum.topics.graphql;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.plenum.topics.support.EmbeddedPostgresTestResource;

import java.net.URL;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plenum.topics.support.GraphQL.post;
import static org.plenum.topics.support.GraphQL.sqlStatementsExecuted;

/**
 * The subgraph contract with a federation gateway: a Federation 2 SDL, entity lookups in request order, and
 * batching measured by the SQL statements the PostgreSQL client actually executed.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresTestResource.class)
class FederationTest {

    @TestHTTPResource(value = "/", management = true)
    URL management;

    private static final String ENTITIES = "query($r: [_Any!]!) { _entities(representations: $r) { %s } }";

    @Test
    void serviceSdlLinksFederation2AndDeclaresTheEntities() {
        post("{ _service { sdl } }")
                .body("data._service.sdl", containsString("@link(import : [\"@key\", \"@shareable\", \"FieldSet\", \"@listSize\", \"@requiresScopes\", \"Scope\"], "
                        + "url : \"https://specs.apollo.dev/federation/v2.9\")"))
                .body("data._service.sdl", containsString("directive @listSize(requireOneSlicingArgument: Boolean = true,"
                        + " sizedFields: [String!], slicingArguments: [String!]) on FIELD_DEFINITION"))
                .body("data._service.sdl", containsString("type Topic @key(fields : \"id\")"))
                .body("data._service.sdl", containsString("type Quote @key(fields : \"id\")"))
                .body("data._service.sdl", containsString("type Speaker @key(fields : \"id\")"))
                .body("data._service.sdl", containsString("type PageInfo @shareable"))
                .body("data._service.sdl", containsString("addQuote(idempotencyKey: String, input: QuoteInput!): Quote!"))
                .body("data._service.sdl", containsString(
                        "topics(after: String, filter: TopicFilter, first: Int = 20): TopicConnection!"
                        + " @listSize(sizedFields : [\"edges\"], slicingArguments : [\"first\"])"))
                .body("data._service.sdl", containsString(
                        "quotes(first: Int = 10): [Quote!]! @listSize(requireOneSlicingArgument : false,"
                        + " slicingArguments : [\"first\"])"));
    }

    /** Non-null, an outage of this service would null every speaker of a response through a gateway. */
    @Test
    void fieldsAddedToSpeakerAreNullable() {
        String sdl = post("{ _service { sdl } }").extract().path("data._service.sdl");
        String speaker = sdl.substring(sdl.indexOf("type Speaker @key"), sdl.indexOf('}', sdl.indexOf("type Speaker @key")));
        assertTrue(speaker.contains("quotes(first: Int = 10): [Quote!] @listSize"), speaker);
        assertTrue(speaker.contains("topics(first: Int = 10): [Topic!] @listSize"), speaker);
    }

    @Test
    void entitiesAnswerInRequestOrderWithNullForUnknownIds() {
        post(ENTITIES.formatted("... on Topic { id title } ... on Quote { id speaker { id } } ... on Speaker { id }"),
                Map.of("r", List.of(rep("Quote", "6"), rep("Topic", "999999"), rep("Topic", "9"), rep("Speaker", "lin-nan"),
                        rep("Quote", "x"), rep("Topic", "1"))))
                .body("errors", nullValue())
                .body("data._entities.size()", equalTo(6))
                .body("data._entities[1]", nullValue())
                .body("data._entities[4]", nullValue())
                .body("data._entities.id", contains("6", "9", "lin-nan", "1"))
                .body("data._entities[0].speaker.id", equalTo("lin-nan"))
                .body("data._entities[2].title", equalTo("Agriculture"));
    }

    @Test
    void speakerTopicsAndQuotesComeFromThisSubgraph() {
        post(ENTITIES.formatted("... on Speaker { id topics { id } quotes { id } }"),
                Map.of("r", List.of(rep("Speaker", "lin-nan"), rep("Speaker", "someone-without-quotes"))))
                .body("data._entities[0].topics.id", contains("1", "6"))
                .body("data._entities[0].quotes.id", contains("6"))
                .body("data._entities[1].topics.size()", equalTo(0))
                .body("data._entities[1].quotes.size()", equalTo(0));
    }

    @Test
    void topicEntitiesCostOneQueryWhateverTheirNumber() {
        assertEquals(1, statementsFor("... on Topic { id title keywords }", reps("Topic", 2)));
        assertEquals(1, statementsFor("... on Topic { id title keywords }", reps("Topic", 20)));
    }

    @Test
    void quoteEntitiesCostOneQueryWhateverTheirNumber() {
        assertEquals(1, statementsFor("... on Quote { id text speaker { id } }", reps("Quote", 2)));
        assertEquals(1, statementsFor("... on Quote { id text speaker { id } }", reps("Quote", 13)));
    }

    @Test
    void speakerTopicsAndQuotesCostOneQueryEachForAnyNumberOfSpeakers() {
        String selection = "... on Speaker { id topics { id title } quotes { id text } }";
        List<Map<String, Object>> two = List.of(rep("Speaker", "khalil-hashmi"), rep("Speaker", "lin-nan"));
        List<Map<String, Object>> many = IntStream.range(0, 25)
                .mapToObj(i -> rep("Speaker", i % 2 == 0 ? "khalil-hashmi-" + i : "lin-nan")).toList();
        assertEquals(2, statementsFor(selection, two));
        assertEquals(2, statementsFor(selection, many));
    }

    @Test
    void nestedListsCostOneQueryPerLevelNotPerItem() {
        String selection = "... on Topic { id quotes { id topics { id } } speakers { id quotes { id } } }";
        // topics, their quotes, those quotes' topics, the topics' speakers, those speakers' quotes
        assertEquals(5, statementsFor(selection, reps("Topic", 1)));
        assertEquals(5, statementsFor(selection, reps("Topic", 15)));
        long before = sqlStatementsExecuted(management);
        post("{ topics(first: 15) { totalCount edges { node { quotes { id topics { id } } speakers { id } } } } }")
                .body("errors", nullValue());
        // the count, the page, the quotes, their topics, the speakers
        assertEquals(5, sqlStatementsExecuted(management) - before);
    }

    private long statementsFor(String selection, List<Map<String, Object>> representations) {
        long before = sqlStatementsExecuted(management);
        post(ENTITIES.formatted(selection), Map.of("r", representations))
                .body("errors", nullValue())
                .body("data._entities.size()", equalTo(representations.size()));
        return sqlStatementsExecuted(management) - before;
    }

    private static List<Map<String, Object>> reps(String type, int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> rep(type, Integer.toString(i))).toList();
    }

    private static Map<String, Object> rep(String type, String id) {
        Map<String, Object> representation = new HashMap<>();
        representation.put("__typename", type);
        representation.put("id", id);
        return representation;
    }
}
