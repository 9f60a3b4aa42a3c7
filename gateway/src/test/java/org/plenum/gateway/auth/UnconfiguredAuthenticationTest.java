package org.plenum.gateway.auth;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.plenum.gateway.shell.ShellTestProfile;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** Without a JWKS no token can be verified: a request with one is refused, anonymous ones are served. */
@QuarkusTest
@TestProfile(ShellTestProfile.class)
class UnconfiguredAuthenticationTest {

    @Test
    void aBearerTokenIsRefusedWhenNoKeysAreConfigured() {
        given().contentType(ContentType.JSON).header("Authorization", "Bearer garbage")
                .body(Map.of("query", "{ books { title } }"))
                .when().post("/graphql")
                .then().statusCode(401)
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"))
                .body("errors[0].message",
                        equalTo("The bearer token was not accepted: this gateway is not configured to verify tokens"));
    }

    @Test
    void anonymousRequestsAreServed() {
        given().contentType(ContentType.JSON).body(Map.of("query", "{ books { title } }"))
                .when().post("/graphql")
                .then().statusCode(200).body("errors", nullValue());
    }
}
