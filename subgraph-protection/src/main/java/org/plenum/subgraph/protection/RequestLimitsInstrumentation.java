package org.plenum.subgraph.protection;

import graphql.ExecutionResult;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.analysis.QueryComplexityCalculator;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.language.Field;
import graphql.language.Node;
import graphql.language.NodeTraverser;
import graphql.language.NodeVisitorStub;
import graphql.normalized.ExecutableNormalizedField;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import graphql.validation.ValidationError;
import io.smallrye.graphql.execution.QueryCache;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The {@link RequestLimits} of one request, all in one instrumentation. Before it runs: depth, field count and aliases
 * (also aliases of a nested field with other arguments, see {@link #refuseAliasesWithOtherArguments}); while it runs:
 * {@code _entities} representations (checked before the resolver, so before any database work), a deadline and a
 * count of resolved field values. A request over a limit while it runs is stopped: no further field is fetched (so no
 * further database work), and the answer is the {@link LimitExceeded} error alone.
 * <p>
 * One instrumentation rather than a chain of one per limit: graphql-java calls every member of a chain for every field
 * value (several hooks each), which cost the subgraphs about a tenth of their CPU on large {@code _entities} answers.
 */
final class RequestLimitsInstrumentation extends SimplePerformantInstrumentation {

    private final RequestLimits limits;
    private final MaxQueryDepthInstrumentation depth;
    /** SmallRye's cache of parsed and validated documents, told of each validation's outcome; null outside SmallRye. */
    private final QueryCache validatedDocuments;

    /**
     * @param validatedDocuments SmallRye's document cache, which learns from {@code beginValidation} which documents
     *                           passed validation; null when there is none (an engine built without SmallRye)
     */
    RequestLimitsInstrumentation(RequestLimits limits, QueryCache validatedDocuments) {
        this.limits = limits;
        this.validatedDocuments = validatedDocuments;
        this.depth = new MaxQueryDepthInstrumentation(limits.maxDepth()) {
            @Override
            protected AbortExecutionException mkAbortException(int depth, int maxDepth) {
                return new LimitExceeded("QUERY_TOO_DEEP", "The operation is " + depth
                        + " fields deep; at most " + maxDepth + " are allowed (plenum.graphql.max-depth)");
            }
        };
    }

    /** What one request has used so far, and why it was stopped if it was. */
    private static final class Budget implements InstrumentationState {
        final long deadlineNanos;
        final AtomicInteger resolvedFields = new AtomicInteger();
        final AtomicReference<LimitExceeded> stopped = new AtomicReference<>();

        Budget(long deadlineNanos) {
            this.deadlineNanos = deadlineNanos;
        }

        void stop(LimitExceeded reason) {
            stopped.compareAndSet(null, reason);
        }
    }

    @Override
    public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
        return new Budget(System.nanoTime() + limits.timeout().toNanos());
    }

    @Override
    public InstrumentationContext<List<ValidationError>> beginValidation(InstrumentationValidationParameters parameters,
            InstrumentationState state) {
        // the cache keeps no state of its own per request
        return validatedDocuments == null ? super.beginValidation(parameters, state)
                : validatedDocuments.beginValidation(parameters, null);
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        // the depth check needs no state of its own
        depth.beginExecuteOperation(parameters, null);
        refuseTooManyFields(parameters.getExecutionContext());
        int aliases = countAliases(parameters);
        if (aliases > limits.maxAliases()) {
            throw new LimitExceeded("TOO_MANY_ALIASES", "The document has " + aliases + " aliased fields; at most "
                    + limits.maxAliases() + " are allowed (plenum.graphql.max-aliases)");
        }
        if (aliases > 0) {
            refuseAliasesWithOtherArguments(parameters.getExecutionContext().getNormalizedQueryTree().get()
                    .getTopLevelFields());
        }
        return SimpleInstrumentationContext.noOp();
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters,
            InstrumentationState state) {
        Budget budget = (Budget) state;
        if (budget.stopped.get() == null) {
            check(budget, parameters.getEnvironment());
        }
        // once stopped, nothing more is fetched; instrumentExecutionResult answers with the reason
        return budget.stopped.get() == null ? dataFetcher : environment -> null;
    }

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult executionResult,
            InstrumentationExecutionParameters parameters, InstrumentationState state) {
        LimitExceeded stopped = ((Budget) state).stopped.get();
        return CompletableFuture.completedFuture(stopped == null ? executionResult : stopped.toExecutionResult());
    }

    private void check(Budget budget, DataFetchingEnvironment environment) {
        if (System.nanoTime() - budget.deadlineNanos > 0) {
            budget.stop(new LimitExceeded("TIMEOUT", "The request ran longer than " + limits.timeout().toMillis()
                    + " ms and was stopped (plenum.graphql.timeout)"));
        } else if (budget.resolvedFields.incrementAndGet() > limits.maxResolvedFields()) {
            budget.stop(new LimitExceeded("RESULT_TOO_LARGE", "The request resolves more than "
                    + limits.maxResolvedFields() + " field values and was stopped; ask for less, e.g. smaller pages "
                    + "(plenum.graphql.max-resolved-fields)"));
        } else if ("_entities".equals(environment.getField().getName())
                && environment.getExecutionStepInfo().getPath().getLevel() == 1
                && environment.getArgument("representations") instanceof List<?> representations
                && representations.size() > limits.maxEntities()) {
            budget.stop(new LimitExceeded("TOO_MANY_ENTITIES", "_entities was called with " + representations.size()
                    + " representations; at most " + limits.maxEntities()
                    + " are allowed per call (plenum.graphql.max-entities)"));
        }
    }

    /**
     * Nested fields are resolved in batches, one call for all the objects at one level (SmallRye's {@code @Source}
     * lists), and a batch sees one set of arguments: two aliases of such a field on one object with different
     * arguments would both get the first one's answer. They are refused rather than answered wrongly.
     */
    private static void refuseAliasesWithOtherArguments(List<ExecutableNormalizedField> parents) {
        for (ExecutableNormalizedField parent : parents) {
            Map<String, ExecutableNormalizedField> firstByField = new HashMap<>();
            for (ExecutableNormalizedField child : parent.getChildren()) {
                ExecutableNormalizedField first = firstByField.putIfAbsent(
                        child.getObjectTypeNames() + "." + child.getName(), child);
                if (first != null && !first.getResolvedArguments().equals(child.getResolvedArguments())) {
                    throw new LimitExceeded("ALIASES_WITH_OTHER_ARGUMENTS", "'" + first.getResultKey() + "' and '"
                            + child.getResultKey() + "' ask for " + child.getName() + " on the same object with "
                            + "different arguments; nested lists are read for all objects of a level at once, so "
                            + "aliases of one on the same object must use the same arguments");
                }
            }
            refuseAliasesWithOtherArguments(parent.getChildren());
        }
    }

    /** Every selected field counts one, fragments expanded (graphql-java's default field complexity). */
    private void refuseTooManyFields(ExecutionContext context) {
        int fields = QueryComplexityCalculator.newCalculator()
                .fieldComplexityCalculator((environment, childComplexity) -> 1 + childComplexity)
                .schema(context.getGraphQLSchema())
                .document(context.getDocument())
                .operationName(context.getExecutionInput().getOperationName())
                .variables(context.getCoercedVariables())
                .build()
                .calculate();
        if (fields > limits.maxFields()) {
            throw new LimitExceeded("QUERY_TOO_COMPLEX", "The operation selects " + fields
                    + " fields (fragments expanded); at most " + limits.maxFields()
                    + " are allowed (plenum.graphql.max-fields)");
        }
    }

    private static int countAliases(InstrumentationExecuteOperationParameters parameters) {
        AtomicInteger aliases = new AtomicInteger();
        NodeVisitorStub counter = new NodeVisitorStub() {
            @Override
            public TraversalControl visitField(Field field, TraverserContext<Node> context) {
                if (field.getAlias() != null) {
                    aliases.incrementAndGet();
                }
                return TraversalControl.CONTINUE;
            }
        };
        new NodeTraverser().preOrder(counter, parameters.getExecutionContext().getDocument().getDefinitions());
        return aliases.get();
    }
}
