package org.plenum.topics;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.plenum.topics.support.EmbeddedPostgresTestResource;
import org.plenum.topics.support.GraphQL;

import java.net.URL;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.plenum.topics.support.GraphQL.management;

/** Health and metrics are served on the management interface only, so a network policy can open them alone. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresTestResource.class)
class HealthAndMetricsTest {

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Test
    void liveAndReadyOnceTheDatabaseAnswers() {
        management(management).get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        management(management).get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Reactive PostgreSQL connections health check"));
    }

    @Test
    void prometheusMetricsIncludeRequestsAndTheDatabasePool() {
        GraphQL.post("{ topics(first: 1) { totalCount } }");
        management(management).get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count"))
                .body(containsString("sql_pool_active"))
                .body(containsString("postgresql_completed_total"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "/q/health", "/q/health/live", "/q/health/ready", "/q/metrics" })
    void theGraphQLPortDoesNotServeHealthOrMetrics(String path) {
        given().get(path).then().statusCode(404);
    }

    @Test
    void theManagementPortDoesNotServeGraphQL() {
        management(management).contentType("application/json").body("{\"query\":\"{ __typename }\"}")
                .post("/graphql").then().statusCode(404);
    }
}
