package org.plenum.gateway.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.plenum.gateway.shell.ShellTestProfile;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** With plenum.gateway.expose-query-plan on (as in the test profile), a request header asks for the plan. */
@QuarkusTest
@TestProfile(ShellTestProfile.class)
class QueryPlanExposureTest {

    private static final Map<String, String> REVIEWED_BOOK =
            Map.of("query", "{ book(isbn: \"978-0-00-000001-1\") { title reviews { stars } } }");

    @Test
    void planIsInTheExtensionsWhenAskedFor() {
        given().contentType(ContentType.JSON).header(GraphQLHandler.EXPOSE_QUERY_PLAN, "true").body(REVIEWED_BOOK)
                .when().post("/graphql")
                .then().statusCode(200)
                .body("data.book.title", equalTo("The Quiet Harbour"))
                .body("extensions.queryPlan", allOf(
                        containsString("Fetch(service: \"catalog\")"), containsString("Fetch(service: \"reviews\")")));
    }

    @Test
    void noPlanWithoutTheHeader() {
        given().contentType(ContentType.JSON).body(REVIEWED_BOOK)
                .when().post("/graphql")
                .then().statusCode(200)
                .body("extensions.queryPlan", nullValue());
    }
}
