package org.plenum.gateway.engine.plan;

import java.util.List;

/** A query plan as data: fetches, run in sequence or in parallel. */
public sealed interface PlanNode {

    record Sequence(List<PlanNode> nodes) implements PlanNode {
    }

    record Parallel(List<PlanNode> nodes) implements PlanNode {
    }

    /** A root fetch, or an entity fetch flattened into the response at its mergeAt path. */
    record Fetch(FetchNode fetch) implements PlanNode {
    }
}
