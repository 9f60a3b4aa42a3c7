package org.plenum.gateway.engine;

import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.Test;
import org.plenum.gateway.engine.subgraph.SubgraphClient;
import org.plenum.gateway.engine.subgraph.SubgraphFailure;

import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What bounds the work of one request: document limits checked before validation, time budgets, error hygiene. */
class EdgeLimitsTest {

    private static final Duration FAST = Duration.ofSeconds(5);
    private static final Map<String, Object> CHAIR = Map.of("__typename", "Product", "id", "1", "sku", "s1", "name", "Chair");

    private final FakeSubgraphClient client = new FakeSubgraphClient()
            .with("catalog", new FakeSubgraph(Fixtures.subgraphSdl("keys", "catalog"), Map.of(),
                    Map.of("topProducts", List.of(CHAIR)), Map.of("Query.product", env -> CHAIR)));

    /** 25 fragments each spreading the next twice: 2^25 fields once expanded, from about a kilobyte. */
    static String fragmentBomb(int levels) {
        StringBuilder document = new StringBuilder("{ product(id: \"1\") { ...F0 } }");
        for (int i = 0; i < levels; i++) {
            document.append(" fragment F").append(i).append(" on Product { ...F").append(i + 1).append(" ...F").append(i + 1).append(" }");
        }
        return document.append(" fragment F").append(levels).append(" on Product { name }").toString();
    }

    @Test
    void anExponentialFragmentExpansionIsRefusedInLinearTimeBeforeValidation() {
        Gateway gateway = Fixtures.gateway("keys", client);

        GatewayResponse response = assertTimeoutPreemptively(FAST, () -> Fixtures.run(gateway, fragmentBomb(24)));

        assertTrue(response.requestError());
        assertEquals("MAX_FIELDS_EXCEEDED", SchemaFeaturesTest.code(response));
        assertTrue(client.requests().isEmpty());
    }

    @Test
    void fragmentsWithinTheFieldLimitRun() {
        Gateway gateway = Fixtures.gateway("keys", client);

        GatewayResponse response = Fixtures.run(gateway, fragmentBomb(5)); // 32 fields, all "name"

        assertEquals(Map.of("data", Map.of("product", Map.of("name", "Chair"))), response.body());
    }

    @Test
    void theTokenLimitStopsTheParser() {
        Gateway gateway = Gateway.create(Fixtures.supergraph("keys"), client, GatewayOptions.builder().maxTokens(50).build());

        GatewayResponse response = Fixtures.run(gateway, "{ product(id: \"1\") { " + "name ".repeat(60) + "} }");

        assertEquals("MAX_TOKENS_EXCEEDED", SchemaFeaturesTest.code(response));
    }

    @Test
    void aDocumentThatCannotBePreparedInTimeIsRefusedAndTheRefusalRemembered() {
        AtomicInteger submitted = new AtomicInteger();
        Gateway gateway = Gateway.create(Fixtures.supergraph("keys"), client, GatewayOptions.builder()
                .preparationTimeout(Duration.ofMillis(200))
                .preparationExecutor(command -> submitted.incrementAndGet()) // never runs: preparation never ends
                .build());

        GatewayResponse first = assertTimeoutPreemptively(FAST, () -> Fixtures.run(gateway, "{ topProducts { name } }"));
        GatewayResponse again = assertTimeoutPreemptively(FAST, () -> Fixtures.run(gateway, "{ topProducts { name } }"));

        assertEquals("DOCUMENT_TOO_COMPLEX", SchemaFeaturesTest.code(first));
        assertEquals("DOCUMENT_TOO_COMPLEX", SchemaFeaturesTest.code(again));
        assertEquals(1, submitted.get());
    }

    @Test
    void aFullPreparationQueueMakesTheGatewayBusy() {
        Gateway gateway = Gateway.create(Fixtures.supergraph("keys"), client, GatewayOptions.builder()
                .preparationExecutor(command -> {
                    throw new RejectedExecutionException("full");
                })
                .build());

        assertThrows(GatewayBusyException.class, () -> Fixtures.run(gateway, "{ topProducts { name } }"));
    }

    @Test
    void theRequestDeadlineStopsTheRequestAndCancelsItsFetches() {
        AtomicBoolean cancelled = new AtomicBoolean();
        Gateway gateway = Gateway.create(Fixtures.supergraph("keys"),
                request -> Uni.createFrom().emitter(never -> never.onTermination(() -> cancelled.set(true))),
                GatewayOptions.builder().requestTimeout(Duration.ofMillis(300)).build());

        GatewayResponse response = assertTimeoutPreemptively(FAST, () -> Fixtures.run(gateway, "{ topProducts { name } }"));

        assertEquals("REQUEST_TIMEOUT", SchemaFeaturesTest.code(response));
        assertTrue(cancelled.get());
    }

    @Test
    void transportFailuresReachClientsWithoutTheirDetailsButWithTheRequestId() {
        SubgraphClient refusing = request -> Uni.createFrom().failure(new SubgraphFailure(request.subgraph(),
                "SUBGRAPH_UNAVAILABLE", "Subgraph 'catalog' is unavailable",
                new ConnectException("Connection refused: localhost/127.0.0.1:8081")));

        Map<String, Object> masked = firstError(Gateway.create(Fixtures.supergraph("keys"), refusing, GatewayOptions.defaults()));
        Map<String, Object> exposed = firstError(Gateway.create(Fixtures.supergraph("keys"), refusing,
                GatewayOptions.builder().exposeSubgraphErrorDetails(true).build()));

        assertEquals("Request to subgraph \"catalog\" failed: Subgraph 'catalog' is unavailable", masked.get("message"));
        assertEquals(Map.of("code", "SUBGRAPH_UNAVAILABLE", "serviceName", "catalog", "requestId", "r-1"), masked.get("extensions"));
        assertTrue(exposed.get("message").toString().contains("127.0.0.1:8081"));
    }

    @Test
    void subgraphErrorsWithoutACodeAreMaskedAndThoseWithOneKeepTheirMessage() {
        SubgraphClient erring = request -> Uni.createFrom().item(Map.of("data", Map.of("topProducts", List.of()), "errors", List.of(
                Map.of("message", "java.lang.NullPointerException at org.acme.Db.query(Db.java:12)",
                        "extensions", Map.of("exception", Map.of("stacktrace", List.of("at org.acme.Db")))),
                Map.of("message", "Title must not be empty", "extensions", Map.of("code", "BAD_USER_INPUT", "classification", "x")))));

        GatewayResponse response = Fixtures.run(Gateway.create(Fixtures.supergraph("keys"), erring, GatewayOptions.defaults()),
                "{ topProducts { name } }");

        List<Map<String, Object>> errors = ErrorsTest.errors(response);
        assertEquals("Subgraph \"catalog\" returned an error", errors.get(0).get("message"));
        assertFalse(errors.get(0).toString().contains("stacktrace"));
        assertEquals("Title must not be empty", errors.get(1).get("message"));
        assertEquals(Map.of("code", "BAD_USER_INPUT", "serviceName", "catalog"), errors.get(1).get("extensions"));
    }

    @Test
    void clientInputEchoedInErrorsIsCutAndEscaped() {
        Gateway gateway = Fixtures.gateway("keys", client);
        String name = "Forged\nERROR something bad" + "x".repeat(500_000);

        GatewayResponse response = gateway.execute(new GatewayRequest("query A { topProducts { name } }", name, Map.of(), Map.of()))
                .await().atMost(FAST);

        String message = (String) ErrorsTest.errors(response).get(0).get("message");
        assertTrue(message.length() < 200, message);
        assertFalse(message.contains("\n"));
        assertTrue(message.contains("Forged\\u000aERROR"));
    }

    @Test
    void aRefusedIntrospectionFieldComesWithAnError() {
        GatewayResponse response = Fixtures.run(Fixtures.gateway("keys", client),
                "{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }");

        assertEquals("INTROSPECTION_REFUSED", SchemaFeaturesTest.code(response));
        assertTrue(ErrorsTest.errors(response).get(0).get("message").toString().contains("introspection"));
    }

    private static Map<String, Object> firstError(Gateway gateway) {
        GatewayResponse response = gateway.execute(new GatewayRequest("{ topProducts { name } }", null, Map.of(), Map.of(),
                null, "r-1")).await().atMost(FAST);
        return ErrorsTest.errors(response).get(0);
    }
}
