package org.plenum.topics.graphql;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.plenum.topics.support.EmbeddedPostgresTestResource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plenum.topics.support.GraphQL.post;

@QuarkusTest
@WithTestResource(EmbeddedPostgresTestResource.class)
class TopicsApiTest {

    private static final String CREATE_TOPIC = """
            mutation($input: TopicInput!) { createTopic(input: $input) { id title summary keywords quotes { id } speakers { id } } }""";
    private static final String ADD_QUOTE = """
            mutation($input: QuoteInput!) { addQuote(input: $input) { id text source speaker { id } topics { id title } } }""";
    private static final String TOPIC = """
            query($id: ID!) { topic(id: $id) { id title summary keywords quotes { id text } speakers { id } } }""";
    private static final String QUOTE = """
            query($id: ID!) { quote(id: $id) { id text source speaker { id } topics { id } } }""";

    @Test
    void topicReturnsTheSampleTopicWithItsQuotesAndSpeakers() {
        post(TOPIC, Map.of("id", "1"))
                .body("data.topic.title", equalTo("Third Plenary Session of the 20th CPC Central Committee"))
                .body("data.topic.keywords", hasItem("third plenum"))
                .body("data.topic.quotes.id", contains("1", "5", "6"))
                .body("data.topic.speakers.id", contains("khalil-hashmi", "lin-nan"));
    }

    @Test
    void unknownOrMalformedIdsFindNothing() {
        post(TOPIC, Map.of("id", "999999")).body("data.topic", nullValue()).body("errors", nullValue());
        post(TOPIC, Map.of("id", "not-a-number")).body("data.topic", nullValue()).body("errors", nullValue());
        post(QUOTE, Map.of("id", "999999")).body("data.quote", nullValue()).body("errors", nullValue());
    }

    @Test
    void quoteReturnsItsSpeakerAndTopics() {
        post(QUOTE, Map.of("id", "6"))
                .body("data.quote.speaker.id", equalTo("lin-nan"))
                .body("data.quote.text", equalTo("In light of these new policies and directions outlined at the third "
                        + "Plenary Session, what areas of future collaboration should Pakistan and China focus on "
                        + "\u2013 to strengthen this partnership?"))
                .body("data.quote.topics.id", contains("1", "6"));
    }

    @Test
    void createUpdateAndDeleteATopic() {
        String id = post(CREATE_TOPIC, Map.of("input", Map.of("title", "  Trade corridors  ",
                "summary", "Roads and ports", "keywords", List.of("CPEC", "ports"))))
                .body("errors", nullValue())
                .body("data.createTopic.title", equalTo("Trade corridors"))
                .body("data.createTopic.keywords", contains("CPEC", "ports"))
                .body("data.createTopic.quotes", empty())
                .body("data.createTopic.speakers", empty())
                .extract().path("data.createTopic.id");

        post("""
                mutation($id: ID!, $input: TopicInput!) { updateTopic(id: $id, input: $input) { id title summary keywords } }""",
                Map.of("id", id, "input", Map.of("title", "Economic corridors", "keywords", List.of("CPEC"))))
                .body("errors", nullValue())
                .body("data.updateTopic.id", equalTo(id))
                .body("data.updateTopic.title", equalTo("Economic corridors"))
                .body("data.updateTopic.summary", nullValue())
                .body("data.updateTopic.keywords", contains("CPEC"));
        post(TOPIC, Map.of("id", id)).body("data.topic.title", equalTo("Economic corridors"));

        post("mutation($id: ID!) { deleteTopic(id: $id) }", Map.of("id", id))
                .body("errors", nullValue())
                .body("data.deleteTopic", equalTo(true));
        post(TOPIC, Map.of("id", id)).body("data.topic", nullValue());
    }

    @Test
    void addAndDeleteAQuote() {
        String topicId = createTopic("Ports and shipping");
        String quoteId = post(ADD_QUOTE, Map.of("input", Map.of("speakerId", "khalil-hashmi",
                "topicIds", List.of(topicId, "6"), "text", "Ports connect us.", "source", "A test")))
                .body("errors", nullValue())
                .body("data.addQuote.speaker.id", equalTo("khalil-hashmi"))
                .body("data.addQuote.source", equalTo("A test"))
                .body("data.addQuote.topics.id", contains("6", topicId))
                .extract().path("data.addQuote.id");
        post(TOPIC, Map.of("id", topicId))
                .body("data.topic.quotes.id", contains(quoteId))
                .body("data.topic.speakers.id", contains("khalil-hashmi"));

        post("mutation($id: ID!) { deleteQuote(id: $id) }", Map.of("id", quoteId)).body("data.deleteQuote", equalTo(true));
        post(QUOTE, Map.of("id", quoteId)).body("data.quote", nullValue());
        post(TOPIC, Map.of("id", "6")).body("data.topic.quotes.id", not(hasItem(quoteId)));
    }

    @Test
    void deletingATopicRemovesItFromItsQuotesAndDeletesQuotesLeftWithoutTopic() {
        String doomed = createTopic("Doomed topic");
        String kept = createTopic("Kept topic");
        String onlyOnDoomed = addQuote("test-speaker", List.of(doomed), "Only on the doomed topic");
        String onBoth = addQuote("test-speaker", List.of(doomed, kept), "On both topics");

        post("mutation($id: ID!) { deleteTopic(id: $id) }", Map.of("id", doomed)).body("data.deleteTopic", equalTo(true));

        post(QUOTE, Map.of("id", onlyOnDoomed)).body("data.quote", nullValue());
        post(QUOTE, Map.of("id", onBoth)).body("data.quote.topics.id", contains(kept));
        post(TOPIC, Map.of("id", kept)).body("data.topic.quotes.id", contains(onBoth));
    }

    @Test
    void paginationWalksAllTopicsInAStableOrder() {
        int total = post("{ topics { totalCount } }").extract().path("data.topics.totalCount");
        List<Long> seen = new ArrayList<>();
        String after = null;
        boolean hasNextPage = true;
        while (hasNextPage) {
            Map<String, Object> variables = new java.util.HashMap<>();
            variables.put("after", after);
            Map<String, Object> page = post("""
                    query($after: String) { topics(first: 4, after: $after) {
                      totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }""", variables)
                    .body("errors", nullValue())
                    .body("data.topics.totalCount", equalTo(total))
                    .extract().path("data.topics");
            List<Map<String, Object>> edges = (List<Map<String, Object>>) page.get("edges");
            Map<String, Object> pageInfo = (Map<String, Object>) page.get("pageInfo");
            edges.forEach(edge -> seen.add(Long.valueOf((String) ((Map<String, Object>) edge.get("node")).get("id"))));
            hasNextPage = (Boolean) pageInfo.get("hasNextPage");
            if (!edges.isEmpty()) {
                assertEquals(edges.get(edges.size() - 1).get("cursor"), pageInfo.get("endCursor"));
            }
            after = (String) pageInfo.get("endCursor");
            assertTrue(seen.size() <= total, "pagination must end");
        }
        assertEquals(total, seen.size());
        assertEquals(seen.stream().sorted().distinct().toList(), seen, "ascending ids, each once");
        assertTrue(seen.containsAll(List.of(1L, 15L)));
    }

    @Test
    void firstZeroReturnsNoEdgesButTheCount() {
        post("{ topics(first: 0) { totalCount edges { cursor } pageInfo { hasNextPage endCursor } } }")
                .body("data.topics.edges", empty())
                .body("data.topics.totalCount", notNullValue())
                .body("data.topics.pageInfo.hasNextPage", equalTo(true))
                .body("data.topics.pageInfo.endCursor", nullValue());
    }

    @Test
    void searchIsCaseInsensitiveOnTitleSummaryAndKeywords() {
        assertEquals(List.of("Quantum computing"), titles(Map.of("search", "QUANTUM")));
        assertEquals(List.of("Resilient supply chains"), titles(Map.of("search", "geopolitical")));
        assertEquals(List.of("Internet of Things"), titles(Map.of("search", "iot")));
        // LIKE wildcards are matched literally: only one summary contains a percent sign
        assertEquals(List.of("Youth and IT skills"), titles(Map.of("search", "%")));
    }

    @Test
    void keywordFilterMatchesWholeKeywordsIgnoringCase() {
        assertEquals(List.of("Artificial intelligence", "Internet of Things", "Quantum computing", "Semiconductors"),
                titles(Map.of("keyword", "Emerging Technologies")));
        assertEquals(List.of("Artificial intelligence"), titles(Map.of("keyword", "ai")));
        assertTrue(titles(Map.of("keyword", "emerging")).isEmpty());
        assertEquals(List.of("Semiconductors"), titles(Map.of("keyword", "emerging technologies", "search", "chip")));
    }

    @Test
    void filteredTotalCountCountsOnlyMatches() {
        post("query($filter: TopicFilter) { topics(first: 1, filter: $filter) { totalCount pageInfo { hasNextPage } } }",
                Map.of("filter", Map.of("keyword", "emerging technologies")))
                .body("data.topics.totalCount", equalTo(4))
                .body("data.topics.pageInfo.hasNextPage", equalTo(true));
    }

    private static List<String> titles(Map<String, String> filter) {
        List<String> titles = post("query($filter: TopicFilter) { topics(first: 100, filter: $filter) { edges { node { title } } } }",
                Map.of("filter", filter))
                .body("errors", nullValue())
                .extract().path("data.topics.edges.node.title");
        assertFalse(titles == null);
        return titles;
    }

    static String createTopic(String title) {
        return post(CREATE_TOPIC, Map.of("input", Map.of("title", title)))
                .body("errors", nullValue())
                .extract().path("data.createTopic.id");
    }

    static String addQuote(String speakerId, List<String> topicIds, String text) {
        return post(ADD_QUOTE, Map.of("input", Map.of("speakerId", speakerId, "topicIds", topicIds, "text", text)))
                .body("errors", nullValue())
                .extract().path("data.addQuote.id");
    }
}
