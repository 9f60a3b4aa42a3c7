package org.plenum.gateway.schema;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.plenum.gateway.config.GatewayConfig;
import org.plenum.gateway.engine.compose.SubgraphDefinition;
import org.plenum.gateway.engine.compose.SupergraphComposer;
import org.plenum.gateway.engine.subgraph.SubgraphClient;
import org.plenum.gateway.engine.subgraph.SubgraphRequest;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Where the supergraph SDL comes from: a file, a URL, or the configured subgraphs' own SDLs composed here. */
@ApplicationScoped
public class SupergraphSource {

    private final GatewayConfig config;
    private final SubgraphClient client;
    private final Vertx vertx;
    private final SupergraphUrlFetcher urlFetcher;

    public SupergraphSource(GatewayConfig config, SubgraphClient client, Vertx vertx, SupergraphUrlFetcher urlFetcher) {
        this.config = config;
        this.client = client;
        this.vertx = vertx;
        this.urlFetcher = urlFetcher;
    }

    /** A short description for logs, e.g. "file /etc/plenum/supergraph.graphql". */
    public String describe() {
        if (config.supergraphUrl().isPresent()) {
            return "URL " + config.supergraphUrl().get();
        }
        return config.supergraphFile()
                .map(path -> "file " + path.toAbsolutePath())
                .orElseGet(() -> "subgraphs " + config.subgraphs().keySet());
    }

    /**
     * @return the supergraph SDL; fails with {@link SupergraphLoadException} for unusable configuration, files or
     *         subgraph answers, with {@code SubgraphFailure} when a subgraph cannot be reached and with
     *         {@link SupergraphUnavailableException} when the supergraph URL gave nothing this time
     */
    public Uni<String> load() {
        if (config.supergraphUrl().isPresent()) {
            if (config.supergraphFile().isPresent()) {
                return Uni.createFrom().failure(new SupergraphLoadException(
                        "Set plenum.gateway.supergraph-url or plenum.gateway.supergraph-file, not both"));
            }
            return urlFetcher.fetch(config.supergraphUrl().get());
        }
        if (config.supergraphFile().isPresent()) {
            return readFile(config.supergraphFile().get());
        }
        if (config.subgraphs().isEmpty()) {
            return Uni.createFrom().failure(new SupergraphLoadException("No supergraph configured: set "
                    + "plenum.gateway.supergraph-file or plenum.gateway.subgraphs.<name>.url"));
        }
        List<Uni<SubgraphDefinition>> fetches = config.subgraphs().entrySet().stream()
                .map(entry -> fetchDefinition(entry.getKey(), entry.getValue()))
                .toList();
        return Uni.join().all(fetches).andFailFast()
                .emitOn(Infrastructure.getDefaultWorkerPool()) // composing is CPU work: keep it off the event loop
                .map(SupergraphComposer::compose);
    }

    private Uni<String> readFile(Path path) {
        return vertx.fileSystem().readFile(path.toString())
                .map(buffer -> buffer.toString(StandardCharsets.UTF_8))
                .onFailure().transform(e -> new SupergraphLoadException("the file cannot be read (" + e.getMessage() + ")", e));
    }

    private Uni<SubgraphDefinition> fetchDefinition(String name, GatewayConfig.Subgraph subgraph) {
        if (subgraph.url().isEmpty()) {
            return Uni.createFrom().failure(new SupergraphLoadException(
                    "Subgraph '" + name + "' has no URL: set plenum.gateway.subgraphs." + name + ".url"));
        }
        String url = subgraph.url().get();
        return client.execute(new SubgraphRequest(name, url, SubgraphDefinition.SERVICE_SDL_QUERY, null, Map.of(), Map.of(), false))
                .map(response -> new SubgraphDefinition(name, url, sdlOf(name, url, response)));
    }

    private static String sdlOf(String name, String url, Map<String, Object> response) {
        if (response.get("data") instanceof Map<?, ?> data
                && data.get("_service") instanceof Map<?, ?> service
                && service.get("sdl") instanceof String sdl) {
            return sdl;
        }
        throw new SupergraphLoadException("Subgraph '" + name + "' at " + url
                + " did not answer `_service { sdl }` (is it a federation subgraph?): " + response.get("errors"));
    }
}
