package org.plenum.gateway.health;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** Subgraphs unreachable at startup: the gateway starts and is live, but not ready, and answers 503. */
@QuarkusTest
@TestProfile(UnreachableSubgraphsProfile.class)
class NotReadyWithoutSchemaTest {

    @Test
    void liveButNotReady() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(503)
                .body("status", equalTo("DOWN"))
                .body("checks.find { it.name == 'supergraph' }.status", equalTo("DOWN"));
    }

    @Test
    void graphqlRequestsGet503() {
        given().contentType(ContentType.JSON).body(Map.of("query", "{ __typename }"))
                .when().post("/graphql")
                .then().statusCode(503)
                .body("errors[0].message", equalTo("The gateway has not loaded a schema yet"))
                .body("errors[0].extensions.code", equalTo("SERVICE_UNAVAILABLE"));
    }
}
