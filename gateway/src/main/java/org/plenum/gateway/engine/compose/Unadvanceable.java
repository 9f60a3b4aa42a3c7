package org.plenum.gateway.engine.compose;

/** Why a subgraph fetch standing in {@code source} cannot take one step (to {@code destination}), in Apollo's words. */
record Unadvanceable(String source, String destination, String details) {
}
