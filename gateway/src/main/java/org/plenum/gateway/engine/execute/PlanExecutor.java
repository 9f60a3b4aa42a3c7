package org.plenum.gateway.engine.execute;

import io.smallrye.mutiny.Uni;
import org.plenum.gateway.engine.error.ErrorEntry;
import org.plenum.gateway.engine.json.JsonObject;
import org.plenum.gateway.engine.json.JsonValues;
import org.plenum.gateway.engine.plan.FetchNode;
import org.plenum.gateway.engine.plan.FetchSelection;
import org.plenum.gateway.engine.plan.OperationPlan;
import org.plenum.gateway.engine.plan.PathSegment;
import org.plenum.gateway.engine.plan.PlanNode;
import org.plenum.gateway.engine.plan.ResponseKeys;
import org.plenum.gateway.engine.subgraph.SharedAnswer;
import org.plenum.gateway.engine.subgraph.SubgraphClient;
import org.plenum.gateway.engine.subgraph.SubgraphFailure;
import org.plenum.gateway.engine.subgraph.SubgraphRequest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a plan without blocking: sequences one after another, parallel branches together; each fetch merges
 * its result into one response tree, then the client's response is built from it.
 */
public final class PlanExecutor {

    private static final System.Logger LOG = System.getLogger(PlanExecutor.class.getName());

    private final SubgraphClient client;
    private final boolean exposeErrorDetails;

    /**
     * @param exposeErrorDetails whether clients see why a fetch failed and subgraph errors without a code as they
     *                           came; otherwise they see a code, the subgraph and the request id, and the log the rest
     */
    public PlanExecutor(SubgraphClient client, boolean exposeErrorDetails) {
        this.client = client;
        this.exposeErrorDetails = exposeErrorDetails;
    }

    /** @return the response body: data (and errors when any) */
    public Uni<Map<String, Object>> execute(OperationPlan plan, Map<String, Object> variables,
                                            Map<String, String> headers, Map<String, Object> introspection,
                                            String requestId) {
        ExecutionState state = new ExecutionState(variables == null ? Map.of() : variables,
                headers == null ? Map.of() : headers, exposeErrorDetails, requestId, plan.root() instanceof PlanNode.Fetch);
        Uni<Void> run = plan.root() == null ? Uni.createFrom().voidItem() : run(plan.root(), state);
        return run.map(ignored -> {
            Map<String, Object> body = new LinkedHashMap<>();
            Map<String, Object> data;
            synchronized (state) {
                data = new ResponseBuilder(state.errors, introspection).build(plan.shape(), state.data);
                if (!state.errors.isEmpty()) {
                    body.put("errors", state.errors);
                }
            }
            body.put("data", data);
            return body;
        });
    }

    private Uni<Void> run(PlanNode node, ExecutionState state) {
        if (node instanceof PlanNode.Fetch fetch) {
            return fetch.fetch().isEntityFetch() ? entityFetch(fetch.fetch(), state) : rootFetch(fetch.fetch(), state);
        }
        if (node instanceof PlanNode.Sequence sequence) {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (PlanNode child : sequence.nodes()) {
                chain = chain.chain(() -> run(child, state));
            }
            return chain;
        }
        List<Uni<Void>> branches = new ArrayList<>();
        for (PlanNode child : ((PlanNode.Parallel) node).nodes()) {
            branches.add(run(child, state));
        }
        return Uni.combine().all().unis(branches).discardItems();
    }

    private Uni<Void> rootFetch(FetchNode fetch, ExecutionState state) {
        return send(fetch, state, usedVariables(fetch, state, null))
                .onItem().invoke(body -> {
                    synchronized (state) {
                        if (body.get("data") instanceof Map<?, ?> data) {
                            restoreKeys(data, fetch.renamedFields());
                            // a plan's only fetch: nothing merges into its answer later, the response only reads it
                            JsonTree.merge(state.data, cast(data), body instanceof SharedAnswer && !state.onlyFetch);
                        }
                        state.addSubgraphErrors(fetch, body, null, null);
                    }
                })
                .onFailure().recoverWithItem(failure -> {
                    state.addFailure(fetch, failure);
                    return null;
                })
                .replaceWithVoid();
    }

    /**
     * The objects to complete at the fetch's paths, as requests: one, or where entities take values from their
     * ancestors (@fromContext), one per distinct set of values, each with its own representations.
     */
    private Uni<Void> entityFetch(FetchNode fetch, ExecutionState state) {
        Map<List<Object>, EntityRequest> requests = new LinkedHashMap<>();
        synchronized (state) {
            for (List<PathSegment> mergeAt : fetch.mergeAt()) {
                JsonTree.objectsWithAncestors(state.data, mergeAt, ancestorLengths(fetch), (object, ancestors) -> {
                    FetchNode.Representation template = fetch.representations().get(String.valueOf(object.get("__typename")));
                    if (template != null) {
                        List<Object> values = fetch.contextValues().isEmpty() ? List.of()
                                : new ArrayList<>(fetch.contextValues().size());
                        for (FetchNode.ContextValue context : fetch.contextValues()) {
                            values.add(contextValue(ancestors.get(context.ancestorLength()), context.selection()));
                        }
                        requests.computeIfAbsent(values, v -> new EntityRequest()).add(object, template);
                    }
                });
            }
        }
        List<Uni<Void>> sent = new ArrayList<>();
        requests.forEach((values, request) -> {
            if (!request.representations.isEmpty()) {
                Map<String, Object> variables = usedVariables(fetch, state, request.representations);
                for (int i = 0; i < values.size(); i++) {
                    variables.put(fetch.contextValues().get(i).variable(), values.get(i));
                }
                sent.add(entityRequest(fetch, state, request, variables));
            }
        });
        if (sent.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return sent.size() == 1 ? sent.get(0) : Uni.combine().all().unis(sent).discardItems();
    }

    private static List<Integer> ancestorLengths(FetchNode fetch) {
        return fetch.contextValues().stream().map(FetchNode.ContextValue::ancestorLength).distinct().sorted().toList();
    }

    /**
     * The objects one entity request completes and their representations, each sent once. Built per request for
     * every object a fetch completes (often hundreds): without an allocation per object where it can.
     */
    static final class EntityRequest {
        final List<Map<String, Object>> targets = new ArrayList<>();
        /** per target, the index of its representation */
        int[] targetRepresentation = new int[16];
        final List<Object> representations = new ArrayList<>();
        /** the index of each representation by the representation itself */
        private final Map<JsonObject, Integer> unique = new HashMap<>();
        /**
         * for a key of one scalar field (the usual id): the index of each representation by its type and key field
         * (both sent: several templates can send one type, e.g. an @interfaceObject's), then by the key's value
         */
        private final Map<List<String>, Map<Object, Integer>> uniqueScalars = new HashMap<>();
        /** the template of the object added last, its scalar key field (or null) and that key's part of uniqueScalars */
        private FetchNode.Representation template;
        private FetchSelection.FieldSelection scalarKey;
        private Map<Object, Integer> scalarIndexes;

        void add(Map<String, Object> object, FetchNode.Representation template) {
            if (template != this.template) { // most lists hold one type: this once per list
                this.template = template;
                scalarKey = template.scalarKey();
                scalarIndexes = scalarKey == null ? null : uniqueScalars.computeIfAbsent(
                        List.of(template.typename(), scalarKey.name()), sent -> new HashMap<>());
            }
            Object keyValue = scalarKey == null ? null : object.get(scalarKey.responseKey());
            Integer index;
            if (keyValue instanceof String || keyValue instanceof Number || keyValue instanceof Boolean) {
                // an object met before is found by its key value, without building its representation again
                index = scalarIndexes.putIfAbsent(keyValue, representations.size());
                if (index == null) {
                    JsonObject representation = new JsonObject(2);
                    representation.append("__typename", template.typename());
                    representation.append(scalarKey.name(), keyValue);
                    representations.add(representation);
                }
            } else {
                JsonObject representation = representation(object, template);
                if (representation == null) {
                    return;
                }
                index = unique.putIfAbsent(representation, representations.size());
                if (index == null) {
                    representations.add(representation);
                }
            }
            int target = targets.size();
            if (target == targetRepresentation.length) {
                targetRepresentation = Arrays.copyOf(targetRepresentation, target * 2);
            }
            targetRepresentation[target] = index != null ? index : representations.size() - 1;
            targets.add(object);
        }
    }

    private Uni<Void> entityRequest(FetchNode fetch, ExecutionState state, EntityRequest request,
                                    Map<String, Object> variables) {
        return send(fetch, state, variables)
                .onItem().invoke(body -> {
                    synchronized (state) {
                        Object entities = body.get("data") instanceof Map<?, ?> data ? data.get("_entities") : null;
                        if (entities instanceof List<?> list) {
                            restoreKeys(list, fetch.renamedFields());
                            boolean shared = body instanceof SharedAnswer;
                            // an entity that completes several objects gives each its own copies, as a shared answer
                            // does: later merges and error paths must not find one object in two places
                            boolean[] taken = new boolean[list.size()];
                            for (int i = 0; i < request.targets.size(); i++) {
                                int index = request.targetRepresentation[i];
                                if (index < list.size() && list.get(index) instanceof Map<?, ?> entity) {
                                    JsonTree.merge(request.targets.get(i), cast(entity), shared || taken[index]);
                                    taken[index] = true;
                                }
                            }
                        }
                        state.addSubgraphErrors(fetch, body, request.targets, request.targetRepresentation);
                    }
                })
                .onFailure().recoverWithItem(failure -> {
                    state.addFailure(fetch, failure);
                    return null;
                })
                .replaceWithVoid();
    }

    /** Puts fields that were sent under another key (see FetchSelection) back under their merge key. */
    private static void restoreKeys(Object value, FetchSelection selection) {
        if (selection == null) {
            return;
        }
        if (value instanceof List<?> list) {
            for (Object item : list) {
                restoreKeys(item, selection);
            }
        } else if (value instanceof Map<?, ?> map) {
            restoreFields(cast(map), selection);
        }
    }

    private static void restoreFields(Map<String, Object> object, FetchSelection selection) {
        for (FetchSelection.FieldSelection field : selection.fields()) {
            if (field.sentKey() != null && object.containsKey(field.sentKey())) {
                object.put(field.responseKey(), object.remove(field.sentKey()));
            }
            if (field.sub() != null && object.get(field.responseKey()) != null) {
                restoreKeys(object.get(field.responseKey()), field.sub());
            }
        }
        for (FetchSelection fragment : selection.fragments().values()) {
            restoreFields(object, fragment);
        }
    }

    private Uni<Map<String, Object>> send(FetchNode fetch, ExecutionState state, Map<String, Object> variables) {
        try {
            Uni<Map<String, Object>> answer = client.execute(new SubgraphRequest(fetch.subgraphName(), fetch.url(),
                    fetch.document(), null, variables, state.headers, fetch.mutation()));
            // restoring renamed keys changes the answer: a shared one is copied for that
            return fetch.renamedFields() == null ? answer
                    : answer.map(body -> body instanceof SharedAnswer ? JsonValues.copyObject(body) : body);
        } catch (RuntimeException e) {
            return Uni.createFrom().failure(e);
        }
    }

    private static Map<String, Object> usedVariables(FetchNode fetch, ExecutionState state, List<Object> representations) {
        Map<String, Object> variables = new LinkedHashMap<>();
        if (representations != null) {
            variables.put("representations", representations);
        }
        for (String name : fetch.variableNames()) {
            if (state.variables.containsKey(name)) {
                variables.put(name, state.variables.get(name));
            }
        }
        return variables;
    }

    /** The representation of an object, or null when a key field is missing or null (it cannot be fetched). */
    private static JsonObject representation(Map<String, Object> object, FetchNode.Representation template) {
        JsonObject representation = new JsonObject();
        representation.put("__typename", template.typename());
        if (!copy(object, template.key(), representation, true)) {
            return null;
        }
        copy(object, template.required(), representation, false);
        return representation;
    }

    private static boolean copy(Map<String, Object> source, FetchSelection selection, Map<String, Object> target,
                                boolean key) {
        for (FetchSelection.FieldSelection field : selection.fields()) {
            Object value = source.get(field.responseKey());
            // leaves too (a list of scalars, a JSON scalar): a parallel fetch may merge into the tree while this is
            // being sent and found by its value
            Object copied = value == null ? null
                    : field.sub() == null ? JsonValues.deepCopy(value) : copyValue(value, field.sub(), key);
            if (copied == null && key) {
                return false;
            }
            target.put(field.name(), copied);
        }
        if (selection.fragments().isEmpty()) {
            return true; // the usual case, without an iterator per object
        }
        for (Map.Entry<String, FetchSelection> fragment : selection.fragments().entrySet()) {
            if (fragment.getKey().equals(source.get("__typename"))) {
                target.put("__typename", fragment.getKey());
                if (!copy(source, fragment.getValue(), target, key)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The value an ancestor gives a contextual argument: the one field its selection reads there, or null. */
    private static Object contextValue(Map<String, Object> ancestor, FetchSelection selection) {
        for (FetchSelection.FieldSelection field : selection.fields()) {
            Object value = ancestor.get(field.responseKey());
            return value == null || field.sub() == null ? value : copyValue(value, field.sub(), false);
        }
        FetchSelection fragment = selection.fragments().get(String.valueOf(ancestor.get("__typename")));
        return fragment == null ? null : contextValue(ancestor, fragment);
    }

    private static Object copyValue(Object value, FetchSelection selection, boolean key) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copied = new JsonObject();
            return copy(cast(map), selection, copied, key) ? copied : null;
        }
        if (value instanceof List<?> list) {
            List<Object> copied = new ArrayList<>(list.size());
            for (Object item : list) {
                copied.add(item == null ? null : copyValue(item, selection, key));
            }
            return copied;
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    /** The response tree and errors of one execution; guarded by its own monitor as fetches complete concurrently. */
    static final class ExecutionState {
        final Map<String, Object> data = new JsonObject();
        final List<Map<String, Object>> errors = new ArrayList<>();
        final Map<String, Object> variables;
        final Map<String, String> headers;
        final boolean exposeErrorDetails;
        final String requestId;
        /** whether the plan is a single fetch */
        final boolean onlyFetch;

        ExecutionState(Map<String, Object> variables, Map<String, String> headers, boolean exposeErrorDetails,
                       String requestId, boolean onlyFetch) {
            this.variables = variables;
            this.headers = headers;
            this.exposeErrorDetails = exposeErrorDetails;
            this.requestId = requestId;
            this.onlyFetch = onlyFetch;
        }

        /**
         * Subgraph errors with their paths rewritten to the client's: _entities indexes become the paths of the
         * objects that representation was made of.
         */
        void addSubgraphErrors(FetchNode fetch, Map<String, Object> body, List<Map<String, Object>> targets,
                               int[] targetRepresentation) {
            if (!(body.get("errors") instanceof List<?> subgraphErrors)) {
                return;
            }
            List<List<Object>> targetPaths = targets == null ? null : pathsOf(fetch, targets);
            for (Object item : subgraphErrors) {
                if (!(item instanceof Map<?, ?> subgraphError)) {
                    continue;
                }
                Object path = subgraphError.get("path");
                if (targetPaths != null && path instanceof List<?> segments && segments.size() >= 2
                        && "_entities".equals(segments.get(0)) && segments.get(1) instanceof Number number) {
                    List<?> rest = segments.subList(2, segments.size());
                    for (int i = 0; i < targetPaths.size(); i++) {
                        if (targetRepresentation[i] == number.intValue()) {
                            List<Object> clientPath = new ArrayList<>(targetPaths.get(i));
                            clientPath.addAll(rest);
                            errors.add(error(fetch, subgraphError, clientPath, exposeErrorDetails, requestId));
                        }
                    }
                } else {
                    errors.add(error(fetch, subgraphError, targetPaths == null && path instanceof List<?> ? path : null,
                            exposeErrorDetails, requestId));
                }
            }
        }

        /** Found again on errors only: the objects stay where they were, merges add fields to them but do not move them. */
        private List<List<Object>> pathsOf(FetchNode fetch, List<Map<String, Object>> targets) {
            Map<Map<String, Object>, List<Object>> paths = new IdentityHashMap<>();
            for (List<PathSegment> mergeAt : fetch.mergeAt()) {
                JsonTree.objectsAt(data, mergeAt, paths::putIfAbsent);
            }
            List<List<Object>> targetPaths = new ArrayList<>(targets.size());
            for (Map<String, Object> target : targets) {
                targetPaths.add(paths.getOrDefault(target, List.of()));
            }
            return targetPaths;
        }

        /**
         * A subgraph's error as the client sees it. Unless details are exposed, only errors the subgraph meant for
         * clients (those with an {@code extensions.code}) keep their message, and of their extensions only the code:
         * others (stack traces, exception classes) stay in the log.
         */
        private static Map<String, Object> error(FetchNode fetch, Map<?, ?> subgraphError, Object path,
                                                 boolean exposeDetails, String requestId) {
            Object code = subgraphError.get("extensions") instanceof Map<?, ?> extensions ? extensions.get("code") : null;
            boolean masked = !exposeDetails && code == null;
            if (masked) {
                LOG.log(System.Logger.Level.WARNING, "Request " + requestId + ": subgraph " + fetch.subgraphName()
                        + " returned an error without a code: " + subgraphError);
            }
            ErrorEntry error = ErrorEntry.message(masked ? "Subgraph \"" + fetch.subgraphName() + "\" returned an error"
                    : String.valueOf(subgraphError.get("message")));
            if (path instanceof List<?> segments) {
                List<Object> clientPath = new ArrayList<>(segments.size());
                for (Object segment : segments) {
                    clientPath.add(ResponseKeys.clientSegment(segment));
                }
                error.path(clientPath);
            }
            if (exposeDetails && subgraphError.get("extensions") instanceof Map<?, ?> subgraphExtensions) {
                error.extensions(subgraphExtensions);
            } else {
                error.code(code != null ? String.valueOf(code) : "SUBGRAPH_ERROR");
            }
            return error.extensionIfAbsent("serviceName", fetch.subgraphName())
                    .extension("requestId", masked ? requestId : null).build();
        }

        /**
         * A fetch that got no answer: for a root fetch an error on each root field it was to fetch (they are null
         * now), for an entity fetch one error for all the objects it was to complete.
         */
        synchronized void addFailure(FetchNode fetch, Throwable failure) {
            SubgraphFailure subgraphFailure = failure instanceof SubgraphFailure known ? known : null;
            String code = subgraphFailure != null && subgraphFailure.code() != null
                    ? subgraphFailure.code() : "SUBGRAPH_REQUEST_FAILED";
            Throwable detail = subgraphFailure != null ? subgraphFailure.getCause() : failure;
            String message = "Request to subgraph \"" + fetch.subgraphName() + "\" failed"
                    + (subgraphFailure != null ? ": " + subgraphFailure.getMessage() : "");
            if (detail != null) {
                LOG.log(System.Logger.Level.WARNING, "Request " + requestId + ": " + message, detail);
                if (exposeErrorDetails) {
                    message += " (" + detail + ")";
                }
            }
            if (fetch.rootFieldKeys().isEmpty()) {
                errors.add(failureError(fetch, message, code, null));
            }
            for (String key : fetch.rootFieldKeys()) {
                errors.add(failureError(fetch, message, code, List.of(key)));
            }
        }

        private Map<String, Object> failureError(FetchNode fetch, String message, String code, List<Object> path) {
            return ErrorEntry.message(message).path(path).code(code).extension("serviceName", fetch.subgraphName())
                    .extension("requestId", requestId).build();
        }
    }
}
