package org.plenum.gateway.schema;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.plenum.gateway.engine.Gateway;
import org.plenum.gateway.shell.ShellTestProfile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

            Files.writeString(supergraphFile, withBookPages(original));
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

    /** The supergraph as composition gives it once the catalog subgraph (which has it already) exposes Book.pages. */
    private static String withBookPages(String supergraph) {
        String author = "  author: Author! @join__field(graph: CATALOG)\n";
        assertTrue(supergraph.contains(author));
        return supergraph.replace(author, author + "  pages: Int @join__field(graph: CATALOG)\n");
    }
}
