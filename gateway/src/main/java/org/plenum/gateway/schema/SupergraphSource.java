package org.plenum.gateway.schema;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.plenum.gateway.config.GatewayConfig;
import org.plenum.gateway.engine.SubgraphClient;
import org.plenum.gateway.engine.SubgraphRequest;
import org.plenum.gateway.engine.compose.SubgraphDefinition;
import org.plenum.gateway.engine.compose.SupergraphComposer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Where the supergraph SDL comes from: a file, or the configured subgraphs' own SDLs composed here. */
@ApplicationScoped
public class SupergraphSource {

    static final String SERVICE_SDL_QUERY = "query SubgraphSdl { _service { sdl } }";

    private final GatewayConfig config;
    private final SubgraphClient client;
    private final Vertx vertx;

    public SupergraphSource(GatewayConfig config, SubgraphClient client, Vertx vertx) {
        this.config = config;
        this.client = client;
        this.vertx = vertx;
    }

    /** A short description for logs, e.g. "file /etc/plenum/supergraph.graphql". */
    public String describe() {
        return config.supergraphFile()
                .map(path -> "file " + path.toAbsolutePath())
                .orElseGet(() -> "subgraphs " + config.subgraphs().keySet());
    }

    /**
     * @return the supergraph SDL; fails with {@link SupergraphLoadException} for unusable configuration, files or
     *         subgraph answers, with {@code SubgraphFailure} when a subgraph cannot be reached
     */
    public Uni<String> load() {
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
        return client.execute(new SubgraphRequest(name, url, SERVICE_SDL_QUERY, null, Map.of(), Map.of(), false))
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
