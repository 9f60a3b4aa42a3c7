package org.plenum.gateway.engine.compose;

import java.util.List;

/** An executable directive definition of the supergraph; {@code signature} holds its merged arguments. */
record MergedDirective(String name, String description, boolean repeatable, List<String> locations,
        MergedField signature) {
}
