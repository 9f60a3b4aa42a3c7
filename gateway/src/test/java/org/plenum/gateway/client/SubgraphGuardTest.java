package org.plenum.gateway.client;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.plenum.gateway.engine.subgraph.SubgraphFailure;
import org.plenum.gateway.engine.subgraph.SubgraphRequest;
import org.plenum.gateway.shell.LibrarySubgraphsResource;

import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Retries and circuit breaking of subgraph fetches, against real local HTTP servers that fail on purpose. */
@QuarkusTest
@TestProfile(ResilienceTestProfile.class)
class SubgraphGuardTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String QUERY = "{ books { title } }";

    @ConfigProperty(name = LibrarySubgraphsResource.SERVER_URL)
    String server;

    private final VertxSubgraphClient client;
    private final MeterRegistry registry;

    SubgraphGuardTest(VertxSubgraphClient client, MeterRegistry registry) {
        this.client = client;
        this.registry = registry;
    }

    @Test
    void queriesGetThroughASubgraphThatIsSometimesUnavailable() {
        int before = served("flaky");
        // every fourth request to /flaky is a bare 503, the first one included
        for (int i = 0; i < 6; i++) {
            Map<String, Object> answer = fetch("flaky", "/flaky", false);
            assertTrue(answer.containsKey("data"), answer.toString());
        }
        assertEquals(8, served("flaky") - before, "6 answers and 2 retries");
        assertEquals(2.0, registry.get("plenum.gateway.subgraph.retries").tag("subgraph", "flaky").counter().count());
    }

    @Test
    void mutationsAreNeverRetriedQueriesAreUpToTheirLimit() {
        int before = served("down");
        SubgraphFailure mutation = assertThrows(SubgraphFailure.class, () -> fetch("down-mutation", "/down", true));
        assertEquals("SUBGRAPH_UNAVAILABLE", mutation.code());
        assertEquals("Subgraph 'down-mutation' is unavailable (HTTP 503)", mutation.getMessage());
        assertEquals(1, served("down") - before);

        assertThrows(SubgraphFailure.class, () -> fetch("down-query", "/down", false));
        assertEquals(1 + 3, served("down") - before, "the query and its 2 retries");
    }

    @Test
    void aSubgraphThatKeepsFailingIsRestedThenProbed() throws InterruptedException {
        SubgraphFailure failure = null;
        for (int i = 0; i < 5 && (failure == null || !failure.getMessage().contains("not called")); i++) {
            failure = assertThrows(SubgraphFailure.class, () -> fetch("down-breaker", "/down", true));
        }
        assertEquals("Subgraph 'down-breaker' is unavailable: it failed repeatedly and is not called for a moment",
                failure.getMessage());
        assertEquals("SUBGRAPH_UNAVAILABLE", failure.code());

        int resting = served("down");
        assertThrows(SubgraphFailure.class, () -> fetch("down-breaker", "/down", false));
        assertEquals(resting, served("down"), "an open breaker calls nothing, and nothing is retried");

        Thread.sleep(8200); // the breaker's delay
        assertThrows(SubgraphFailure.class, () -> fetch("down-breaker", "/down", true));
        assertEquals(resting + 1, served("down"), "one probe once the delay passed");
    }

    private Map<String, Object> fetch(String subgraph, String path, boolean mutation) {
        return client.execute(new SubgraphRequest(subgraph, server + path, QUERY, null, Map.of(), Map.of(), mutation))
                .await().atMost(WAIT);
    }

    private int served(String subgraph) {
        return Integer.parseInt(given().baseUri(server).get("/served/" + subgraph).asString());
    }
}
