package org.plenum.gateway.engine.compose;

import java.util.function.Supplier;

/**
 * Why a subgraph fetch standing in {@code source} cannot take one step (to {@code destination}), in Apollo's words;
 * worded only when an error needs it, as most refused steps have an alternative.
 */
record Unadvanceable(String source, String destination, Supplier<String> reason) {

    String details() {
        return reason.get();
    }
}
