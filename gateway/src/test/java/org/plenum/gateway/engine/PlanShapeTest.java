package org.plenum.gateway.engine;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The plan's structure: parallel root fetches for queries, strict order for mutations; headers reach subgraphs. */
class PlanShapeTest {

    @Test
    void groupsRootFieldsOfOneSubgraphIntoOneFetch() {
        Gateway gateway = Fixtures.gateway("abstract", new FakeSubgraphClient());

        String plan = gateway.explain("{ media { id } reviews: search(text: \"x\") { ... on Book { title } } }", null);

        assertTrue(plan.startsWith("QueryPlan {\n  Sequence {\n    Fetch(service: \"search\")"), plan);
        assertEquals(1, plan.split("Fetch\\(service: \"search\"\\)").length - 1, plan);
        assertTrue(plan.contains("Flatten(path: \"reviews.@.... on Book\")"), plan);
    }

    @Test
    void runsRootFetchesOfDifferentSubgraphsSideBySide() {
        Gateway gateway = Fixtures.gateway("interface-object", new FakeSubgraphClient());

        String plan = gateway.explain("{ accounts { id } premiumAccounts { id } }", null);

        assertTrue(plan.startsWith("QueryPlan {\n  Parallel {\n    Fetch(service: \"accounts\")"), plan);
        assertTrue(plan.contains("Fetch(service: \"plans\")"), plan);
    }

    @Test
    void ordersMutationStepsAndTheirEntityFetches() {
        Gateway gateway = Fixtures.gateway("mutations", new FakeSubgraphClient());

        String plan = gateway.explain("mutation { deposit(amount: 1) { loggedAt } log(message: \"m\") }", null);

        int deposit = plan.indexOf("mutation { deposit");
        int entities = plan.indexOf("Flatten(path: \"deposit\")");
        int log = plan.indexOf("mutation { log");
        assertTrue(plan.startsWith("QueryPlan {\n  Sequence {"), plan);
        assertTrue(deposit > 0 && deposit < entities && entities < log, plan);
    }

    @Test
    void forwardsTheRequestsHeadersToEverySubgraphFetch() {
        FakeSubgraphClient client = new FakeSubgraphClient()
                .with("ledger", new FakeSubgraph(Fixtures.subgraphSdl("mutations", "ledger"), Map.of(), Map.of("balance", 3), Map.of()));
        Gateway gateway = Fixtures.gateway("mutations", client);

        GatewayResponse response = gateway.execute(new GatewayRequest("{ balance }", null, null,
                Map.of("Authorization", "Bearer t"))).await().atMost(Duration.ofSeconds(5));

        assertEquals(Map.of("data", Map.of("balance", 3)), response.body());
        assertEquals(List.of(Map.of("Authorization", "Bearer t")),
                client.requests().stream().map(SubgraphRequest::headers).toList());
    }

    @Test
    void asksForInterfaceFieldsOnceWhenEveryImplementationHasThemInTheSubgraph() {
        Gateway gateway = Fixtures.gateway("abstract", new FakeSubgraphClient());

        assertTrue(gateway.explain("{ media { id } }", null).contains("query { media { __typename id } }"));
        assertTrue(gateway.explain("{ media { id title } }", null).contains("... on Book { id __typename }"));
    }
}
