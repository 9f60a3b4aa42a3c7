package org.plenum.speakers;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.plenum.speakers.support.GraphQL;
import org.plenum.speakers.support.TestEnvironment;

@QuarkusTest
@QuarkusTestResource(TestEnvironment.class)
class HealthAndMetricsTest {

    @Test
    void liveAndReadyWithTheDatabaseCheck() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("MongoDB connection health check"));
    }

    @Test
    void prometheusMetricsCoverHttpAndTheMongoPool() {
        GraphQL.ok("{ speakers(first: 1) { totalCount } }");
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count"))
                .body(containsString("mongodb_driver_pool_size"));
    }
}
