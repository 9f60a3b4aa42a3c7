package org.plenum.topics.graphql;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.plenum.subgraph.protection.testing.TestTokens;
import org.plenum.topics.support.EmbeddedPostgresTestResource;
import org.plenum.topics.support.GraphQL;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.plenum.topics.support.GraphQL.assertError;
import static org.plenum.topics.support.GraphQL.post;
import static org.plenum.topics.support.GraphQL.postWith;

/** Writes need a valid token with topics:write, even when the gateway is bypassed; reads stay public. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresTestResource.class)
class TopicWriteAccessTest {

    private static final String CREATE = "mutation { createTopic(input: { title: \"Written by whom?\" }) { id } }";
    private static final String FIND = "{ topics(filter: { search: \"written by whom\" }) { totalCount } }";

    @Test
    void withoutATokenNothingIsWritten() {
        assertError(postWith(null, CREATE, Map.of()), "createTopic", "UNAUTHENTICATED",
                "A bearer token with the scope topics:write is required");
        assertError(postWith(null, "mutation { deleteTopic(id: \"1\") }", Map.of()), "deleteTopic", "UNAUTHENTICATED",
                "topics:write");

        postWith(null, FIND, Map.of()).body("data.topics.totalCount", equalTo(0));
        postWith(null, "{ topic(id: \"1\") { id } }", Map.of()).body("data.topic.id", equalTo("1"));
    }

    @Test
    void aTokenTheServiceCannotVerifyIs401Unauthenticated() {
        given().contentType("application/json")
                .header("Authorization", "Bearer " + TestTokens.tokenFromAnotherKey(GraphQL.WRITE_SCOPE))
                .body(Map.of("query", CREATE))
                .when().post("/graphql")
                .then().statusCode(401)
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));

        postWith(null, FIND, Map.of()).body("data.topics.totalCount", equalTo(0));
    }

    @Test
    void aValidTokenWithoutTheWriteScopeIsForbidden() {
        assertError(postWith("Bearer " + TestTokens.token("speakers:write"), CREATE, Map.of()), "createTopic",
                "FORBIDDEN", "The bearer token lacks the scope topics:write");

        postWith(null, FIND, Map.of()).body("data.topics.totalCount", equalTo(0));
    }

    @Test
    void onlyJsonPostsRunOperationsAndGetRunsNone() {
        String token = "Bearer " + TestTokens.token(GraphQL.WRITE_SCOPE);

        given().contentType("text/plain").header("Authorization", token)
                .body("{\"query\": \"" + CREATE.replace("\"", "\\\"") + "\"}")
                .when().post("/graphql")
                .then().statusCode(415)
                .body("errors[0].extensions.code", equalTo("UNSUPPORTED_MEDIA_TYPE"));
        given().header("Authorization", token).queryParam("query", CREATE)
                .when().get("/graphql")
                .then().statusCode(405);

        postWith(null, FIND, Map.of()).body("data.topics.totalCount", equalTo(0));
    }

    @Test
    void theWriteScopeAllowsWritingAndTheSdlSaysSo() {
        String id = post("mutation { createTopic(input: { title: \"Written with a scope\" }) { id } }")
                .body("errors", nullValue())
                .extract().path("data.createTopic.id");
        post("query($id: ID!) { topic(id: $id) { title } }", Map.of("id", id))
                .body("data.topic.title", equalTo("Written with a scope"));

        post("{ _service { sdl } }").body("data._service.sdl",
                containsString("deleteQuote(id: ID!): Boolean! @requiresScopes(scopes : [[\"topics:write\"]])"));
    }
}
