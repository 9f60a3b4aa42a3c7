package org.plenum.topics.graphql;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.plenum.topics.support.EmbeddedPostgresTestResource;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.plenum.topics.support.GraphQL.post;
import static org.plenum.topics.support.GraphQL.sqlStatementsExecuted;

/** Every nested list takes {@code first} (default 10, at most 100), so no field returns unbounded data. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresTestResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NestedListLimitsTest {

    private static final int QUOTES = 23;
    private static final String TOPIC_QUOTES = "query($id: ID!) { topic(id: $id) { quotes%s { id } } }";

    @TestHTTPResource(value = "/", management = true)
    URL management;

    private String topicId;
    private final List<String> quoteIds = new ArrayList<>();

    // once, but not in @BeforeAll: the HTTP port is only set for each test
    @BeforeEach
    void aTopicWithMoreQuotesThanTheDefault() {
        if (topicId != null) {
            return;
        }
        topicId = TopicsApiTest.createTopic("A much quoted topic");
        for (int i = 0; i < QUOTES; i++) {
            quoteIds.add(TopicsApiTest.addQuote("test-speaker", List.of(topicId), "Quote number " + i));
        }
    }

    @Test
    void firstLimitsTheListToItsFirstItemsInIdOrder() {
        post(TOPIC_QUOTES.formatted("(first: 3)"), Map.of("id", topicId))
                .body("errors", nullValue())
                .body("data.topic.quotes.id", contains(quoteIds.subList(0, 3).toArray()));
        post(TOPIC_QUOTES.formatted("(first: 0)"), Map.of("id", topicId))
                .body("data.topic.quotes.size()", equalTo(0));
    }

    @Test
    void withoutFirstTheListHasAtMostTenItems() {
        post(TOPIC_QUOTES.formatted(""), Map.of("id", topicId))
                .body("errors", nullValue())
                .body("data.topic.quotes.id", contains(quoteIds.subList(0, 10).toArray()));
        post(TOPIC_QUOTES.formatted("(first: 100)"), Map.of("id", topicId))
                .body("data.topic.quotes.size()", equalTo(QUOTES));
    }

    @Test
    void everyNestedListTakesFirst() {
        post("""
                query($id: ID!) { topic(id: $id) { speakers(first: 1) { id quotes(first: 2) { id topics(first: 1) { id } } \
                topics(first: 1) { id } } } }""", Map.of("id", topicId))
                .body("errors", nullValue())
                .body("data.topic.speakers.id", contains("test-speaker"))
                .body("data.topic.speakers[0].quotes.size()", equalTo(2))
                .body("data.topic.speakers[0].quotes[0].topics.size()", equalTo(1))
                .body("data.topic.speakers[0].topics.size()", equalTo(1));
    }

    @Test
    void aliasesOfOneListWithOtherFirstAreRefusedNotAnsweredWrongly() {
        // the list is read for all topics at once, with one first: the second alias would get the first one's answer
        post("query($id: ID!) { topic(id: $id) { one: quotes(first: 1) { id } three: quotes(first: 3) { id } } }",
                Map.of("id", topicId))
                .body("errors[0].extensions.code", equalTo("ALIASES_WITH_OTHER_ARGUMENTS"))
                .body("data", nullValue());
        post("query($id: ID!) { topic(id: $id) { one: quotes(first: 3) { id } three: quotes(first: 3) { text } } }",
                Map.of("id", topicId))
                .body("errors", nullValue())
                .body("data.topic.three.size()", equalTo(3));
    }

    @Test
    void eachParentGetsItsOwnFirstItems() {
        // a speaker quoted on several topics, sharing one of them with another speaker
        String a = TopicsApiTest.createTopic("Shared parent A");
        String b = TopicsApiTest.createTopic("Shared parent B");
        String c = TopicsApiTest.createTopic("Shared parent C");
        String d = TopicsApiTest.createTopic("Shared parent D");
        String q1 = TopicsApiTest.addQuote("speaker-many", List.of(a), "On A");
        String q2 = TopicsApiTest.addQuote("speaker-many", List.of(b, a), "On A and B");
        String q3 = TopicsApiTest.addQuote("speaker-many", List.of(c), "On C");
        String q4 = TopicsApiTest.addQuote("speaker-other", List.of(d, b), "On B and D");
        String speakers = """
                query($reps: [_Any!]!, $first: Int) { _entities(representations: $reps) { ... on Speaker {
                  topics(first: $first) { id } quotes { id topics { id } } } } }""";
        List<Map<String, String>> both = Stream.of("speaker-many", "speaker-other")
                .map(id -> Map.of("__typename", "Speaker", "id", id)).toList();
        post(speakers, Map.of("reps", both))
                .body("errors", nullValue())
                .body("data._entities[0].topics.id", contains(a, b, c))
                .body("data._entities[0].quotes.id", contains(q1, q2, q3))
                .body("data._entities[0].quotes.topics.id", contains(List.of(a), List.of(a, b), List.of(c)))
                .body("data._entities[1].topics.id", contains(b, d))
                .body("data._entities[1].quotes.id", contains(q4))
                .body("data._entities[1].quotes[0].topics.id", contains(b, d));
        post(speakers, Map.of("reps", both, "first", 2))
                .body("data._entities.topics.id", contains(List.of(a, b), List.of(b, d)));
        post("query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Topic { speakers { id } "
                        + "quotes(first: 1) { id } } } }",
                Map.of("reps", Stream.of(a, b, d).map(id -> Map.of("__typename", "Topic", "id", id)).toList()))
                .body("errors", nullValue())
                .body("data._entities.speakers.id", contains(List.of("speaker-many"),
                        List.of("speaker-many", "speaker-other"), List.of("speaker-other")))
                .body("data._entities.quotes.id", contains(List.of(q1), List.of(q2), List.of(q4)));
    }

    @ParameterizedTest
    @ValueSource(ints = {101, -1})
    void firstOutsideZeroToHundredIsRefused(int first) {
        post(TOPIC_QUOTES.formatted("(first: " + first + ")"), Map.of("id", topicId))
                .body("errors.size()", equalTo(1))
                .body("errors[0].message", equalTo("first must be between 0 and 100, got " + first))
                .body("errors[0].path", contains("topic", "quotes"))
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("data.topic", nullValue());
    }

    @Test
    void aLimitedListStillCostsOneQueryForAllItsParents() {
        long before = sqlStatementsExecuted(management);
        post("{ topics(first: 100) { edges { node { quotes(first: 2) { id } } } } }").body("errors", nullValue());
        // the page, the quotes of all topics
        assertEquals(2, sqlStatementsExecuted(management) - before);
    }

    @Test
    void topicsAreCountedOnlyWhenTheCountIsAskedFor() {
        long before = sqlStatementsExecuted(management);
        post("{ topics(first: 1) { totalCount edges { node { id } } } }").body("data.topics.totalCount", greaterThan(1));
        assertEquals(2, sqlStatementsExecuted(management) - before); // the page, the count

        before = sqlStatementsExecuted(management);
        post("{ topics(first: 1) { edges { node { id } } } }").body("errors", nullValue());
        assertEquals(1, sqlStatementsExecuted(management) - before);
    }

    @Test
    void aCountAskedForUnderManyAliasesIsCountedOnce() {
        long before = sqlStatementsExecuted(management);
        ValidatableResponse response = post("{ topics(first: 1) { a: totalCount b: totalCount c: totalCount totalCount } }")
                .body("errors", nullValue())
                .body("data.topics.a", greaterThan(1));
        assertEquals(2, sqlStatementsExecuted(management) - before); // the page, one count

        int count = response.extract().path("data.topics.a");
        response.body("data.topics.b", equalTo(count)).body("data.topics.c", equalTo(count))
                .body("data.topics.totalCount", equalTo(count));
    }
}
