package org.plenum.speakers;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.plenum.speakers.embedded.EmbeddedMongoServer;
import org.plenum.speakers.support.GraphQL;
import org.plenum.subgraph.protection.testing.TestTokens;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Runs the packaged application ({@code target/quarkus-app/quarkus-run.jar}) as a separate process, the way
 * operators and the gateway's end-to-end tests start it.
 */
class PackagedApplicationIT {

    private static final Path APP_DIR = Path.of("target/quarkus-app");
    private static final Path LOG_DIR = Path.of("target/it-logs");

    @Test
    void productionJarWithoutDatabaseUrlStopsWithAClearMessage() throws Exception {
        assumeFalse(embeddedDatabasePackaged(), "this build includes the embedded database (-Pembedded)");
        Path log = LOG_DIR.resolve("no-database-url.log");
        Process app = start(List.of(), log);
        assertTrue(app.waitFor(2, TimeUnit.MINUTES), "the application should stop by itself");
        assertNotEquals(0, app.exitValue());
        String output = Files.readString(log);
        assertTrue(output.contains("No MongoDB configured: set QUARKUS_MONGODB_CONNECTION_STRING"), output);
    }

    /**
     * Stops and restarts both the application and its database on the same data directory. With the embedded
     * database packaged (-Pembedded) the application starts it itself; otherwise this test runs the same
     * H2-backed server and hands the application its URL, as production does with a real MongoDB.
     */
    @Test
    void dataSurvivesARestart() throws Exception {
        Path dataDir = Files.createTempDirectory("speakers-it-data");
        String createdId;
        try (RunningApp first = RunningApp.start(dataDir, "restart-1.log")) {
            createdId = first.graphql("mutation { createSpeaker(input: { name: \"Survivor\", country: \"Chile\" }) { id } }")
                    .extract().path("data.createSpeaker.id");
            first.graphql("mutation { updateSpeaker(id: \"lin-nan\", input: { name: \"Lin Nan\", bio: \"Edited\" }) { id } }");
            first.graphql("mutation { deleteSpeaker(id: \"khalil-hashmi\") { deleted } }");
        }
        try (RunningApp second = RunningApp.start(dataDir, "restart-2.log")) {
            second.graphql("query($id: ID!) { speaker(id: $id) { name country } }", Map.of("id", createdId))
                    .body("data.speaker.name", equalTo("Survivor"))
                    .body("data.speaker.country", equalTo("Chile"));
            // the sample data is not loaded again: user edits and deletions stay
            second.graphql("{ speaker(id: \"lin-nan\") { bio } }").body("data.speaker.bio", equalTo("Edited"));
            second.graphql("{ speaker(id: \"khalil-hashmi\") { id } }").body("data.speaker", nullValue());
            second.graphql("{ speakers { totalCount } }").body("data.speakers.totalCount", equalTo(2));
        }
    }

    private static boolean embeddedDatabasePackaged() throws IOException {
        try (Stream<Path> libs = Files.list(APP_DIR.resolve("lib/main"))) {
            return libs.anyMatch(lib -> lib.getFileName().toString().contains("mongo-java-server"));
        }
    }

    private static Process start(List<String> properties, Path log) throws IOException {
        Files.createDirectories(LOG_DIR);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(properties);
        command.addAll(List.of("-jar", APP_DIR.resolve("quarkus-run.jar").toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().remove("QUARKUS_MONGODB_CONNECTION_STRING");
        return builder.start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The application process, and the database process-local to this test when it is not packaged. */
    private record RunningApp(Process process, String url, String managementUrl, AutoCloseable database)
            implements AutoCloseable {

        static RunningApp start(Path dataDir, String logName) throws Exception {
            EmbeddedMongoServer database = null;
            List<String> properties = new ArrayList<>(List.of("-Dplenum.embedded.data-dir=" + dataDir));
            if (!embeddedDatabasePackaged()) {
                database = EmbeddedMongoServer.start(dataDir, 0);
                properties.add("-Dquarkus.mongodb.connection-string=" + database.connectionString());
            }
            // chosen once the database listens, so that neither takes the port the other was given
            int port = freePort();
            int managementPort = freePort();
            properties.addAll(List.of("-Dquarkus.http.port=" + port, "-Dquarkus.management.port=" + managementPort,
                    "-Dplenum.topics-service.url=http://127.0.0.1:" + freePort()));
            TestTokens.config().forEach((key, value) -> properties.add("-D" + key + "=" + value));
            RunningApp app = new RunningApp(PackagedApplicationIT.start(properties, LOG_DIR.resolve(logName)),
                    "http://127.0.0.1:" + port, "http://127.0.0.1:" + managementPort, database);
            app.awaitReady(Duration.ofMinutes(2));
            return app;
        }

        ValidatableResponse graphql(String query) {
            return graphql(query, Map.of());
        }

        ValidatableResponse graphql(String query, Map<String, Object> variables) {
            return given().baseUri(url).contentType(ContentType.JSON).body(Map.of("query", query, "variables", variables))
                    .header("Authorization", "Bearer " + TestTokens.token(GraphQL.WRITE_SCOPE))
                    .post("/graphql").then().statusCode(200).body("errors", nullValue());
        }

        private void awaitReady(Duration limit) throws InterruptedException {
            long deadline = System.nanoTime() + limit.toNanos();
            while (System.nanoTime() < deadline && process.isAlive()) {
                try {
                    if (given().baseUri(managementUrl).get("/q/health/ready").statusCode() == 200) {
                        return;
                    }
                } catch (Exception notListeningYet) {
                    // keep polling
                }
                Thread.sleep(200);
            }
            throw new AssertionError("application at " + url + " not ready; see " + LOG_DIR);
        }

        /** Stops gracefully (SIGTERM), as an operator or Kubernetes would, then the test's database if any. */
        @Override
        public void close() throws Exception {
            process.destroy();
            assertTrue(process.waitFor(1, TimeUnit.MINUTES), "application did not stop");
            if (database != null) {
                database.close();
            }
        }
    }
}
