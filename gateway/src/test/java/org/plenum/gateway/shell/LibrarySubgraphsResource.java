package org.plenum.gateway.shell;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Starts {@link LibrarySubgraphs} before the gateway and points the gateway at it: per-subgraph URLs, a short
 * timeout for {@code stock} and, unless the init argument {@link #COMPOSE} is "true", a copy of the test supergraph
 * file (so tests may rewrite it to exercise polling, every second) whose URLs the subgraph URLs override.
 */
public class LibrarySubgraphsResource implements QuarkusTestResourceLifecycleManager {

    /** Base URL of the test subgraph server, for tests that call it directly. */
    public static final String SERVER_URL = "shell-test.subgraph-server-url";
    /** Init argument: compose the supergraph from the subgraphs' own SDLs instead of reading a file. */
    public static final String COMPOSE = "compose";
    /** Init argument: the test resource to copy as the supergraph file (default shell/supergraph.graphql). */
    public static final String SUPERGRAPH = "supergraph";

    private Vertx vertx;
    private LibrarySubgraphs subgraphs;
    private boolean compose;
    private String supergraph;

    @Override
    public void init(Map<String, String> initArgs) {
        compose = Boolean.parseBoolean(initArgs.get(COMPOSE));
        supergraph = initArgs.getOrDefault(SUPERGRAPH, "shell/library/supergraph.graphql");
    }

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        subgraphs = new LibrarySubgraphs(vertx);
        String url = subgraphs.start();
        Map<String, String> config = new HashMap<>(Map.of(
                "plenum.gateway.subgraphs.catalog.url", url + "/catalog",
                "plenum.gateway.subgraphs.reviews.url", url + "/reviews",
                "plenum.gateway.subgraphs.stock.url", url + "/stock",
                "plenum.gateway.subgraphs.stock.timeout", "500ms",
                SERVER_URL, url));
        if (!compose) {
            config.put("plenum.gateway.supergraph-file", copyOf(supergraph).toString());
            config.put("plenum.gateway.poll-interval", "1s");
        }
        return config;
    }

    @Override
    public void stop() {
        subgraphs.stop();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    private static Path copyOf(String supergraph) {
        try {
            Path file = Files.createTempFile("plenum-shell-supergraph", ".graphql");
            Files.writeString(file, TestSubgraph.read(supergraph));
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
