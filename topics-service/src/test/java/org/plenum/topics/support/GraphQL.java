package org.plenum.topics.support;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.plenum.subgraph.protection.testing.TestTokens;

import java.net.URL;
import java.util.HashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** Posts GraphQL documents to the running service over HTTP. */
public final class GraphQL {

    /** The scope this service's writes need. */
    public static final String WRITE_SCOPE = "topics:write";

    private GraphQL() {
    }

    public static ValidatableResponse post(String document) {
        return post(document, Map.of());
    }

    /** Sent as an editor: with a valid token granting {@link #WRITE_SCOPE}. */
    public static ValidatableResponse post(String document, Map<String, ?> variables) {
        return postWith("Bearer " + TestTokens.token(WRITE_SCOPE), document, variables);
    }

    /** Sent with this Authorization header, or none when null. */
    public static ValidatableResponse postWith(String authorization, String document, Map<String, ?> variables) {
        Map<String, Object> body = new HashMap<>();
        body.put("query", document);
        body.put("variables", variables);
        var request = given().contentType(ContentType.JSON).body(body);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request.when().post("/graphql").then().statusCode(200);
    }

    /** Asserts a single error with a clear message, the field's path and an error code, and no data for it. */
    public static ValidatableResponse assertError(ValidatableResponse response, String field, String code,
            String messagePart) {
        return response
                .body("errors.size()", equalTo(1))
                .body("errors[0].message", containsString(messagePart))
                .body("errors[0].path[0]", equalTo(field))
                .body("errors[0].extensions.code", equalTo(code))
                .body("data", nullValue());
    }

    /**
     * A request to the management interface, where health and metrics are served: its own port, chosen at start
     * in tests, known from a {@code @TestHTTPResource(management = true)} URL of the test class.
     */
    public static RequestSpecification management(URL managementUrl) {
        return given().port(managementUrl.getPort());
    }

    /** The number of SQL statements the service's PostgreSQL client has executed, from its Prometheus metrics. */
    public static long sqlStatementsExecuted(URL managementUrl) {
        return management(managementUrl).get("/q/metrics").asString().lines()
                .filter(line -> line.startsWith("postgresql_completed_total{"))
                .mapToLong(line -> (long) Double.parseDouble(line.substring(line.indexOf("} ") + 2).split(" ")[0]))
                .sum();
    }
}
