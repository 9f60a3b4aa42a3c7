package org.plenum.topics.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.plenum.subgraph.protection.testing.TestTokens;
import org.plenum.topics.support.EmbeddedPostgresTestResource;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.plenum.topics.support.GraphQL.post;

@QuarkusTest
@WithTestResource(EmbeddedPostgresTestResource.class)
class InternalSpeakerResourceTest {

    @Test
    void deletingASpeakerRemovesItsQuotesAndKeepsTheTopics() {
        String quoteId = post("mutation($input: QuoteInput!) { addQuote(input: $input) { id } }",
                Map.of("input", Map.of("speakerId", "test-speaker", "topicIds", List.of("7", "9"),
                        "text", "Young farmers use new technology.")))
                .body("errors", nullValue())
                .extract().path("data.addQuote.id");
        post("{ topic(id: \"9\") { quotes { id } speakers { id } } }")
                .body("data.topic.quotes.id", hasItem(quoteId))
                .body("data.topic.speakers.id", hasItem("test-speaker"));

        asSpeakersService().delete("/internal/speakers/test-speaker").then().statusCode(204);

        post("query($id: ID!) { quote(id: $id) { id } }", Map.of("id", quoteId)).body("data.quote", nullValue());
        post("{ topic(id: \"9\") { title quotes { id } speakers { id } } }")
                .body("data.topic.title", equalTo("Agriculture"))
                .body("data.topic.quotes.id", contains("10"))
                .body("data.topic.speakers.id", not(hasItem("test-speaker")));
    }

    @Test
    void deletingIsIdempotent() {
        asSpeakersService().delete("/internal/speakers/never-had-quotes").then().statusCode(204);
        asSpeakersService().delete("/internal/speakers/never-had-quotes").then().statusCode(204);
    }

    @Test
    void withoutTheServiceCredentialNothingIsDeleted() {
        String quoteId = post("mutation($input: QuoteInput!) { addQuote(input: $input) { id } }",
                Map.of("input", Map.of("speakerId", "test-speaker", "topicIds", List.of("7"), "text", "Still here.")))
                .body("errors", nullValue())
                .extract().path("data.addQuote.id");

        given().delete("/internal/speakers/test-speaker").then().statusCode(401);
        given().header("Authorization", "Bearer " + TestTokens.tokenFromAnotherKey(InternalSpeakerResource.CLEANUP_SCOPE))
                .delete("/internal/speakers/test-speaker").then().statusCode(401);
        // an editor's token is valid but is not the service credential
        given().header("Authorization", "Bearer " + TestTokens.token("topics:write speakers:write"))
                .delete("/internal/speakers/test-speaker").then().statusCode(403);

        post("query($id: ID!) { quote(id: $id) { id } }", Map.of("id", quoteId)).body("data.quote.id", equalTo(quoteId));
    }

    private static RequestSpecification asSpeakersService() {
        return given().header("Authorization", "Bearer " + TestTokens.token(InternalSpeakerResource.CLEANUP_SCOPE));
    }
}
