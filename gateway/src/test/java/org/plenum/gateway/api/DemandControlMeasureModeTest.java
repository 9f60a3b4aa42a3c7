package org.plenum.gateway.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.plenum.gateway.shell.ShellTestProfile;

import java.util.HashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * plenum.gateway.demand-control.mode=measure: what enforce mode refuses runs; both costs are still recorded and, with
 * expose-cost=true, returned with every response.
 */
@QuarkusTest
@TestProfile(DemandControlMeasureModeTest.MeasureMode.class)
class DemandControlMeasureModeTest {

    public static class MeasureMode extends ShellTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(super.getConfigOverrides());
            config.put("plenum.gateway.demand-control.max-cost", "100");
            config.put("plenum.gateway.demand-control.mode", "measure");
            config.put("plenum.gateway.demand-control.expose-cost", "true");
            return config;
        }
    }

    @Test
    void anOperationAboveTheMaximumRunsAndItsCostsAreRecorded() {
        // estimated 110 (see DemandControlHttpTest); returned: 2 books x 1 + 2 reviews x 1
        given().contentType(ContentType.JSON).body(DemandControlHttpTest.BOOKS_WITH_REVIEWS)
                .when().post("/graphql")
                .then().statusCode(200)
                .body("errors", nullValue())
                .body("data.books.size()", equalTo(2))
                .body("extensions.cost.estimated", equalTo(110))
                .body("extensions.cost.actual", equalTo(4))
                .body("extensions.cost.max", equalTo(100));

        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("plenum_gateway_operation_cost_estimated_max 110.0"))
                .body(containsString("plenum_gateway_operation_cost_actual_count"));
    }
}
