package org.plenum.gateway.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.plenum.gateway.shell.AuthorizationProfile;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/**
 * Over HTTP, an anonymous caller (no token) gets what the supergraph's directives let everyone see, and nulls with
 * UNAUTHORIZED_FIELD_OR_TYPE errors for the rest (see {@link AuthorizationProfile} for the directives).
 */
@QuarkusTest
@TestProfile(AuthorizationProfile.class)
class AuthorizationHttpTest {

    private static final String QUIET_HARBOUR = "978-0-00-000001-1";

    @Test
    void anAnonymousCallerGetsThePublicFieldsAndAnErrorForTheOthers() {
        given().contentType(ContentType.JSON)
                .body(Map.of("query", "{ book(isbn: \"" + QUIET_HARBOUR + "\") { title author { name born } } }"))
                .when().post("/graphql")
                .then().statusCode(200)
                .body("data.book.title", equalTo("The Quiet Harbour"))
                .body("data.book.author.born", nullValue())
                .body("errors", hasSize(1))
                .body("errors[0].path", equalTo(List.of("book", "author", "born")))
                .body("errors[0].extensions.code", equalTo("UNAUTHORIZED_FIELD_OR_TYPE"));
    }

    @Test
    void aMutationThatNeedsAScopeIsRefusedWithoutWriting() {
        given().contentType(ContentType.JSON)
                .body(Map.of("query", "mutation { renameBook(isbn: \"" + QUIET_HARBOUR + "\", title: \"Defaced\") { title } }"))
                .when().post("/graphql")
                .then().statusCode(200)
                .body("data.renameBook", nullValue())
                .body("errors[0].path", equalTo(List.of("renameBook")))
                .body("errors[0].extensions.code", equalTo("UNAUTHORIZED_FIELD_OR_TYPE"));

        given().contentType(ContentType.JSON)
                .body(Map.of("query", "{ book(isbn: \"" + QUIET_HARBOUR + "\") { title } }"))
                .when().post("/graphql")
                .then().statusCode(200)
                .body("data.book.title", equalTo("The Quiet Harbour"));
    }
}
