package org.plenum.gateway.shell;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Starts {@link LibrarySubgraphs} before the gateway and points the gateway at it: a copy of the test supergraph
 * (so tests may rewrite it to exercise polling) and per-subgraph URL overrides; {@code stock} gets a short timeout.
 */
public class LibrarySubgraphsResource implements QuarkusTestResourceLifecycleManager {

    /** Base URL of the test subgraph server, for tests that call it directly. */
    public static final String SERVER_URL = "shell-test.subgraph-server-url";

    private Vertx vertx;
    private LibrarySubgraphs subgraphs;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        subgraphs = new LibrarySubgraphs(vertx);
        String url = subgraphs.start();
        return Map.of(
                "plenum.gateway.supergraph-file", copyOfSupergraph().toString(),
                "plenum.gateway.poll-interval", "1s",
                "plenum.gateway.subgraphs.catalog.url", url + "/catalog",
                "plenum.gateway.subgraphs.reviews.url", url + "/reviews",
                "plenum.gateway.subgraphs.stock.url", url + "/stock",
                "plenum.gateway.subgraphs.stock.timeout", "500ms",
                SERVER_URL, url);
    }

    @Override
    public void stop() {
        subgraphs.stop();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    private static Path copyOfSupergraph() {
        try {
            Path file = Files.createTempFile("plenum-shell-supergraph", ".graphql");
            Files.writeString(file, TestSubgraph.read("shell/supergraph.graphql"));
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
