package org.plenum.topics.graphql;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.plenum.subgraph.protection.testing.TestTokens;
import org.plenum.topics.support.EmbeddedPostgresTestResource;
import org.plenum.topics.support.GraphQL;
import org.plenum.topics.support.SpeakersServiceStandIn;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.plenum.topics.support.GraphQL.assertError;
import static org.plenum.topics.support.GraphQL.post;
import static org.plenum.topics.support.GraphQL.postWith;

/** A client that retries a create with its idempotency key gets the first result, never a second row. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresTestResource.class)
class IdempotentCreatesTest {

    private static final String ADD_QUOTE = """
            mutation($input: QuoteInput!, $key: String) { addQuote(input: $input, idempotencyKey: $key) { id } }""";
    private static final String CREATE_TOPIC = """
            mutation($input: TopicInput!, $key: String) { createTopic(input: $input, idempotencyKey: $key) { id } }""";
    private static final String TOPIC_QUOTES = "query($id: ID!) { topic(id: $id) { quotes(first: 100) { id } } }";

    @Test
    void aRetriedAddQuoteReturnsTheFirstQuote() {
        String topic = TopicsApiTest.createTopic("Idempotent quotes");
        String key = UUID.randomUUID().toString();
        Map<String, Object> variables = quote(topic, "Said once", key);

        String first = post(ADD_QUOTE, variables).body("errors", nullValue()).extract().path("data.addQuote.id");
        String retried = post(ADD_QUOTE, variables).body("errors", nullValue()).extract().path("data.addQuote.id");

        assertEquals(first, retried);
        post(TOPIC_QUOTES, Map.of("id", topic)).body("data.topic.quotes.size()", equalTo(1));
    }

    @Test
    void aRetryOfACommittedAddQuoteIsAnsweredFromItsKeyWhileSpeakersServiceIsDown() {
        String topic = TopicsApiTest.createTopic("Retried while speakers-service is down");
        Map<String, Object> variables = quote(topic, "Committed before the outage", UUID.randomUUID().toString());
        String first = post(ADD_QUOTE, variables).body("errors", nullValue()).extract().path("data.addQuote.id");

        SpeakersServiceStandIn.instance().stop();
        try {
            // the speaker was checked when the quote was created; checking again could only fail the retry
            post(ADD_QUOTE, variables).body("errors", nullValue()).body("data.addQuote.id", equalTo(first));
            assertError(post(ADD_QUOTE, quote(topic, "A new quote", UUID.randomUUID().toString())), "addQuote",
                    "SERVICE_UNAVAILABLE", "could not confirm speaker");
        } finally {
            SpeakersServiceStandIn.instance().restart();
        }
        post(TOPIC_QUOTES, Map.of("id", topic)).body("data.topic.quotes.size()", equalTo(1));
    }

    @Test
    void theSameKeyWithOtherInputIsRefusedAndChangesNothing() {
        String topic = TopicsApiTest.createTopic("Idempotency key reuse");
        String key = UUID.randomUUID().toString();
        post(ADD_QUOTE, quote(topic, "The first", key)).body("errors", nullValue());

        assertError(post(ADD_QUOTE, quote(topic, "Another text", key)), "addQuote", "IDEMPOTENCY_KEY_REUSED",
                "was used before with other input");
        post(TOPIC_QUOTES, Map.of("id", topic)).body("data.topic.quotes.size()", equalTo(1));
    }

    @Test
    void keysBelongToTheirCaller() {
        String topic = TopicsApiTest.createTopic("Keys per caller");
        String key = UUID.randomUUID().toString();
        String mine = post(ADD_QUOTE, quote(topic, "Same words", key)).extract().path("data.addQuote.id");
        String theirs = postWith("Bearer " + TestTokens.token(GraphQL.WRITE_SCOPE, "another-editor"), ADD_QUOTE,
                quote(topic, "Same words", key)).body("errors", nullValue()).extract().path("data.addQuote.id");

        assertNotEquals(mine, theirs);
    }

    @Test
    void aRetriedCreateTopicReturnsTheTopicInsteadOfATitleConflict() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> variables = Map.of("input", Map.of("title", "Created exactly once"), "key", key);
        String first = post(CREATE_TOPIC, variables).body("errors", nullValue()).extract().path("data.createTopic.id");

        post(CREATE_TOPIC, variables).body("errors", nullValue()).body("data.createTopic.id", equalTo(first));
    }

    @Test
    void concurrentRetriesCreateOneQuote() {
        String topic = TopicsApiTest.createTopic("Concurrent retries");
        Map<String, Object> variables = quote(topic, "Sent by an impatient client", UUID.randomUUID().toString());

        Set<String> ids = IntStream.range(0, 8)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> post(ADD_QUOTE, variables)
                        .body("errors", nullValue()).extract().<String>path("data.addQuote.id")))
                .toList().stream().map(CompletableFuture::join).collect(Collectors.toSet());

        assertEquals(1, ids.size(), "every retry answered with the first quote: " + ids);
        post(TOPIC_QUOTES, Map.of("id", topic)).body("data.topic.quotes.size()", equalTo(1));
    }

    @Test
    void aMalformedKeyIsRefused() {
        String topic = TopicsApiTest.createTopic("Malformed keys");
        assertError(post(ADD_QUOTE, quote(topic, "Never saved", "not a key!")), "addQuote", "BAD_USER_INPUT",
                "idempotencyKey must be 1 to 100 letters");
    }

    private static Map<String, Object> quote(String topic, String text, String key) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("input", Map.of("speakerId", "test-speaker", "topicIds", List.of(topic), "text", text));
        variables.put("key", key);
        return variables;
    }
}
