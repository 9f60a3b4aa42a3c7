package org.plenum.gateway.e2e;

import io.restassured.response.Response;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plenum.gateway.shell.LibrarySubgraphs;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged gateway stopped as Kubernetes stops it (SIGTERM) while requests run: readiness turns DOWN at once,
 * and every request in flight still gets its full answer before the process exits.
 */
class GracefulShutdownIT {

    /** Entity fetches from the library's stock subgraph answer after 3 s. */
    private static final String SLOW = "{ books { title copiesInStock } }";
    private static final int IN_FLIGHT = 8;
    private static final Duration START = Duration.ofSeconds(60);

    @TempDir
    Path work;

    private Vertx vertx;
    private LibrarySubgraphs subgraphs;
    private Process gateway;
    private String url;

    @BeforeEach
    void startGateway() throws IOException, InterruptedException {
        vertx = Vertx.vertx();
        subgraphs = new LibrarySubgraphs(vertx);
        String subgraphsUrl = subgraphs.start();
        Path supergraph = work.resolve("supergraph.graphql");
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("shell/library/supergraph.graphql")) {
            Files.copy(in, supergraph);
        }
        int port = freePort();
        url = "http://127.0.0.1:" + port;
        String java = ProcessHandle.current().info().command().orElse("java");
        gateway = new ProcessBuilder(java,
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.shutdown.delay=1s",
                "-Dplenum.gateway.supergraph-file=" + supergraph,
                "-Dplenum.gateway.subgraphs.catalog.url=" + subgraphsUrl + "/catalog",
                "-Dplenum.gateway.subgraphs.reviews.url=" + subgraphsUrl + "/reviews",
                "-Dplenum.gateway.subgraphs.stock.url=" + subgraphsUrl + "/stock",
                "-jar", Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath().toString())
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("gateway.log").toFile())
                .start();
        long deadline = System.nanoTime() + START.toNanos();
        while (!ready()) {
            assertTrue(gateway.isAlive(), "the gateway exited: " + Files.readString(work.resolve("gateway.log")));
            assertTrue(System.nanoTime() < deadline, "the gateway did not get ready within " + START);
            Thread.sleep(200);
        }
    }

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.destroyForcibly();
        }
        subgraphs.stop();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void requestsInFlightAtSigtermAreAnsweredInFull() throws Exception {
        List<CompletableFuture<Response>> inFlight = new ArrayList<>();
        for (int i = 0; i < IN_FLIGHT; i++) {
            inFlight.add(CompletableFuture.supplyAsync(() -> given().baseUri(url).contentType("application/json")
                    .body(Map.of("query", SLOW)).post("/graphql")));
        }
        Thread.sleep(1000); // all of them are waiting for the stock subgraph now

        gateway.destroy(); // SIGTERM

        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (ready()) { // the signal is handled asynchronously
            assertTrue(System.nanoTime() < deadline, "readiness still UP after SIGTERM");
            Thread.sleep(50);
        }
        for (CompletableFuture<Response> request : inFlight) {
            Response response = request.get(30, TimeUnit.SECONDS);
            assertEquals(200, response.statusCode(), response.asString());
            assertNull(response.path("errors"), response.asString());
            assertEquals(4, (Integer) response.path("data.books[0].copiesInStock"));
        }
        assertTrue(gateway.waitFor(30, TimeUnit.SECONDS), "the gateway exits once its requests are answered");
    }

    private boolean ready() {
        try {
            return given().baseUri(url).get("/q/health/ready").statusCode() == 200;
        } catch (Exception notListening) { // not yet, or no longer
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
