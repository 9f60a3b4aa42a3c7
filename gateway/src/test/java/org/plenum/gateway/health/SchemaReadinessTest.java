package org.plenum.gateway.health;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.plenum.gateway.shell.ShellTestProfile;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** With a supergraph loaded the gateway is live and ready. */
@QuarkusTest
@TestProfile(ShellTestProfile.class)
class SchemaReadinessTest {

    @Test
    void readyOnceTheSupergraphIsLoaded() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("supergraph"));
    }

    @Test
    void live() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }
}
