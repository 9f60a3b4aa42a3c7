package org.plenum.gateway.e2e;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.in;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.plenum.gateway.e2e.SubgraphProcesses.SPEAKERS;
import static org.plenum.gateway.e2e.SubgraphProcesses.TOPICS;

/**
 * Who may write, end to end: the packaged gateway and subgraphs with one test issuer. A write without a token or
 * with too few scopes changes nothing (checked by reading back); with the right scope it is written; a subgraph
 * called directly refuses it too; topics-service's internal API refuses anyone without speakers-service's credential.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = SubgraphsResource.class, restrictToAnnotatedClass = true)
class WriteAccessIT {

    private static final String CREATE = "mutation($name: String!) { createSpeaker(input: { name: $name }) { id } }";
    private static final String FIND = "query($name: String!) { speakers(filter: { search: $name }) { totalCount } }";
    /** Subgraphs answer UNAUTHENTICATED/FORBIDDEN; a gateway enforcing @requiresScopes answers before them. */
    private static final List<String> REFUSED = List.of("UNAUTHENTICATED", "FORBIDDEN", "UNAUTHORIZED_FIELD_OR_TYPE");

    private final SubgraphProcesses subgraphs = SubgraphProcesses.get();

    @Test
    void aWriteWithoutATokenIsRefusedAndWritesNothing() {
        refused(gateway(null, CREATE, Map.of("name", "Anonymous Writer")));

        assertSpeakersNamed("Anonymous Writer", 0);
    }

    @Test
    void aWriteWithTooFewScopesIsRefusedAndWritesNothing() {
        refused(gateway(subgraphs.token("topics:write"), CREATE, Map.of("name", "Topic Editor")));

        assertSpeakersNamed("Topic Editor", 0);
    }

    @Test
    void aWriteWithTheRightScopeIsWritten() {
        gateway(subgraphs.token("speakers:write"), CREATE, Map.of("name", "Speaker Editor"))
                .statusCode(200)
                .body("errors", nullValue())
                .body("data.createSpeaker.id", notNullValue());

        assertSpeakersNamed("Speaker Editor", 1);
    }

    @Test
    void aTokenThatDoesNotVerifyIs401AtTheGateway() {
        gateway("not-a-jwt", CREATE, Map.of("name", "Forger"))
                .statusCode(401)
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));

        assertSpeakersNamed("Forger", 0);
    }

    @Test
    void aSubgraphCalledDirectlyRefusesAWriteWithoutAToken() {
        given().baseUri(subgraphs.baseUrl(TOPICS)).contentType(ContentType.JSON)
                .body(Map.of("query", "mutation { createTopic(input: { title: \"Bypassing the gateway\" }) { id } }"))
                .post("/graphql")
                .then().statusCode(200)
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));

        gateway(null, "{ topics(filter: { search: \"Bypassing the gateway\" }) { totalCount } }", Map.of())
                .body("data.topics.totalCount", equalTo(0));
    }

    @Test
    void theInternalCleanUpEndpointRefusesCallersWithoutTheServiceCredential() {
        given().baseUri(subgraphs.baseUrl(TOPICS)).delete("/internal/speakers/lin-nan").then().statusCode(401);
        given().baseUri(subgraphs.baseUrl(TOPICS)).header("Authorization", "Bearer " + subgraphs.token(SubgraphProcesses.EDITOR))
                .delete("/internal/speakers/lin-nan").then().statusCode(403);

        gateway(null, "{ speaker(id: \"lin-nan\") { quotes { id } } }", Map.of())
                .body("errors", nullValue())
                .body("data.speaker.quotes.size()", org.hamcrest.Matchers.greaterThan(0));
    }

    private void assertSpeakersNamed(String name, int count) {
        given().baseUri(subgraphs.baseUrl(SPEAKERS)).contentType(ContentType.JSON)
                .body(Map.of("query", FIND, "variables", Map.of("name", name)))
                .post("/graphql")
                .then().statusCode(200)
                .body("data.speakers.totalCount", equalTo(count));
    }

    private static void refused(ValidatableResponse response) {
        response.statusCode(200)
                .body("data.createSpeaker", nullValue())
                .body("errors[0].path[0]", equalTo("createSpeaker"))
                .body("errors[0].extensions.code", in(REFUSED));
    }

    private static ValidatableResponse gateway(String token, String query, Map<String, Object> variables) {
        var request = given().contentType(ContentType.JSON).accept(ContentType.JSON)
                .body(Map.of("query", query, "variables", variables));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.post("/graphql").then();
    }
}
