package org.plenum.subgraph.protection;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The limits on a graphql-java engine: each refuses its attack, and stops the work. */
class RequestLimitsInstrumentationTest {

    private static final String SDL = """
            type Query { item: Item, _entities(representations: [String!]!): [Item] }
            type Item { id: ID, child: Item, children(n: Int): [Item!]! }
            """;

    private final AtomicInteger itemsFetched = new AtomicInteger();
    private final AtomicInteger entitiesFetched = new AtomicInteger();
    private Duration childDelay = Duration.ZERO;

    @Test
    void ordinaryQueriesPass() {
        ExecutionResult result = execute(limits(Duration.ofSeconds(5)),
                "{ item { id child { id children(n: 3) { id } } } a: item { id } }");
        assertEquals(List.of(), result.getErrors());
        assertEquals(5, ((List<?>) child(child(result, "item"), "child").get("children")).size() + 2);
    }

    @Test
    void aliasesOfANestedFieldWithOtherArgumentsAreRefusedBeforeAnythingRuns() {
        ExecutionResult result = execute(limits(Duration.ofSeconds(5)),
                "{ item { one: children(n: 1) { id } two: children(n: 2) { id } } }");
        assertRefused(result, "ALIASES_WITH_OTHER_ARGUMENTS", "'one' and 'two' ask for children");
        assertEquals(0, itemsFetched.get());
        ExecutionResult same = execute(limits(Duration.ofSeconds(5)),
                "{ item { one: children(n: 2) { id } two: children(n: 2) { child { id } } } }");
        assertEquals(List.of(), same.getErrors());
    }

    @Test
    void tooDeepIsRefusedBeforeAnythingRuns() {
        ExecutionResult result = execute(limits(Duration.ofSeconds(5)),
                "{ item { child { child { child { child { child { id } } } } } } }");
        assertRefused(result, "QUERY_TOO_DEEP", "is 7 fields deep; at most 6");
        assertEquals(0, itemsFetched.get());
    }

    @Test
    void tooManyFieldsAreRefusedBeforeAnythingRuns() {
        String fields = IntStream.range(0, 30).mapToObj(i -> "id").collect(Collectors.joining(" "));
        ExecutionResult result = execute(limits(Duration.ofSeconds(5)),
                "{ item { " + fields + " child { " + fields + " } } } ");
        assertRefused(result, "QUERY_TOO_COMPLEX", "at most 50 are allowed");
        assertEquals(0, itemsFetched.get());
    }

    @Test
    void aDocumentOverSeveralLimitsIsRefusedForTheFirstInTheirOrder() {
        String fields = IntStream.range(0, 60).mapToObj(i -> "a" + i + ": id").collect(Collectors.joining(" "));
        ExecutionResult result = execute(limits(Duration.ofSeconds(5)),
                "{ item { child { child { child { child { child { " + fields + " } } } } } } }");
        assertRefused(result, "QUERY_TOO_DEEP", "is 7 fields deep");
        ExecutionResult shallower = execute(limits(Duration.ofSeconds(5)), "{ item { " + fields + " } }");
        assertRefused(shallower, "QUERY_TOO_COMPLEX", "at most 50 are allowed");
        assertEquals(0, itemsFetched.get());
    }

    @Test
    void tooManyAliasesAreRefusedBeforeAnythingRuns() {
        ExecutionResult result = execute(limits(Duration.ofSeconds(5)),
                "{ a: item { id } b: item { id } c: item { id } d: item { id } }");
        assertRefused(result, "TOO_MANY_ALIASES", "has 4 aliased fields; at most 3");
        assertEquals(0, itemsFetched.get());
    }

    @Test
    void tooManyRepresentationsAreRefusedBeforeTheResolverRuns() {
        List<String> representations = Collections.nCopies(11, "x");
        ExecutionResult result = execute(limits(Duration.ofSeconds(5)),
                ExecutionInput.newExecutionInput("query($r: [String!]!) { _entities(representations: $r) { id } }")
                        .variables(Map.of("r", representations)).build());
        assertRefused(result, "TOO_MANY_ENTITIES", "with 11 representations; at most 10");
        assertEquals(0, entitiesFetched.get());
        assertEquals(List.of(), execute(limits(Duration.ofSeconds(5)),
                ExecutionInput.newExecutionInput("query($r: [String!]!) { _entities(representations: $r) { id } }")
                        .variables(Map.of("r", representations.subList(0, 10))).build()).getErrors());
    }

    @Test
    void fanOutThroughDataStopsAtTheResolvedFieldBudget() {
        // 1 + 20 + 400 + 8000 items: a small document, a large result
        ExecutionResult result = execute(limits(Duration.ofSeconds(5)),
                "{ item { children(n: 20) { children(n: 20) { children(n: 20) { id } } } } }");
        assertRefused(result, "RESULT_TOO_LARGE", "more than 1000 field values");
        assertTrue(itemsFetched.get() <= 1000, "fetched " + itemsFetched.get());
    }

    @Test
    void aRequestPastItsDeadlineStopsFetching() {
        childDelay = Duration.ofMillis(40);
        ExecutionResult result = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> execute(limits(Duration.ofMillis(100)),
                "{ item { child { child { child { child { id } } } } } }"));
        assertRefused(result, "TIMEOUT", "longer than 100 ms");
        // each level takes 40 ms: the deadline passes on the third or fourth, the fifth never runs
        assertTrue(itemsFetched.get() < 5, "fetched " + itemsFetched.get());
    }

    private static RequestLimits limits(Duration timeout) {
        return new RequestLimits(6, 50, 3, 10, 1000, timeout);
    }

    private ExecutionResult execute(RequestLimits limits, String query) {
        return execute(limits, ExecutionInput.newExecutionInput(query).build());
    }

    private ExecutionResult execute(RequestLimits limits, ExecutionInput input) {
        DataFetcher<Object> item = environment -> {
            itemsFetched.incrementAndGet();
            Thread.sleep(childDelay.toMillis());
            return Map.of("id", "1");
        };
        DataFetcher<Object> children = environment -> {
            itemsFetched.incrementAndGet();
            return Collections.nCopies(environment.<Integer> getArgument("n"), Map.of("id", "1"));
        };
        DataFetcher<Object> entities = environment -> {
            entitiesFetched.incrementAndGet();
            return environment.<List<?>> getArgument("representations").stream().map(r -> Map.of("id", r)).toList();
        };
        RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring()
                .type("Query", type -> type.dataFetcher("item", item).dataFetcher("_entities", entities))
                .type("Item", type -> type.dataFetcher("child", item).dataFetcher("children", children))
                .build();
        GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(SDL), wiring);
        return GraphQL.newGraphQL(schema).instrumentation(new RequestLimitsInstrumentation(limits, null))
                .build().execute(input);
    }

    /** Refused before it ran or stopped while it ran: no data, the reason as the only error. */
    private static void assertRefused(ExecutionResult result, String code, String messagePart) {
        assertNull(result.getData(), "no data when refused");
        assertEquals(1, result.getErrors().size(), result.getErrors().toString());
        GraphQLError error = result.getErrors().get(0);
        assertEquals(code, error.getExtensions().get("code"));
        assertTrue(error.getMessage().contains(messagePart), error.getMessage());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> child(Object parent, String field) {
        Object value = parent instanceof ExecutionResult result ? result.<Map<String, Object>> getData().get(field)
                : ((Map<String, Object>) parent).get(field);
        return (Map<String, Object>) value;
    }
}
