package org.plenum.gateway.engine.compose;

/** One subgraph to compose: its name (as it appears in {@code join__Graph}), its URL and its SDL. */
public record SubgraphDefinition(String name, String url, String sdl) {

    /** The query a federation subgraph answers with its SDL. */
    public static final String SERVICE_SDL_QUERY = "query SubgraphSdl { _service { sdl } }";
}
