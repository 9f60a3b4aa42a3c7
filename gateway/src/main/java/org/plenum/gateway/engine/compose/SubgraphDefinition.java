package org.plenum.gateway.engine.compose;

/** One subgraph to compose: its name (as it appears in {@code join__Graph}), its URL and its SDL. */
public record SubgraphDefinition(String name, String url, String sdl) {
}
