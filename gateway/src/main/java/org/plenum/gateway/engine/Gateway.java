package org.plenum.gateway.engine;

import graphql.ExecutionInput;
import graphql.GraphQL;
import graphql.GraphQLContext;
import graphql.GraphQLError;
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
import graphql.language.VariableReference;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.validation.ValidationError;
import graphql.ParseAndValidate;
import io.smallrye.mutiny.Uni;
import org.plenum.gateway.engine.cost.CostEstimateException;
import org.plenum.gateway.engine.cost.DemandControl;
import org.plenum.gateway.engine.cost.DemandControlOptions;
import org.plenum.gateway.engine.cost.OperationCost;
import org.plenum.gateway.engine.execute.PlanExecutor;
import org.plenum.gateway.engine.plan.OperationPlan;
import org.plenum.gateway.engine.plan.PlanPrinter;
import org.plenum.gateway.engine.plan.PlanningException;
import org.plenum.gateway.engine.plan.QueryPlanner;
import org.plenum.gateway.engine.supergraph.SubgraphInfo;
import org.plenum.gateway.engine.supergraph.Supergraph;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The federation gateway engine for one supergraph: built once per schema, then executes operations. */
public final class Gateway {

    private final Supergraph supergraph;
    private final GatewayOptions options;
    private final QueryPlanner planner;
    private final PlanExecutor executor;
    private final GraphQL introspection;
    private final Map<String, PreparedDocument> documents;
    private final Map<String, String> subgraphUrls;
    private final DemandControl demandControl;

    private Gateway(Supergraph supergraph, SubgraphClient client, GatewayOptions options, DemandControlOptions demand) {
        this.supergraph = supergraph;
        this.options = options;
        this.demandControl = new DemandControl(supergraph, demand);
        this.planner = new QueryPlanner(supergraph);
        this.executor = new PlanExecutor(client);
        this.introspection = GraphQL.newGraphQL(supergraph.apiSchema()).build();
        int cacheSize = options.planCacheSize() > 0 ? options.planCacheSize() : Integer.MAX_VALUE;
        this.documents = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, PreparedDocument> eldest) {
                return size() > cacheSize;
            }
        });
        Map<String, String> urls = new LinkedHashMap<>();
        for (SubgraphInfo subgraph : supergraph.subgraphs().values()) {
            urls.put(subgraph.name(), subgraph.url());
        }
        this.subgraphUrls = Collections.unmodifiableMap(urls);
    }

    /** @throws SupergraphException with a clear message for an invalid supergraph */
    public static Gateway create(String supergraphSdl, SubgraphClient client, GatewayOptions options) {
        return create(supergraphSdl, client, options, DemandControlOptions.defaults());
    }

    /** @throws SupergraphException with a clear message for an invalid supergraph */
    public static Gateway create(String supergraphSdl, SubgraphClient client, GatewayOptions options,
                                 DemandControlOptions demandControl) {
        return new Gateway(Supergraph.parse(supergraphSdl), client, options == null ? GatewayOptions.defaults() : options,
                demandControl == null ? DemandControlOptions.defaults() : demandControl);
    }

    public Uni<GatewayResponse> execute(GatewayRequest request) {
        try {
            return executeOrFail(request).onFailure().recoverWithItem(Gateway::internalError);
        } catch (RuntimeException e) {
            return Uni.createFrom().item(internalError(e));
        }
    }

    /** A defect must still give the client a GraphQL error, never a stack trace or a hang. */
    private static GatewayResponse internalError(Throwable failure) {
        return new GatewayResponse(body(List.of(error("Internal gateway error: " + failure, "INTERNAL_SERVER_ERROR", null))),
                false, null, null);
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
        PreparedDocument prepared = documents.computeIfAbsent(query, this::prepare);
        if (prepared.errors != null) {
            return Uni.createFrom().item(new GatewayResponse(body(prepared.errors), true, null, null));
        }
        OperationDefinition operation = selectOperation(prepared, request.operationName());
        if (operation == null) {
            String message = request.operationName() == null
                    ? "Must provide operation name if query contains multiple operations"
                    : "Unknown operation named \"" + request.operationName() + "\"";
            return requestError(message, "OPERATION_NOT_FOUND", null, null);
        }
        String type = operation.getOperation().name().toLowerCase(Locale.ROOT);
        String[] violation = prepared.limits.computeIfAbsent(String.valueOf(operation.getName()),
                name -> OperationLimits.measure(operation, prepared.fragments)).violation(options);
        if (violation != null) {
            return requestError(violation[1], violation[0], type, operation.getName());
        }
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
            return Uni.createFrom().item(new GatewayResponse(body(List.of(error(refusal, DemandControl.TOO_EXPENSIVE, null))),
                    true, type, operation.getName(), cost));
        }
        OperationPlan plan;
        try {
            plan = plan(prepared, operation, coerced.toMap());
        } catch (PlanningException e) {
            return Uni.createFrom().item(new GatewayResponse(body(List.of(error(e.getMessage(), "QUERY_PLANNING_FAILED", null))),
                    false, type, operation.getName()));
        }
        Map<String, Object> introspectionData = null;
        if (plan.introspection()) {
            if (!options.introspectionEnabled()) {
                return requestError("Introspection is disabled on this gateway", "INTROSPECTION_DISABLED", type, operation.getName());
            }
            introspectionData = introspection.execute(ExecutionInput.newExecutionInput(query)
                    .operationName(request.operationName()).variables(variables).build()).getData();
        }
        return executor.execute(plan, variables, request.forwardedHeaders(), introspectionData)
                .map(body -> new GatewayResponse(body, false, type, operation.getName(),
                        demandControl.measure(cost, operation, prepared.fragments, coerced.toMap(), body.get("data"))));
    }

    /** The API schema clients see, printed as SDL. */
    public String apiSchemaSdl() {
        return supergraph.apiSchemaSdl();
    }

    /** Subgraph name (as in @join__graph(name:) and {@link SubgraphRequest#subgraph()}) -> URL. */
    public Map<String, String> subgraphUrls() {
        return subgraphUrls;
    }

    /** The printable query plan of an operation (with @skip/@include on variables taken as false), or its errors. */
    public String explain(String query, String operationName) {
        PreparedDocument prepared = prepare(query);
        if (prepared.errors != null) {
            return "Invalid operation: " + prepared.errors;
        }
        OperationDefinition operation = selectOperation(prepared, operationName);
        if (operation == null) {
            return "Invalid operation: no operation named " + operationName;
        }
        return PlanPrinter.print(plan(prepared, operation, Map.of()).root());
    }

    private OperationPlan plan(PreparedDocument prepared, OperationDefinition operation, Map<String, Object> coerced) {
        List<Object> key = new ArrayList<>();
        key.add(operation.getName());
        Set<String> conditions = prepared.conditions.computeIfAbsent(String.valueOf(operation.getName()),
                name -> conditionVariables(operation, prepared.fragments));
        for (String name : conditions) {
            key.add(coerced.get(name));
        }
        OperationPlan plan = prepared.plans.get(key);
        if (plan == null) {
            try {
                plan = planner.plan(operation, prepared.fragments, coerced);
            } catch (StackOverflowError e) {
                throw new PlanningException("The operation is too complex to plan over this supergraph");
            }
            prepared.plans.put(key, plan);
        }
        return plan;
    }

    private PreparedDocument prepare(String query) {
        Document document;
        try {
            document = Parser.parse(query);
        } catch (InvalidSyntaxException e) {
            return new PreparedDocument(List.of(error(e.getMessage(), "GRAPHQL_PARSE_FAILED",
                    e.getLocation() == null ? null : List.of(e.getLocation()))));
        }
        List<ValidationError> validationErrors = ParseAndValidate.validate(supergraph.apiSchema(), document, Locale.ENGLISH);
        if (!validationErrors.isEmpty()) {
            List<Map<String, Object>> errors = new ArrayList<>();
            for (ValidationError validationError : validationErrors) {
                errors.add(error(validationError.getDescription() == null ? validationError.getMessage() : validationError.getDescription(),
                        "GRAPHQL_VALIDATION_FAILED", validationError.getLocations()));
            }
            return new PreparedDocument(errors);
        }
        Map<String, FragmentDefinition> fragments = new LinkedHashMap<>();
        for (FragmentDefinition fragment : document.getDefinitionsOfType(FragmentDefinition.class)) {
            fragments.put(fragment.getName(), fragment);
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
        return Uni.createFrom().item(new GatewayResponse(body(List.of(error(message, code, locations))), true, type, name));
    }

    private static Map<String, Object> body(List<Map<String, Object>> errors) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("errors", errors);
        return body;
    }

    static Map<String, Object> error(String message, String code, List<SourceLocation> locations) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        if (locations != null && !locations.isEmpty()) {
            List<Map<String, Object>> list = new ArrayList<>();
            for (SourceLocation location : locations) {
                list.add(Map.of("line", location.getLine(), "column", location.getColumn()));
            }
            error.put("locations", list);
        }
        error.put("extensions", Map.of("code", code));
        return error;
    }
}
