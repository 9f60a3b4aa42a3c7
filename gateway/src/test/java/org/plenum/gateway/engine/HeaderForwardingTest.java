package org.plenum.gateway.engine;

import org.junit.jupiter.api.Test;
import org.plenum.gateway.engine.subgraph.SubgraphRequest;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Headers reach subgraphs. The plans themselves are checked whole by {@code plan.GoldenPlanTest}. */
class HeaderForwardingTest {

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
}
