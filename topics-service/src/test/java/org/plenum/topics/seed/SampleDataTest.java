package org.plenum.topics.seed;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.plenum.topics.support.EmbeddedPostgresTestResource;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.plenum.topics.support.GraphQL.post;

/** The interview as loaded on first start, through the GraphQL API. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresTestResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SampleDataTest {

    private static final String SPEAKERS = """
            query($r: [_Any!]!) { _entities(representations: $r) { ... on Speaker { id quotes(first: 100) { id text source } topics(first: 100) { id } } } }""";

    @Inject
    SampleDataLoader loader;

    @Test
    @Order(1)
    void theInterviewsTopicsAreLoadedWithStableIds() {
        post("{ topics(first: 15) { edges { node { id title } } } }")
                .body("data.topics.edges.node.id", contains(IntStream.rangeClosed(1, 15).mapToObj(Integer::toString).toArray()))
                .body("data.topics.edges.node.title", contains("Third Plenary Session of the 20th CPC Central Committee",
                        "New quality productive forces", "High-quality development", "People-centred development",
                        "Resilient supply chains", "Pakistan-China cooperation", "Youth and IT skills",
                        "Innovation, digital and green technology", "Agriculture", "Minerals and mining",
                        "New energy and new materials", "Artificial intelligence", "Internet of Things",
                        "Quantum computing", "Semiconductors"));
    }

    @Test
    @Order(1)
    void bothSpeakersHaveTheirQuotes() {
        post(SPEAKERS, Map.of("r", List.of(Map.of("__typename", "Speaker", "id", "khalil-hashmi"),
                        Map.of("__typename", "Speaker", "id", "lin-nan"))))
                .body("data._entities[0].quotes.id", contains("1", "2", "3", "4", "5", "7", "8", "9", "10", "11", "12", "13"))
                .body("data._entities[0].quotes.source", everyItem(startsWith("CGTN interview with Lin Nan")))
                .body("data._entities[0].topics", hasSize(15))
                .body("data._entities[1].quotes.id", contains("6"))
                .body("data._entities[1].quotes[0].text", startsWith("In light of these new policies"))
                .body("data._entities[1].topics.id", contains("1", "6"));
    }

    @Test
    @Order(1)
    void quotesAreLinkedToTheirTopics() {
        post("{ quote(id: \"12\") { text speaker { id } topics { title } } }")
                .body("data.quote.text", equalTo("There are many areas we now see China making a lot of progress on, "
                        + "for example, artificial intelligence, internet of things, quantum computing, semiconductors."))
                .body("data.quote.topics.title", contains("Artificial intelligence", "Internet of Things",
                        "Quantum computing", "Semiconductors"));
        post("{ topic(id: \"9\") { quotes { id } speakers { id } } }")
                .body("data.topic.quotes.id", contains("10"))
                .body("data.topic.speakers.id", contains("khalil-hashmi"));
        post("{ topic(id: \"11\") { quotes { id } } }").body("data.topic.quotes.id", containsInAnyOrder("2", "11"));
    }

    @Test
    @Order(2)
    void loadingAgainNeitherDuplicatesNorRestoresWhatUsersDeleted() throws Throwable {
        post("mutation { deleteQuote(id: \"13\") }").body("data.deleteQuote", equalTo(true));

        loader.onStart(null);

        post("{ quote(id: \"13\") { id } }").body("data.quote", nullValue());
        post("{ topics(first: 100, filter: { search: \"Semiconductors\" }) { totalCount } }")
                .body("data.topics.totalCount", equalTo(1));
        post("{ quote(id: \"12\") { topics { id } } }").body("data.quote.topics", hasSize(4));
    }
}
