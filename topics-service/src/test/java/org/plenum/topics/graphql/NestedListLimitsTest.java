package org.plenum.topics.graphql;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.plenum.topics.GraphQL.post;
import static org.plenum.topics.GraphQL.sqlStatementsExecuted;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.plenum.topics.EmbeddedPostgresTestResource;

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
        // the count, the page, the quotes of all topics
        assertEquals(3, sqlStatementsExecuted(management) - before);
    }
}
