package org.plenum.gateway.auth;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.plenum.gateway.shell.LibrarySubgraphsResource;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Bearer tokens at the gateway's HTTP edge: a refused token gets 401 and never reaches a subgraph. */
@QuarkusTest
@TestProfile(SecuredGatewayProfile.class)
class AuthenticationTest {

    private static final String RENAME = "mutation { renameBook(isbn: \"978-0-00-000002-2\", title: \"Stolen\") { title } }";

    @Test
    void anonymousRequestsAreServed() {
        graphql(null, "{ books { title } }").statusCode(200).body("errors", nullValue());
    }

    @Test
    void aValidTokenIsAcceptedAndForwardedToTheSubgraph() {
        String token = JwksResource.ISSUER.token("books:read");

        graphql("Bearer " + token, "{ authorization: requestHeader(name: \"Authorization\") }")
                .statusCode(200)
                .body("data.authorization", equalTo("Bearer " + token));
    }

    @Test
    void refusedTokensGet401UnauthenticatedAndNothingReachesASubgraph() {
        String expired = TestIssuer.token(JwksResource.ISSUER.signingKey(), claims -> {
            claims.setIssuedAt(TestIssuer.minutesFromNow(-10));
            claims.setExpirationTime(TestIssuer.minutesFromNow(-5));
        });
        String foreign = TestIssuer.token(TestIssuer.newKey("key-1"), claims -> { });
        int served = served("catalog");

        for (String authorization : new String[] {"Bearer garbage", "Bearer " + expired, "Bearer " + foreign,
                "Basic YWRhOnNlY3JldA=="}) {
            graphql(authorization, RENAME)
                    .statusCode(401)
                    .header("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                    .body("data", nullValue())
                    .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"))
                    .body("errors[0].message", containsString("The bearer token was not accepted"))
                    .body("errors[0].message", not(containsString("Exception")));
        }

        assertEquals(served, served("catalog"), "no subgraph request for a refused token");
        graphql(null, "{ book(isbn: \"978-0-00-000002-2\") { title } }").body("data.book.title", equalTo("Glass Orchards"));
    }

    @Test
    void getRequestsAreAuthenticatedToo() {
        given().accept(ContentType.JSON).header("Authorization", "Bearer garbage")
                .queryParam("query", "{ books { title } }")
                .when().get("/graphql")
                .then().statusCode(401)
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void preflightFromTheAllowedOriginIsAnswered() {
        given().header("Origin", SecuredGatewayProfile.ALLOWED_ORIGIN)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type,authorization")
                .when().options("/graphql")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", SecuredGatewayProfile.ALLOWED_ORIGIN)
                .header("Access-Control-Allow-Methods", containsString("POST"))
                .header("Access-Control-Allow-Headers", containsString("authorization"));
    }

    @Test
    void preflightAndRequestsFromAnotherOriginGetNoCorsHeaders() {
        given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .when().options("/graphql")
                .then().header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "https://evil.example").contentType(ContentType.JSON)
                .body(Map.of("query", "{ books { title } }"))
                .when().post("/graphql")
                .then().header("Access-Control-Allow-Origin", nullValue());
    }

    private static ValidatableResponse graphql(String authorization, String query) {
        var request = given().contentType(ContentType.JSON).body(Map.of("query", query));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request.when().post("/graphql").then();
    }

    private static int served(String subgraph) {
        String server = ConfigProvider.getConfig().getValue(LibrarySubgraphsResource.SERVER_URL, String.class);
        return Integer.parseInt(given().baseUri(server).get("/served/" + subgraph).asString());
    }
}
