package org.plenum.gateway.engine.supergraph;

/** One subgraph of the supergraph: its join__Graph enum value, its name and URL. */
public record SubgraphInfo(String enumValue, String name, String url) {
}
