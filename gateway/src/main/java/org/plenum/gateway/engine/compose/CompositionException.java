package org.plenum.gateway.engine.compose;

import java.util.List;

/**
 * Composition failed; each error names the subgraph, the type and (where relevant) the field at fault. Errors of the
 * satisfiability validation carry Apollo's code for them, {@value #SATISFIABILITY_ERROR}.
 */
public class CompositionException extends RuntimeException {

    public static final String SATISFIABILITY_ERROR = "SATISFIABILITY_ERROR";

    private final String code;
    private final List<String> errors;

    public CompositionException(List<String> errors) {
        this(null, errors);
    }

    public CompositionException(String code, List<String> errors) {
        super("Supergraph composition failed:\n  " + String.join("\n  ", errors));
        this.code = code;
        this.errors = List.copyOf(errors);
    }

    /** Apollo's error code shared by all the errors, or null when they have none. */
    public String code() {
        return code;
    }

    public List<String> errors() {
        return errors;
    }
}
