package org.plenum.gateway.engine.planning;

import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;
import org.plenum.gateway.engine.plan.OperationPlan;
import org.plenum.gateway.engine.plan.PlanNode;
import org.plenum.gateway.engine.plan.ResponseShape;
import org.plenum.gateway.engine.supergraph.Supergraph;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * Plans one operation into subgraph fetches: {@link SelectionWalk} builds the fetch groups, asking
 * {@link Reachability} and {@link SubgraphChoice} where each field can come from; {@link StepAssembler} orders them
 * into steps, and {@link SubgraphDocumentWriter} writes each request. Dependent fetches to the same subgraph at the
 * same step are merged, so each step sends one request per subgraph whatever the number of items.
 */
public final class QueryPlanner {

    private final Supergraph supergraph;
    private final Duration budget;

    /** @param budget how long planning one operation may take; zero means no limit */
    public QueryPlanner(Supergraph supergraph, Duration budget) {
        this.supergraph = supergraph;
        this.budget = budget;
    }

    /**
     * @param variableValues the request's coerced variable values: the plan depends on those @skip/@include use and
     *                       on those carrying enum values some subgraphs lack ({@link EnumInputs#shapesPlans})
     * @param activeLabels   the progressive @override labels active for this plan: a labelled field comes from the
     *                       overriding subgraph while its label is active, else from the overridden one
     * @throws org.plenum.gateway.engine.plan.PlanningException when no plan can answer the operation
     * @throws PlanningTimeoutException when planning runs past the budget
     */
    public OperationPlan plan(OperationDefinition operation, Map<String, FragmentDefinition> fragments,
                              Map<String, Object> variableValues, Set<String> activeLabels) {
        FieldCollector collector = new FieldCollector(supergraph, fragments, variableValues);
        boolean mutation = operation.getOperation() == OperationDefinition.Operation.MUTATION;
        FetchGraph fetches = new SelectionWalk(supergraph, collector, new EnumInputs(supergraph, variableValues),
                activeLabels, operation, PlanningDeadline.after(budget)).walk();
        PlanNode root = new StepAssembler(new SubgraphDocumentWriter(supergraph, operation)).assemble(fetches, mutation);
        ResponseShape shape = new ShapeCompiler(supergraph.apiSchema(), collector).compile(operation);
        return new OperationPlan(root, shape, operation.getOperation().name().toLowerCase(), shape.hasIntrospection());
    }

    /**
     * Plans what the caller may run ({@code allowed}, the operation {@code sent} without what the caller may not see)
     * and answers in the shape of what was sent: each removed field is null with an error.
     */
    public OperationPlan plan(OperationDefinition sent, Map<String, FragmentDefinition> sentFragments,
                              OperationDefinition allowed, Map<String, FragmentDefinition> allowedFragments,
                              Map<String, Object> variableValues, Set<String> activeLabels) {
        OperationPlan plan = plan(allowed, allowedFragments, variableValues, activeLabels);
        ResponseShape sentShape = new ShapeCompiler(supergraph.apiSchema(),
                new FieldCollector(supergraph, sentFragments, variableValues)).compile(sent);
        return new OperationPlan(plan.root(), sentShape.restrictedTo(plan.shape()), plan.operationType(), plan.introspection());
    }
}
