package org.plenum.gateway.schema;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** Configured with subgraph URLs only, the gateway composes their live SDLs and serves the composed schema. */
@QuarkusTest
@TestProfile(ComposedSupergraphProfile.class)
class ComposedSupergraphTest {

    @Test
    void servesTheSchemaComposedFromTheSubgraphs() {
        // Book.pages is only in the live catalog SDL, not in the test supergraph file
        given().contentType(ContentType.JSON)
                .body(Map.of("query", "{ book(isbn: \"978-0-00-000001-1\") { title pages reviews { stars comment } } }"))
                .when().post("/graphql")
                .then().statusCode(200)
                .body("errors", nullValue())
                .body("data.book.title", equalTo("The Quiet Harbour"))
                .body("data.book.pages", equalTo(320))
                .body("data.book.reviews.stars", contains(5, 4));
    }

    @Test
    void readyAfterComposition() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
