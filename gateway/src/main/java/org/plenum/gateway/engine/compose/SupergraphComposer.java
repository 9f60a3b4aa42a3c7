package org.plenum.gateway.engine.compose;

import java.util.List;

/** Composes Federation subgraph SDLs into a supergraph SDL (join spec v0.3), like {@code @apollo/composition}. */
public final class SupergraphComposer {

    private SupergraphComposer() {
    }

    public static String compose(List<SubgraphDefinition> subgraphs) {
        throw new CompositionException(List.of("composition not implemented yet"));
    }
}
