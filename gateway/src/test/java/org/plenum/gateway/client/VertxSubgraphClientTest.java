package org.plenum.gateway.client;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.plenum.gateway.engine.json.JsonObject;
import org.plenum.gateway.engine.subgraph.SubgraphFailure;
import org.plenum.gateway.engine.subgraph.SubgraphRequest;
import org.plenum.gateway.shell.LibrarySubgraphsResource;
import org.plenum.gateway.shell.ShellTestProfile;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Vert.x subgraph client against real local HTTP servers. */
@QuarkusTest
@TestProfile(ShellTestProfile.class)
class VertxSubgraphClientTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String TRACE_1 = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    private static final String TRACE_2 = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

    @ConfigProperty(name = LibrarySubgraphsResource.SERVER_URL)
    String server;

    private final VertxSubgraphClient client;

    VertxSubgraphClientTest(VertxSubgraphClient client) {
        this.client = client;
    }

    @Test
    void returnsTheSubgraphsParsedResponse() {
        Map<String, Object> response = execute("catalog", server + "/catalog",
                "query Titles { books { title } }", Map.of());

        assertEquals(Map.of("books", List.of(Map.of("title", "The Quiet Harbour"), Map.of("title", "Glass Orchards"))),
                response.get("data"));
    }

    @Test
    void sendsTheGivenHeaders() {
        Map<String, Object> response = execute("catalog", server + "/catalog",
                "{ requestHeader(name: \"authorization\") }", Map.of("authorization", "Bearer reader-1"));

        assertEquals(Map.of("requestHeader", "Bearer reader-1"), response.get("data"));
    }

    @Test
    void usesTheConfiguredUrlOverride() {
        Map<String, Object> response = execute("CATALOG", "http://catalog.invalid/graphql",
                "{ book(isbn: \"978-0-00-000002-2\") { title } }", Map.of());

        assertEquals(Map.of("book", Map.of("title", "Glass Orchards")), response.get("data"));
    }

    @Test
    void slowSubgraphFailsWithTimeoutAfterItsOwnTimeout() {
        SubgraphFailure failure = failure("stock", server + "/stock",
                "{ _entities(representations: [{__typename: \"Book\", isbn: \"978-0-00-000001-1\"}]) { ... on Book { copiesInStock } } }");

        assertEquals("SUBGRAPH_TIMEOUT", failure.code());
        assertEquals("stock", failure.subgraph());
        given().get("/q/metrics").then()
                .body(containsString("plenum_gateway_subgraph_timeouts_total{subgraph=\"stock\"}"))
                .body(containsString("plenum_gateway_subgraph_fetch_seconds_count{outcome=\"subgraph_timeout\",subgraph=\"stock\"}"));
    }

    @Test
    void unreachableSubgraphIsUnavailable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        SubgraphFailure failure = failure("gone", "http://127.0.0.1:" + closedPort + "/graphql", "{ a }");

        assertEquals("SUBGRAPH_UNAVAILABLE", failure.code());
    }

    @Test
    void aProxyErrorWithoutGraphQLBodyMeansUnavailable() {
        SubgraphFailure failure = failure("broken", server + "/broken/html-502", "{ a }");

        assertEquals("SUBGRAPH_UNAVAILABLE", failure.code());
        assertEquals("Subgraph 'broken' is unavailable (HTTP 502)", failure.getMessage());
    }

    @Test
    void successWithoutGraphQLBodyIsABadResponse() {
        SubgraphFailure failure = failure("broken", server + "/broken/not-json", "{ a }");

        assertEquals("SUBGRAPH_BAD_RESPONSE", failure.code());
        // what came instead goes to the log with the failure (clients see only the message)
        assertEquals("Content-Type text/plain, 5 bytes, starting hello", failure.getCause().getMessage());
    }

    @Test
    void graphQLErrorsSentWithAnErrorStatusAreStillAResponse() {
        Map<String, Object> response = execute("broken", server + "/broken/graphql-500", "{ a }", Map.of());

        assertEquals(List.of(Map.of("message", "database down")), response.get("errors"));
    }

    @Test
    void identicalQueriesInFlightTogetherReachTheSubgraphOnce() {
        // stock answers entity fetches after 3 s, so these overlap; the name has the default 10 s timeout
        String entities = "{ _entities(representations: [{__typename: \"Book\", isbn: \"978-0-00-000001-1\"}]) "
                + "{ ... on Book { copiesInStock } } }";
        int before = served("stock");

        List<Uni<Map<String, Object>>> fetches = List.of(
                fetch(entities, Map.of("authorization", "Bearer a", "traceparent", TRACE_1), false),
                fetch(entities, Map.of("authorization", "Bearer a", "traceparent", TRACE_2), false),
                fetch(entities, Map.of("authorization", "Bearer a"), false),
                fetch(entities, Map.of("authorization", "Bearer b"), false),
                fetch(entities, Map.of("authorization", "Bearer a"), true));
        List<?> responses = Uni.join().all(fetches).andFailFast().await().atMost(WAIT);

        Map<String, Object> expected = Map.of("_entities", List.of(Map.of("copiesInStock", 4)));
        responses.forEach(response -> assertEquals(expected, ((Map<?, ?>) response).get("data")));
        // the three with the same authorization share one request; another caller and the "mutation" get their own
        assertEquals(3, served("stock") - before);
    }

    @Test
    void fetchesWithEqualVariablesShareOneRequestWhateverTheirKeyOrder() {
        String entities = "query($representations: [_Any!]!) { _entities(representations: $representations) "
                + "{ ... on Book { copiesInStock } } }";
        JsonObject quietHarbour = new JsonObject();
        quietHarbour.put("__typename", "Book");
        quietHarbour.put("isbn", "978-0-00-000001-1");
        Map<String, Object> sameInOtherOrder = new LinkedHashMap<>();
        sameInOtherOrder.put("isbn", "978-0-00-000001-1");
        sameInOtherOrder.put("__typename", "Book");
        JsonObject glassOrchards = new JsonObject();
        glassOrchards.put("__typename", "Book");
        glassOrchards.put("isbn", "978-0-00-000002-2");
        int before = served("stock");

        List<Uni<Map<String, Object>>> fetches = List.of(
                fetch(entities, Map.of("representations", List.of(quietHarbour))),
                fetch(entities, Map.of("representations", List.of(sameInOtherOrder))),
                fetch(entities, Map.of("representations", List.of(glassOrchards))));
        List<?> responses = Uni.join().all(fetches).andFailFast().await().atMost(WAIT);

        List<Object> stock = responses.stream().<Object>map(response -> ((Map<?, ?>) response).get("data")).toList();
        assertEquals(List.of(Map.of("_entities", List.of(Map.of("copiesInStock", 4))),
                Map.of("_entities", List.of(Map.of("copiesInStock", 4))),
                Map.of("_entities", List.of(Map.of("copiesInStock", 0)))), stock);
        // the first two ask for the same: one request; the other book is another question
        assertEquals(2, served("stock") - before);
    }

    @Test
    void fetchesAskedForOutsideVertxGetTheirWholeResponse() throws Exception {
        // e.g. the first request of a new document goes on from the preparation thread: a response that arrived and
        // ended before that thread had set its body handler was lost ("Response already ended": unavailable). It
        // takes a slow thread (it happened at benchmark starts); many fetches catch a change that makes it common
        ExecutorService outside = Executors.newFixedThreadPool(4);
        try {
            List<Future<Map<String, Object>>> fetches = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                fetches.add(outside.submit(() -> execute("catalog", server + "/catalog", "{ books { title } }", Map.of())));
            }
            for (Future<Map<String, Object>> fetch : fetches) {
                assertEquals(2, ((List<?>) ((Map<?, ?>) fetch.get().get("data")).get("books")).size());
            }
        } finally {
            outside.shutdownNow();
        }
    }

    @Test
    void sequentialFetchesKeepTheirConnectionAlive() {
        int before = count("/connections/reviews");
        for (int i = 0; i < 20; i++) {
            execute("reviews", server + "/reviews", "{ _service { sdl } }", Map.of());
        }
        // one pooled connection serves them all; more than one or two means each answer closed its connection
        int opened = count("/connections/reviews") - before;
        assertTrue(opened <= 2, opened + " connections for 20 sequential fetches");
    }

    @Test
    void aCancelledFetchResetsItsRequestSoTheSubgraphCanStop() throws InterruptedException {
        int servedBefore = served("slow");
        int abandonedBefore = count("/abandoned");
        // shared by de-duplication and still cancelled: its only taker left
        Cancellable fetch = client.execute(new SubgraphRequest("slow", server + "/slow", "{ books { title } }", null,
                Map.of(), Map.of(), false)).subscribe().with(item -> { }, failure -> { });
        waitUntil(() -> served("slow") > servedBefore);

        fetch.cancel();

        // /slow answers after 3 s and finds the gateway's request closed then, long before its 10 s timeout
        waitUntil(() -> count("/abandoned") > abandonedBefore);
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "not within " + WAIT);
            Thread.sleep(50);
        }
    }

    private int count(String path) {
        return Integer.parseInt(given().baseUri(server).get(path).asString());
    }

    private Uni<Map<String, Object>> fetch(String query, Map<String, String> headers, boolean mutation) {
        return client.execute(new SubgraphRequest("stock-unhurried", server + "/stock", query, null, Map.of(), headers,
                mutation));
    }

    private Uni<Map<String, Object>> fetch(String query, Map<String, Object> variables) {
        return client.execute(new SubgraphRequest("stock-unhurried", server + "/stock", query, null, variables, Map.of(),
                false));
    }

    private int served(String subgraph) {
        return count("/served/" + subgraph);
    }

    private Map<String, Object> execute(String subgraph, String url, String query, Map<String, String> headers) {
        return client.execute(new SubgraphRequest(subgraph, url, query, null, Map.of(), headers, false)).await().atMost(WAIT);
    }

    private SubgraphFailure failure(String subgraph, String url, String query) {
        return assertThrows(SubgraphFailure.class, () -> execute(subgraph, url, query, Map.of()));
    }
}
