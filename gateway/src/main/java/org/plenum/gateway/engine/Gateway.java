package org.plenum.gateway.engine;

import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLContext;
import graphql.GraphQLError;
import graphql.ParseAndValidate;
import graphql.execution.CoercedVariables;
import graphql.execution.RawVariables;
import graphql.execution.ValuesResolver;
import graphql.language.Directive;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.SourceLocation;
import graphql.language.VariableDefinition;
import graphql.language.VariableReference;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import graphql.parser.exceptions.ParseCancelledException;
import graphql.validation.ValidationError;
import io.smallrye.mutiny.Uni;
import org.plenum.gateway.engine.authorization.AuthorizedOperation;
import org.plenum.gateway.engine.authorization.OperationAuthorizer;
import org.plenum.gateway.engine.authorization.PolicyEvaluator;
import org.plenum.gateway.engine.cost.CostEstimateException;
import org.plenum.gateway.engine.cost.DemandControl;
import org.plenum.gateway.engine.cost.DemandControlOptions;
import org.plenum.gateway.engine.cost.OperationCost;
import org.plenum.gateway.engine.error.Errors;
import org.plenum.gateway.engine.execute.PlanExecutor;
import org.plenum.gateway.engine.plan.OperationPlan;
import org.plenum.gateway.engine.plan.PlanPrinter;
import org.plenum.gateway.engine.plan.PlanningException;
import org.plenum.gateway.engine.planning.EnumInputs;
import org.plenum.gateway.engine.planning.OperationOverrideLabels;
import org.plenum.gateway.engine.planning.PlanningTimeoutException;
import org.plenum.gateway.engine.planning.QueryPlanner;
import org.plenum.gateway.engine.subgraph.SubgraphClient;
import org.plenum.gateway.engine.subgraph.SubgraphRequest;
import org.plenum.gateway.engine.supergraph.SubgraphInfo;
import org.plenum.gateway.engine.supergraph.Supergraph;
import org.plenum.gateway.engine.supergraph.SupergraphException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import java.util.function.Supplier;

/** The federation gateway engine for one supergraph: built once per schema, then executes operations. */
public final class Gateway {

    private static final System.Logger LOG = System.getLogger(Gateway.class.getName());

    private final Supergraph supergraph;
    private final GatewayOptions options;
    private final OperationAuthorizer authorizer;
    private final QueryPlanner planner;
    private final PlanExecutor executor;
    private final GraphQL introspection;
    /** Prepared documents by their text, or by {@link DocumentHash} for documents the HTTP layer identified. */
    private final Map<Object, PreparedDocument> documents;
    private final Map<String, String> subgraphUrls;
    private final ParserOptions parserOptions;
    private final DemandControl demandControl;
    private final ProgressiveOverride progressiveOverride;

    private Gateway(Supergraph supergraph, SubgraphClient client, GatewayOptions options, PolicyEvaluator policies,
                    DemandControlOptions demand) {
        this.supergraph = supergraph;
        this.options = options;
        this.parserOptions = ParserOptions.getDefaultOperationParserOptions().transform(builder -> builder
                .maxTokens(options.maxTokens() > 0 ? options.maxTokens() : Integer.MAX_VALUE)
                .maxCharacters(Integer.MAX_VALUE)); // the document's size is limited in bytes before parsing
        this.authorizer = new OperationAuthorizer(supergraph, policies);
        this.demandControl = new DemandControl(supergraph, demand);
        this.planner = new QueryPlanner(supergraph, options.preparationTimeout());
        this.progressiveOverride = new ProgressiveOverride(supergraph.overrideLabels(), options.overrideLabels(),
                options.overrideRolls(), options.overrideListener());
        this.executor = new PlanExecutor(client, options.exposeSubgraphErrorDetails());
        this.introspection = GraphQL.newGraphQL(supergraph.apiSchema()).build();
        // concurrent and lock-free on reads: every request of a cached operation looks here
        this.documents = Caffeine.newBuilder()
                .maximumSize(options.planCacheSize() > 0 ? options.planCacheSize() : Long.MAX_VALUE)
                .<Object, PreparedDocument>build().asMap();
        Map<String, String> urls = new LinkedHashMap<>();
        for (SubgraphInfo subgraph : supergraph.subgraphs().values()) {
            urls.put(subgraph.name(), subgraph.url());
        }
        this.subgraphUrls = Collections.unmodifiableMap(urls);
    }

    /** @throws SupergraphException with a clear message for an invalid supergraph */
    public static Gateway create(String supergraphSdl, SubgraphClient client, GatewayOptions options) {
        return create(supergraphSdl, client, options, PolicyEvaluator.NONE, DemandControlOptions.defaults());
    }

    /** @param policies decides the supergraph's {@code @policy} requirements per caller */
    public static Gateway create(String supergraphSdl, SubgraphClient client, GatewayOptions options,
                                 PolicyEvaluator policies) {
        return create(supergraphSdl, client, options, policies, DemandControlOptions.defaults());
    }

    public static Gateway create(String supergraphSdl, SubgraphClient client, GatewayOptions options,
                                 DemandControlOptions demandControl) {
        return create(supergraphSdl, client, options, PolicyEvaluator.NONE, demandControl);
    }

    /**
     * @param policies      decides the supergraph's {@code @policy} requirements per caller
     * @param demandControl how operations are costed and which are refused before they run
     * @throws SupergraphException with a clear message for an invalid supergraph
     */
    public static Gateway create(String supergraphSdl, SubgraphClient client, GatewayOptions options,
                                 PolicyEvaluator policies, DemandControlOptions demandControl) {
        return new Gateway(Supergraph.parse(supergraphSdl), client, options == null ? GatewayOptions.defaults() : options,
                policies == null ? PolicyEvaluator.NONE : policies,
                demandControl == null ? DemandControlOptions.defaults() : demandControl);
    }

    public Uni<GatewayResponse> execute(GatewayRequest request) {
        Uni<GatewayResponse> response;
        try {
            response = executeOrFail(request);
        } catch (RuntimeException e) {
            response = Uni.createFrom().failure(e);
        }
        if (!options.requestTimeout().isZero()) {
            // cancels what still runs (subgraph fetches included) and answers with what the client can act on
            response = response.ifNoItem().after(options.requestTimeout()).recoverWithItem(() -> new GatewayResponse(
                    Errors.body(List.of(Errors.error("The request took longer than " + options.requestTimeout().toMillis()
                            + " ms and was stopped", "REQUEST_TIMEOUT", null))), false, null, null));
        }
        return response.onFailure(failure -> !(failure instanceof GatewayBusyException))
                .recoverWithItem(failure -> internalError(request, failure));
    }

    /** A defect must still give the client a GraphQL error, never a stack trace or a hang; the details go to the log. */
    private static GatewayResponse internalError(GatewayRequest request, Throwable failure) {
        LOG.log(System.Logger.Level.ERROR, "Request " + request.requestId() + " failed inside the gateway", failure);
        Map<String, Object> error = Errors.error("Internal gateway error", "INTERNAL_SERVER_ERROR", null);
        return new GatewayResponse(Errors.body(List.of(Errors.withRequestId(error, request.requestId()))), false, null, null);
    }

    private Uni<GatewayResponse> executeOrFail(GatewayRequest request) {
        String query = request.query();
        if (query == null || query.isBlank()) {
            return requestError("GraphQL operations must contain a non-empty `query`", "GRAPHQL_PARSE_FAILED", null, null);
        }
        if (options.maxDocumentBytes() > 0 && query.length() > options.maxDocumentBytes() / 3
                && query.getBytes(StandardCharsets.UTF_8).length > options.maxDocumentBytes()) {
            return requestError("The document is larger than " + options.maxDocumentBytes() + " bytes", "DOCUMENT_TOO_LARGE", null, null);
        }
        // a hash key of its own type: no document text can collide with it
        Object key = request.documentHash() != null ? new DocumentHash(request.documentHash()) : query;
        PreparedDocument cached = documents.get(key);
        if (cached != null) {
            return executePrepared(cached, request);
        }
        return offEventLoop(() -> cacheDocument(key, prepare(query)))
                .onFailure(PreparationTimeout.class).recoverWithItem(() -> cacheDocument(key, new PreparedDocument(List.of(
                        Errors.error("Preparing the document took longer than " + options.preparationTimeout().toMillis()
                                + " ms; it is refused", "DOCUMENT_TOO_COMPLEX", null)))))
                .chain(prepared -> executePrepared(prepared, request));
    }

    /** @return what the cache holds for the document now: the first outcome wins, so a refusal stays a refusal */
    private PreparedDocument cacheDocument(Object key, PreparedDocument prepared) {
        PreparedDocument earlier = documents.putIfAbsent(key, prepared);
        return earlier != null ? earlier : prepared;
    }

    /**
     * Runs work whose cost depends on an unseen document on the preparation executor, never on the caller's (event
     * loop) thread, and gives up waiting after the preparation timeout. The work itself runs to its end, but the
     * document's limits bound it, the executor bounds how much of it runs at once, and a refusal is cached.
     */
    private <T> Uni<T> offEventLoop(Supplier<T> work) {
        Uni<T> offLoop = Uni.createFrom().emitter(emitter -> {
            try {
                options.preparationExecutor().execute(() -> {
                    try {
                        emitter.complete(work.get());
                    } catch (RuntimeException | StackOverflowError e) {
                        emitter.fail(e);
                    }
                });
            } catch (RejectedExecutionException busy) {
                emitter.fail(new GatewayBusyException("The gateway is busy preparing other documents; retry shortly"));
            }
        });
        return options.preparationTimeout().isZero() ? offLoop
                : offLoop.ifNoItem().after(options.preparationTimeout()).failWith(PreparationTimeout::new);
    }

    private Uni<GatewayResponse> executePrepared(PreparedDocument prepared, GatewayRequest request) {
        if (prepared.errors != null) {
            return Uni.createFrom().item(new GatewayResponse(Errors.body(prepared.errors), true, null, null));
        }
        OperationDefinition operation = selectOperation(prepared, request.operationName());
        if (operation == null) {
            String message = request.operationName() == null
                    ? "Must provide operation name if query contains multiple operations"
                    : "Unknown operation named " + Errors.quoted(request.operationName());
            return requestError(message, "OPERATION_NOT_FOUND", null, null);
        }
        String type = operation.getOperation().name().toLowerCase(Locale.ROOT);
        if (operation.getOperation() == OperationDefinition.Operation.SUBSCRIPTION) {
            return requestError("Subscriptions are not supported by this gateway", "OPERATION_NOT_SUPPORTED", type, operation.getName());
        }
        Map<String, Object> variables = request.variables() == null ? Map.of() : request.variables();
        CoercedVariables coerced;
        try {
            coerced = ValuesResolver.coerceVariableValues(supergraph.apiSchema(), operation.getVariableDefinitions(),
                    RawVariables.of(variables), GraphQLContext.getDefault(), Locale.ENGLISH);
        } catch (RuntimeException e) {
            List<SourceLocation> locations = e instanceof GraphQLError error ? error.getLocations() : null;
            return requestError(e.getMessage(), "BAD_USER_INPUT", type, operation.getName(), locations);
        }
        OperationCost cost;
        try {
            cost = demandControl.estimate(operation, prepared.fragments, coerced.toMap());
        } catch (CostEstimateException e) {
            return requestError(e.getMessage(), DemandControl.NOT_ESTIMABLE, type, operation.getName());
        }
        String refusal = demandControl.refusal(cost);
        if (refusal != null) {
            return Uni.createFrom().item(new GatewayResponse(Errors.body(List.of(Errors.error(refusal, DemandControl.TOO_EXPENSIVE, null))),
                    true, type, operation.getName(), cost));
        }
        AuthorizedOperation allowed = authorizer.authorize(operation, prepared.fragments, request.caller());
        Set<String> activeLabels = progressiveOverride.decide(overrideLabels(prepared, operation));
        List<Object> planKey = planKey(prepared, operation, allowed, coerced.toMap(), activeLabels);
        OperationPlan cachedPlan = prepared.plans.get(planKey);
        Uni<OperationPlan> plan = cachedPlan != null ? Uni.createFrom().item(cachedPlan)
                : offEventLoop(() -> prepared.plans.computeIfAbsent(planKey,
                        key -> plan(prepared, operation, allowed, coerced.toMap(), activeLabels)));
        return plan.chain(operationPlan -> executePlan(operationPlan, request, variables, type, operation.getName(),
                        body -> demandControl.measure(cost, operation, prepared.fragments, coerced.toMap(), body.get("data"))))
                .onFailure(PlanningException.class).recoverWithItem(e -> new GatewayResponse(
                        planningFailure(e.getMessage()), false, type, operation.getName()))
                .onFailure(f -> f instanceof PreparationTimeout || f instanceof PlanningTimeoutException)
                .recoverWithItem(() -> new GatewayResponse(Errors.body(List.of(
                        Errors.error("Planning the operation took longer than " + options.preparationTimeout().toMillis()
                                + " ms; it is refused", "DOCUMENT_TOO_COMPLEX", null))), true, type, operation.getName()));
    }

    /** The operation was valid but no plan can answer it: execution could not start, so no data at all. */
    private static Map<String, Object> planningFailure(String message) {
        Map<String, Object> body = Errors.body(List.of(Errors.error(message, "QUERY_PLANNING_FAILED", null)));
        body.put("data", null);
        return body;
    }

    /** @param measure the cost of what the response holds */
    private Uni<GatewayResponse> executePlan(OperationPlan plan, GatewayRequest request, Map<String, Object> variables,
                                             String type, String name, Function<Map<String, Object>, OperationCost> measure) {
        Map<String, Object> introspectionData = null;
        if (plan.introspection()) {
            if (!options.introspectionEnabled()) {
                return requestError("Introspection is disabled on this gateway", "INTROSPECTION_DISABLED", type, name);
            }
            ExecutionResult result = introspection.execute(ExecutionInput.newExecutionInput(request.query())
                    .operationName(request.operationName()).variables(variables).build());
            if (!result.getErrors().isEmpty()) {
                // e.g. graphql-java's good-faith check refusing a too deeply nested __schema: never a silent null
                List<Map<String, Object>> errors = new ArrayList<>();
                for (GraphQLError error : result.getErrors()) {
                    errors.add(Errors.error(error.getMessage(), "INTROSPECTION_REFUSED", error.getLocations()));
                }
                return Uni.createFrom().item(new GatewayResponse(Errors.body(errors), true, type, name));
            }
            introspectionData = result.getData();
        }
        return executor.execute(plan, variables, request.forwardedHeaders(), introspectionData, request.requestId())
                .map(body -> new GatewayResponse(body, false, type, name, measure.apply(body)));
    }

    /** The API schema clients see, printed as SDL. */
    public String apiSchemaSdl() {
        return supergraph.apiSchemaSdl();
    }

    /** Subgraph name (as in @join__graph(name:) and {@link SubgraphRequest#subgraph()}) -> URL. */
    public Map<String, String> subgraphUrls() {
        return subgraphUrls;
    }

    /**
     * Plans an operation over every root query and mutation field ({@link SmokeOperations}), so that a supergraph that
     * parses but cannot be planned is found before it replaces a working one.
     *
     * @throws SupergraphException saying which root fields failed and why
     */
    public void planSmokeOperations() {
        for (String smoke : SmokeOperations.of(supergraph.apiSchema())) {
            Document document = Parser.parse(smoke);
            OperationDefinition operation = document.getDefinitionsOfType(OperationDefinition.class).get(0);
            String roots = operation.getOperation().name().toLowerCase(Locale.ROOT);
            List<ValidationError> errors = ParseAndValidate.validate(supergraph.apiSchema(), document, Locale.ENGLISH);
            if (!errors.isEmpty()) {
                throw new SupergraphException("The root " + roots + " fields cannot be asked for: " + errors);
            }
            for (Set<String> activeLabels : smokeOverrideLabels()) {
                try {
                    planner.plan(operation, Map.of(), Map.of(), activeLabels);
                } catch (RuntimeException | StackOverflowError e) {
                    throw new SupergraphException("Planning the root " + roots + " fields failed"
                            + (activeLabels.isEmpty() ? "" : " with override labels " + activeLabels + " active")
                            + ": " + e.getMessage(), e);
                }
            }
        }
    }

    /** Every progressive @override label off, then every one on: either side may have to serve a labelled field. */
    private List<Set<String>> smokeOverrideLabels() {
        Set<String> all = supergraph.overrideLabels().all();
        return all.isEmpty() ? List.of(all) : List.of(Set.of(), all);
    }

    /**
     * The printable query plan of an operation (with @skip/@include on variables taken as false, progressive @override
     * labels decided as for a request, uncounted), or its errors.
     */
    public String explain(String query, String operationName) {
        PreparedDocument prepared = documents.get(query);
        if (prepared == null) {
            prepared = prepare(query);
        }
        if (prepared.errors != null) {
            return "Invalid operation: " + prepared.errors;
        }
        OperationDefinition operation = selectOperation(prepared, operationName);
        if (operation == null) {
            return "Invalid operation: no operation named " + operationName;
        }
        try {
            Set<String> activeLabels = progressiveOverride.roll(overrideLabels(prepared, operation));
            return PlanPrinter.print(plan(prepared, operation, AuthorizedOperation.unchanged(operation, prepared.fragments),
                    Map.of(), activeLabels).root());
        } catch (PlanningException e) {
            return "Planning fails: " + e.getMessage();
        } catch (PlanningTimeoutException e) {
            return "Planning ran past its budget (" + options.preparationTimeout().toMillis() + " ms)";
        }
    }

    /**
     * Plans differ per operation, per value of the variables its @skip/@include use, per enum value some subgraphs
     * lack that its variables carry, per what authorization removed, and per which of the progressive @override labels
     * the operation depends on are active.
     */
    private List<Object> planKey(PreparedDocument prepared, OperationDefinition operation, AuthorizedOperation allowed,
                                 Map<String, Object> coerced, Set<String> activeLabels) {
        List<Object> key = new ArrayList<>();
        key.add(operation.getName());
        key.add(allowed.removed());
        key.add(activeLabels);
        Set<String> conditions = prepared.conditions.computeIfAbsent(String.valueOf(operation.getName()),
                name -> conditionVariables(operation, prepared.fragments));
        for (String name : conditions) {
            key.add(coerced.get(name));
        }
        List<VariableDefinition> enumVariables = prepared.enumVariables.computeIfAbsent(String.valueOf(operation.getName()),
                name -> operation.getVariableDefinitions().stream()
                        .filter(variable -> EnumInputs.shapesPlans(supergraph, variable.getType())).toList());
        for (VariableDefinition variable : enumVariables) {
            key.add(EnumInputs.planRelevantValues(supergraph, variable.getType(), coerced.get(variable.getName())));
        }
        return key;
    }

    /** The progressive @override labels the operation's plans depend on, found once per operation. */
    private Set<String> overrideLabels(PreparedDocument prepared, OperationDefinition operation) {
        return prepared.overrideLabels.computeIfAbsent(String.valueOf(operation.getName()),
                name -> OperationOverrideLabels.of(supergraph, operation, prepared.fragments));
    }

    private OperationPlan plan(PreparedDocument prepared, OperationDefinition operation, AuthorizedOperation allowed,
                               Map<String, Object> coerced, Set<String> activeLabels) {
        try {
            return allowed.isUnchanged() ? planner.plan(operation, prepared.fragments, coerced, activeLabels)
                    : planner.plan(operation, prepared.fragments, allowed.operation(), allowed.fragments(), coerced,
                    activeLabels);
        } catch (StackOverflowError e) {
            throw new PlanningException("The operation is too complex to plan over this supergraph");
        }
    }

    private PreparedDocument prepare(String query) {
        Document document;
        try {
            document = new Parser().parseDocument(ParserEnvironment.newParserEnvironment()
                    .document(query).parserOptions(parserOptions).build());
        } catch (ParseCancelledException e) {
            return new PreparedDocument(List.of(Errors.error("The document has more than " + options.maxTokens()
                    + " tokens", "MAX_TOKENS_EXCEEDED", null)));
        } catch (InvalidSyntaxException e) {
            return new PreparedDocument(List.of(Errors.error(e.getMessage(), "GRAPHQL_PARSE_FAILED",
                    e.getLocation() == null ? null : List.of(e.getLocation()))));
        }
        Map<String, FragmentDefinition> fragments = new LinkedHashMap<>();
        for (FragmentDefinition fragment : document.getDefinitionsOfType(FragmentDefinition.class)) {
            fragments.putIfAbsent(fragment.getName(), fragment);
        }
        // before validation: some of its rules take time that grows with the expanded document
        OperationLimits.LimitViolation violation = OperationLimits.violation(document, fragments, options);
        if (violation != null) {
            return new PreparedDocument(List.of(Errors.error(violation.message(), violation.code(), null)));
        }
        List<ValidationError> validationErrors = ParseAndValidate.validate(supergraph.apiSchema(), document, Locale.ENGLISH);
        if (!validationErrors.isEmpty()) {
            List<Map<String, Object>> errors = new ArrayList<>();
            for (ValidationError validationError : validationErrors) {
                errors.add(Errors.error(validationError.getDescription() == null ? validationError.getMessage() : validationError.getDescription(),
                        "GRAPHQL_VALIDATION_FAILED", validationError.getLocations()));
            }
            return new PreparedDocument(errors);
        }
        return new PreparedDocument(document, fragments);
    }

    private static OperationDefinition selectOperation(PreparedDocument prepared, String operationName) {
        List<OperationDefinition> operations = prepared.operations();
        if (operationName == null || operationName.isEmpty()) {
            return operations.size() == 1 ? operations.get(0) : null;
        }
        return operations.stream().filter(o -> operationName.equals(o.getName())).findFirst().orElse(null);
    }

    /** Variables that @skip/@include use in this operation: the plan depends on their values. */
    private static Set<String> conditionVariables(OperationDefinition operation, Map<String, FragmentDefinition> fragments) {
        Set<String> names = new LinkedHashSet<>();
        collectConditionVariables(operation.getSelectionSet(), names);
        fragments.values().forEach(fragment -> collectConditionVariables(fragment.getSelectionSet(), names));
        return names;
    }

    private static void collectConditionVariables(SelectionSet selectionSet, Set<String> names) {
        if (selectionSet == null) {
            return;
        }
        for (Selection<?> selection : selectionSet.getSelections()) {
            List<Directive> directives = ((graphql.language.DirectivesContainer<?>) selection).getDirectives();
            for (Directive directive : directives) {
                if ((directive.getName().equals("skip") || directive.getName().equals("include"))
                        && directive.getArgument("if") != null
                        && directive.getArgument("if").getValue() instanceof VariableReference variable) {
                    names.add(variable.getName());
                }
            }
            if (selection instanceof Field field) {
                collectConditionVariables(field.getSelectionSet(), names);
            } else if (selection instanceof InlineFragment inline) {
                collectConditionVariables(inline.getSelectionSet(), names);
            }
        }
    }

    private static Uni<GatewayResponse> requestError(String message, String code, String type, String name) {
        return requestError(message, code, type, name, null);
    }

    private static Uni<GatewayResponse> requestError(String message, String code, String type, String name,
                                                     List<SourceLocation> locations) {
        return Uni.createFrom().item(new GatewayResponse(Errors.body(List.of(Errors.error(message, code, locations))),
                true, type, name));
    }

    /** The cache key of a document known by its SHA-256. */
    private record DocumentHash(String sha256) {
    }

    /** The preparation executor did not finish in time. */
    private static final class PreparationTimeout extends RuntimeException {
        PreparationTimeout() {
            super(null, null, false, false);
        }
    }
}
