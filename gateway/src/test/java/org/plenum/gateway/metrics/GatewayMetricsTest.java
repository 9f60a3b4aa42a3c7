package org.plenum.gateway.metrics;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.plenum.gateway.shell.ShellTestProfile;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesRegex;

/** Prometheus metrics at /q/metrics: requests by operation type and outcome, fetches by subgraph, the supergraph in use. */
@QuarkusTest
@TestProfile(ShellTestProfile.class)
class GatewayMetricsTest {

    @Test
    void countsRequestsByOperationTypeAndOutcome() {
        post("query Titles { books { title } }");
        post("{ books { noSuchField } }");
        post("mutation Rename { renameBook(isbn: \"978-0-00-000002-2\", title: \"Glass Orchards\") { title } }");

        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("plenum_gateway_requests_seconds_count{operation_type=\"query\",outcome=\"success\"}"))
                .body(containsString("plenum_gateway_requests_seconds_count{operation_type=\"mutation\",outcome=\"success\"}"))
                .body(containsString("outcome=\"request_error\""))
                .body(containsString("plenum_gateway_subgraph_fetch_seconds_count{outcome=\"success\",subgraph=\"catalog\"}"));
    }

    @Test
    void showsTheSupergraphInUse() {
        given().get("/q/metrics").then().statusCode(200)
                .body(matchesRegex("(?s).*plenum_gateway_supergraph_updates_total\\{outcome=\"loaded\"} [1-9].*"))
                .body(matchesRegex("(?s).*plenum_gateway_supergraph_info\\{sha256=\"[0-9a-f]{64}\"} 1\\.0.*"))
                .body(matchesRegex("(?s).*plenum_gateway_supergraph_loaded_timestamp_seconds [0-9.E]+.*"));
    }

    private static void post(String query) {
        given().contentType(ContentType.JSON).body(Map.of("query", query)).post("/graphql").then().statusCode(200);
    }
}
