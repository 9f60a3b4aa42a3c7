package org.plenum.speakers.support;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.plenum.subgraph.protection.testing.TestTokens;

import java.net.URL;
import java.util.HashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** Posts GraphQL documents to the running application over HTTP. */
public final class GraphQL {

    /** The scope this service's writes need. */
    public static final String WRITE_SCOPE = "speakers:write";

    private GraphQL() {
    }

    public static ValidatableResponse post(String query) {
        return post(query, Map.of());
    }

    /** Sent as an editor: with a valid token granting {@link #WRITE_SCOPE}. */
    public static ValidatableResponse post(String query, Map<String, Object> variables) {
        return postWith("Bearer " + TestTokens.token(WRITE_SCOPE), query, variables);
    }

    /** Sent with this Authorization header, or none when null. */
    public static ValidatableResponse postWith(String authorization, String query, Map<String, Object> variables) {
        var request = given().contentType(ContentType.JSON).body(Map.of("query", query, "variables", variables));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request.when().post("/graphql").then().statusCode(200);
    }

    /** Asserts success (no errors) and returns the response for further checks. */
    public static ValidatableResponse ok(String query, Map<String, Object> variables) {
        return post(query, variables).body("errors", nullValue());
    }

    public static ValidatableResponse ok(String query) {
        return ok(query, Map.of());
    }

    /** Asserts exactly one error with this code at this top-level field, and a message. */
    public static ValidatableResponse error(String query, Map<String, Object> variables, String code, String field) {
        return post(query, variables)
                .body("errors", hasSize(1))
                .body("errors[0].message", notNullValue())
                .body("errors[0].path[0]", equalTo(field))
                .body("errors[0].extensions.code", equalTo(code));
    }

    /**
     * A request to the management interface, where health and metrics are served: its own port, chosen at start
     * in tests, known from a {@code @TestHTTPResource(management = true)} URL of the test class.
     */
    public static RequestSpecification management(URL managementUrl) {
        return given().port(managementUrl.getPort());
    }

    /** A SpeakerInput value; nulls are sent as explicit nulls. */
    public static Map<String, Object> speakerInput(String name, String role, String organization, String country, String bio) {
        Map<String, Object> input = new HashMap<>();
        input.put("name", name);
        input.put("role", role);
        input.put("organization", organization);
        input.put("country", country);
        input.put("bio", bio);
        return input;
    }
}
