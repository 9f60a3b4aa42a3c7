package org.plenum.gateway.schema;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.plenum.gateway.engine.Gateway;
import org.plenum.gateway.shell.ShellTestProfile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * Polling (every second in the test profile) picks up a changed supergraph file and swaps the schema; a poll that
 * finds a broken file keeps the schema in use.
 */
@QuarkusTest
@TestProfile(ShellTestProfile.class)
class SchemaPollingTest {

    private static final Map<String, String> PAGES_QUERY = Map.of("query", "{ books { pages } }");

    @ConfigProperty(name = "plenum.gateway.supergraph-file")
    Path supergraphFile;

    private final ActiveGateway active;
    private final SchemaLoader loader;

    SchemaPollingTest(ActiveGateway active, SchemaLoader loader) {
        this.active = active;
        this.loader = loader;
    }

    @Test
    void changedSupergraphIsSwappedInAndABrokenOneIsIgnored() throws IOException {
        String original = Files.readString(supergraphFile);
        try {
            given().contentType(ContentType.JSON).body(PAGES_QUERY).post("/graphql")
                    .then().body("errors[0].message", containsString("pages"));

            Files.writeString(supergraphFile, resource("shell/supergraph-v2.graphql"));
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                    given().contentType(ContentType.JSON).body(PAGES_QUERY).post("/graphql")
                            .then().statusCode(200).body("data.books.pages", contains(320, 212)));

            Gateway swappedIn = active.current();
            Files.writeString(supergraphFile, "this is not a supergraph");
            loader.poll();
            assertSame(swappedIn, active.current());
            given().contentType(ContentType.JSON).body(PAGES_QUERY).post("/graphql")
                    .then().statusCode(200).body("data.books.pages", contains(320, 212));
        } finally {
            Files.writeString(supergraphFile, original);
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = SchemaPollingTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
