package org.plenum.gateway.engine.plan;

/**
 * Everything needed to run one operation, computed once and cached: the fetches and the client's response shape.
 *
 * @param root          the fetches; null when no subgraph is needed (e.g. only __typename or introspection)
 * @param shape         how to build the client's response from the merged subgraph data
 * @param operationType "query" or "mutation"
 * @param introspection whether the gateway must answer __schema/__type itself
 */
public record OperationPlan(PlanNode root, ResponseShape shape, String operationType, boolean introspection) {
}
