package org.plenum.speakers.graphql;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.plenum.speakers.support.GraphQL;
import org.plenum.speakers.support.TestEnvironment;
import org.plenum.subgraph.protection.testing.TestTokens;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Writes need a valid token with speakers:write, even when the gateway is bypassed; reads stay public. */
@QuarkusTest
@QuarkusTestResource(TestEnvironment.class)
class SpeakerWriteAccessTest {

    private static final String CREATE = "mutation { createSpeaker(input: { name: \"Uninvited\" }) { id } }";
    private static final String DELETE = "mutation { deleteSpeaker(id: \"lin-nan\") { deleted } }";

    @Test
    void withoutATokenNothingIsWritten() {
        int before = SpeakerMutationsTest.total();

        refused(null, CREATE, "UNAUTHENTICATED", "createSpeaker")
                .body("errors[0].message", equalTo("A bearer token with the scope speakers:write is required"));
        refused(null, DELETE, "UNAUTHENTICATED", "deleteSpeaker");

        assertEquals(before, SpeakerMutationsTest.total());
        GraphQL.ok("{ speaker(id: \"lin-nan\") { name } }").body("data.speaker.name", equalTo("Lin Nan"));
    }

    @Test
    void aTokenTheServiceCannotVerifyIsUnauthenticated() {
        int before = SpeakerMutationsTest.total();

        for (String token : new String[] { TestTokens.tokenFromAnotherKey(GraphQL.WRITE_SCOPE), "garbage" }) {
            given().contentType("application/json").header("Authorization", "Bearer " + token)
                    .body(Map.of("query", CREATE))
                    .when().post("/graphql")
                    .then().statusCode(401)
                    .body("errors[0].message", equalTo("The bearer token was not accepted"))
                    .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
        }

        assertEquals(before, SpeakerMutationsTest.total());
    }

    @Test
    void aValidTokenWithoutTheWriteScopeIsForbidden() {
        int before = SpeakerMutationsTest.total();

        refused("Bearer " + TestTokens.token("topics:write speakers:read"), CREATE, "FORBIDDEN", "createSpeaker")
                .body("errors[0].message", equalTo("The bearer token lacks the scope speakers:write"));

        assertEquals(before, SpeakerMutationsTest.total());
    }

    @Test
    void theWriteScopeAllowsWriting() {
        String id = GraphQL.postWith("Bearer " + TestTokens.token("openid speakers:write"), CREATE, Map.of())
                .body("errors", nullValue())
                .extract().path("data.createSpeaker.id");

        GraphQL.ok("query($id: ID!) { speaker(id: $id) { name } }", Map.of("id", id))
                .body("data.speaker.name", equalTo("Uninvited"));
    }

    @Test
    void onlyJsonPostsRunOperationsAndGetRunsNone() {
        int before = SpeakerMutationsTest.total();
        String token = "Bearer " + TestTokens.token(GraphQL.WRITE_SCOPE);

        given().contentType("text/plain").header("Authorization", token)
                .body("{\"query\": \"" + CREATE.replace("\"", "\\\"") + "\"}")
                .when().post("/graphql")
                .then().statusCode(415)
                .body("errors[0].extensions.code", equalTo("UNSUPPORTED_MEDIA_TYPE"));
        given().header("Authorization", token).queryParam("query", CREATE)
                .when().get("/graphql")
                .then().statusCode(405);

        assertEquals(before, SpeakerMutationsTest.total());
    }

    @Test
    void readsNeedNoToken() {
        given().contentType("application/json").body(Map.of("query", "{ speakers(first: 1) { totalCount } }"))
                .when().post("/graphql")
                .then().statusCode(200).body("errors", nullValue());
    }

    @Test
    void theSdlPublishesTheRequiredScope() {
        GraphQL.ok("{ _service { sdl } }")
                .body("data._service.sdl", containsString("createSpeaker(idempotencyKey: String, input: SpeakerInput!): Speaker! @requiresScopes(scopes : [[\"speakers:write\"]])"));
    }

    private static io.restassured.response.ValidatableResponse refused(String authorization, String query, String code,
                                                                       String field) {
        return GraphQL.postWith(authorization, query, Map.of())
                .body("data", nullValue())
                .body("errors", hasSize(1))
                .body("errors[0].path[0]", equalTo(field))
                .body("errors[0].extensions.code", equalTo(code));
    }
}
