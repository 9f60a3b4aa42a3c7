package org.plenum.topics.graphql;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.plenum.topics.support.EmbeddedPostgresTestResource;
import org.plenum.topics.support.SpeakersServiceStandIn;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.plenum.topics.support.GraphQL.assertError;
import static org.plenum.topics.support.GraphQL.post;

/** Each kind of bad input gets a clear error with a code, and nothing is written. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresTestResource.class)
class BadInputTest {

    private static final String CREATE_TOPIC = "mutation($input: TopicInput!) { createTopic(input: $input) { id } }";
    private static final String UPDATE_TOPIC =
            "mutation($id: ID!, $input: TopicInput!) { updateTopic(id: $id, input: $input) { id } }";
    private static final String ADD_QUOTE = "mutation($input: QuoteInput!) { addQuote(input: $input) { id } }";

    @Test
    void createTopicRejectsBadTitlesSummariesAndKeywords() {
        int before = topicCount();
        createTopicFails(topic("   ", null, null), "input.title must not be empty");
        createTopicFails(topic("x".repeat(201), null, null), "input.title is 201 characters long; at most 200");
        createTopicFails(topic("Long summary", "s".repeat(2001), null), "input.summary is 2001 characters long");
        createTopicFails(topic("Many keywords", null, IntStream.range(0, 21).mapToObj(i -> "k" + i).toList()),
                "input.keywords has 21 keywords; at most 20");
        createTopicFails(topic("Long keyword", null, List.of("k".repeat(51))), "is 51 characters long; at most 50");
        createTopicFails(topic("Blank keyword", null, List.of("ok", " ")), "input.keywords entry must not be empty");
        createTopicFails(topic("Duplicate keywords", null, List.of("AI", "chips", "ai")),
                "input.keywords contains 'ai' more than once");
        createTopicFails(topic("semiconductors", null, null), "a topic titled 'semiconductors' already exists");
        createTopicFails(topic("Nul\u0000character", null, null), "input.title must not contain NUL");
        assertEquals(before, topicCount());
    }

    @Test
    void updateTopicRejectsUnknownIdsAndBadInputWithoutChangingTheTopic() {
        assertError(post(UPDATE_TOPIC, Map.of("id", "424242", "input", topic("New", null, null))),
                "updateTopic", "NOT_FOUND", "Topic '424242' does not exist");
        assertError(post(UPDATE_TOPIC, Map.of("id", "2", "input", topic("", null, null))),
                "updateTopic", "BAD_USER_INPUT", "input.title must not be empty");
        assertError(post(UPDATE_TOPIC, Map.of("id", "2", "input", topic("Agriculture", null, null))),
                "updateTopic", "BAD_USER_INPUT", "a topic titled 'Agriculture' already exists");
        post("{ topic(id: \"2\") { title } }").body("data.topic.title", equalTo("New quality productive forces"));
    }

    @Test
    void deletingUnknownTopicsAndQuotesIsNotFound() {
        assertError(post("mutation { deleteTopic(id: \"424242\") }"), "deleteTopic", "NOT_FOUND",
                "Topic '424242' does not exist");
        assertError(post("mutation { deleteQuote(id: \"abc\") }"), "deleteQuote", "NOT_FOUND",
                "Quote 'abc' does not exist");
    }

    @Test
    void pageSizeMustBeFrom0To100() {
        assertError(post("{ topics(first: 101) { totalCount } }"), "topics", "BAD_USER_INPUT",
                "first must be between 0 and 100, got 101");
        assertError(post("{ topics(first: -1) { totalCount } }"), "topics", "BAD_USER_INPUT",
                "first must be between 0 and 100, got -1");
    }

    @Test
    void malformedCursorsAreRejected() {
        String foreign = Base64.getUrlEncoder().encodeToString("speaker:1".getBytes(StandardCharsets.UTF_8));
        for (String cursor : List.of("garbage!", foreign, "dG9waWM6eA")) {
            assertError(post("query($after: String) { topics(after: $after) { totalCount } }", Map.of("after", cursor)),
                    "topics", "BAD_USER_INPUT", "is not a cursor of this list");
        }
    }

    @Test
    void addQuoteRejectsBadInputAndWritesNothing() {
        int before = quoteCountOf("test-speaker");
        addQuoteFails(quote("test-speaker", List.of("1"), " "), "BAD_USER_INPUT", "input.text must not be empty");
        addQuoteFails(quote("test-speaker", List.of("1"), "t".repeat(5001)), "BAD_USER_INPUT",
                "input.text is 5001 characters long; at most 5000");
        Map<String, Object> longSource = new HashMap<>(quote("test-speaker", List.of("1"), "Text"));
        longSource.put("source", "s".repeat(501));
        addQuoteFails(longSource, "BAD_USER_INPUT", "input.source is 501 characters long; at most 500");
        addQuoteFails(quote("test-speaker", List.of(), "Text"), "BAD_USER_INPUT",
                "input.topicIds must name at least one topic");
        addQuoteFails(quote("test-speaker", Collections.nCopies(21, "1"), "Text"), "BAD_USER_INPUT",
                "input.topicIds names 21 topics; at most 20");
        addQuoteFails(quote("test-speaker", List.of("1", "2", "1"), "Text"), "BAD_USER_INPUT",
                "input.topicIds names topic '1' more than once");
        addQuoteFails(quote(" ", List.of("1"), "Text"), "BAD_USER_INPUT", "input.speakerId must not be empty");
        assertEquals(before, quoteCountOf("test-speaker"));
    }

    @Test
    void addQuoteNamesUnknownTopicsAndSpeakersAndWritesNothing() {
        int before = quoteCountOf("test-speaker");
        addQuoteFails(quote("test-speaker", List.of("1", "424242"), "Text"), "NOT_FOUND",
                "Topic '424242' does not exist");
        addQuoteFails(quote("test-speaker", List.of("424242", "434343"), "Text"), "NOT_FOUND",
                "Topics '424242', '434343' do not exist");
        addQuoteFails(quote("test-speaker", List.of("no-such-topic"), "Text"), "NOT_FOUND",
                "Topic 'no-such-topic' does not exist");
        addQuoteFails(quote("nobody-known", List.of("1"), "Text"), "NOT_FOUND", "Speaker 'nobody-known' does not exist");
        assertEquals(before, quoteCountOf("test-speaker"));
        assertEquals(0, quoteCountOf("nobody-known"));
    }

    @Test
    void addQuoteReportsAnUnreachableSpeakersServiceAndWritesNothing() {
        int before = quoteCountOf("test-speaker");
        SpeakersServiceStandIn.instance().stop();
        try {
            addQuoteFails(quote("test-speaker", List.of("1"), "Text"), "SERVICE_UNAVAILABLE",
                    "could not confirm speaker 'test-speaker'");
        } finally {
            SpeakersServiceStandIn.instance().restart();
        }
        assertEquals(before, quoteCountOf("test-speaker"));
    }

    private static void createTopicFails(Map<String, Object> input, String message) {
        assertError(post(CREATE_TOPIC, Map.of("input", input)), "createTopic", "BAD_USER_INPUT", message);
    }

    private static void addQuoteFails(Map<String, Object> input, String code, String message) {
        assertError(post(ADD_QUOTE, Map.of("input", input)), "addQuote", code, message);
    }

    private static Map<String, Object> topic(String title, String summary, List<String> keywords) {
        Map<String, Object> input = new HashMap<>();
        input.put("title", title);
        input.put("summary", summary);
        input.put("keywords", keywords);
        return input;
    }

    private static Map<String, Object> quote(String speakerId, List<String> topicIds, String text) {
        return Map.of("speakerId", speakerId, "topicIds", topicIds, "text", text);
    }

    private static int topicCount() {
        return post("{ topics(first: 0) { totalCount } }").extract().path("data.topics.totalCount");
    }

    private static int quoteCountOf(String speakerId) {
        return post("query($r: [_Any!]!) { _entities(representations: $r) { ... on Speaker { quotes { id } } } }",
                Map.of("r", List.of(Map.of("__typename", "Speaker", "id", speakerId))))
                .extract().path("data._entities[0].quotes.size()");
    }
}
