package org.plenum.gateway.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.plenum.gateway.shell.ShellTestProfile;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** Limits from plenum.gateway.limits (5 aliases, 4 root fields, 4000-byte documents in the test profile). */
@QuarkusTest
@TestProfile(ShellTestProfile.class)
class OperationLimitsTest {

    @Test
    void tooManyAliasesIsARequestError() {
        rejected("{ a: books { title } b: books { title } c: books { title } d: books { isbn } e: books { isbn } f: books { isbn } }",
                "alias");
    }

    @Test
    void tooManyRootFieldsIsARequestError() {
        rejected("{ books { isbn } b: book(isbn: \"1\") { isbn } c: book(isbn: \"2\") { isbn } d: book(isbn: \"3\") { isbn } "
                + "requestHeader(name: \"x\") }", "root field");
    }

    @Test
    void tooLargeDocumentIsARequestError() {
        rejected("{ books { title } }\n# " + "padding ".repeat(600), "bytes");
    }

    @Test
    void withinTheLimitsItRuns() {
        given().contentType(ContentType.JSON).body(Map.of("query", "{ a: books { title } b: books { isbn } }"))
                .when().post("/graphql")
                .then().statusCode(200)
                .body("errors", nullValue())
                .body("data.a[0].title", equalTo("The Quiet Harbour"));
    }

    private static void rejected(String query, String messagePart) {
        given().contentType(ContentType.JSON).accept("application/graphql-response+json").body(Map.of("query", query))
                .when().post("/graphql")
                .then().statusCode(400)
                .body("data", nullValue())
                .body("errors[0].message", containsString(messagePart));
    }
}
