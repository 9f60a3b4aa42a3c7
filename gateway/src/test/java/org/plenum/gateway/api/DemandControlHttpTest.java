package org.plenum.gateway.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.plenum.gateway.shell.LibrarySubgraphsResource;
import org.plenum.gateway.shell.ShellTestProfile;

import java.util.HashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Demand control over HTTP with a low plenum.gateway.demand-control.max-cost: a too expensive operation is a request
 * error that calls no subgraph; the cost shows in extensions when asked for and in the metrics.
 */
@QuarkusTest
@TestProfile(DemandControlHttpTest.LowMaxCost.class)
class DemandControlHttpTest {

    /** Library supergraph, default list size 10: 10 books x (Book 1 + 10 reviews x Review 1) = 110. */
    static final Map<String, String> BOOKS_WITH_REVIEWS = Map.of("query", "{ books { title reviews { stars } } }");
    /** One book: 1. */
    private static final Map<String, String> ONE_BOOK = Map.of("query", "{ book(isbn: \"978-0-00-000001-1\") { title } }");

    public static class LowMaxCost extends ShellTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(super.getConfigOverrides());
            config.put("plenum.gateway.demand-control.max-cost", "100");
            return config;
        }
    }

    @ConfigProperty(name = LibrarySubgraphsResource.SERVER_URL)
    String subgraphServer;

    @Test
    void tooExpensiveOperationIsRefusedWithItsCostAndCallsNoSubgraph() {
        int servedBefore = catalogRequests();

        given().contentType(ContentType.JSON).accept("application/graphql-response+json").body(BOOKS_WITH_REVIEWS)
                .when().post("/graphql")
                .then().statusCode(400)
                .contentType(containsString("application/graphql-response+json"))
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("COST_ESTIMATED_TOO_EXPENSIVE"))
                .body("errors[0].message", allOf(containsString("110"), containsString("100"),
                        containsString("plenum.gateway.demand-control.max-cost")));

        assertEquals(servedBefore, catalogRequests());
    }

    @Test
    void costIsInTheExtensionsWhenAskedFor() {
        given().contentType(ContentType.JSON).header(GraphQLHandler.EXPOSE_COST, "true").body(ONE_BOOK)
                .when().post("/graphql")
                .then().statusCode(200)
                .body("data.book.title", equalTo("The Quiet Harbour"))
                .body("extensions.cost.estimated", equalTo(1))
                .body("extensions.cost.actual", equalTo(1))
                .body("extensions.cost.max", equalTo(100));

        given().contentType(ContentType.JSON).body(ONE_BOOK)
                .when().post("/graphql")
                .then().statusCode(200)
                .body("extensions", nullValue());
    }

    @Test
    void estimatedAndActualCostsAreMetrics() {
        given().contentType(ContentType.JSON).body(ONE_BOOK).post("/graphql").then().statusCode(200);

        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("plenum_gateway_operation_cost_estimated_count"))
                .body(containsString("plenum_gateway_operation_cost_actual_count"));
    }

    private int catalogRequests() {
        return Integer.parseInt(given().get(subgraphServer + "/served/catalog").then().statusCode(200).extract().asString());
    }
}
