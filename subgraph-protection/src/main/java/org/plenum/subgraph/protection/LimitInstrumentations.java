package org.plenum.subgraph.protection;

import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.Instrumentation;

import java.util.List;

/** graphql-java's instrumentations for the {@link RequestLimits}, in the order they are checked. */
public final class LimitInstrumentations {

    private LimitInstrumentations() {
    }

    /** Depth and field count are checked on the document before anything runs; the rest while it runs. */
    public static List<Instrumentation> of(RequestLimits limits) {
        return List.of(
                new MaxQueryDepthInstrumentation(limits.maxDepth()) {
                    @Override
                    protected AbortExecutionException mkAbortException(int depth, int maxDepth) {
                        return new LimitExceeded("QUERY_TOO_DEEP", "The operation is " + depth
                                + " fields deep; at most " + maxDepth + " are allowed (plenum.graphql.max-depth)");
                    }
                },
                new MaxQueryComplexityInstrumentation(limits.maxFields()) {
                    @Override
                    protected AbortExecutionException mkAbortException(int fields, int maxFields) {
                        return new LimitExceeded("QUERY_TOO_COMPLEX", "The operation selects " + fields
                                + " fields (fragments expanded); at most " + maxFields
                                + " are allowed (plenum.graphql.max-fields)");
                    }
                },
                new RequestBudgetInstrumentation(limits));
    }
}
