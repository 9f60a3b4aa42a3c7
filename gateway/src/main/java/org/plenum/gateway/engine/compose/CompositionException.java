package org.plenum.gateway.engine.compose;

import java.util.List;

/** Composition failed; each error names the subgraph, the type and (where relevant) the field at fault. */
public class CompositionException extends RuntimeException {

    private final List<String> errors;

    public CompositionException(List<String> errors) {
        super("Supergraph composition failed:\n  " + String.join("\n  ", errors));
        this.errors = List.copyOf(errors);
    }

    public List<String> errors() {
        return errors;
    }
}
