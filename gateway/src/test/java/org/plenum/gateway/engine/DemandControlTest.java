package org.plenum.gateway.engine;

import org.junit.jupiter.api.Test;
import org.plenum.gateway.engine.cost.DemandControlOptions;
import org.plenum.gateway.engine.cost.DemandControlOptions.Mode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Demand control in the engine: refusal before any subgraph call, measure mode, actual cost of the response. */
class DemandControlTest {

    /** 10 (default list size) x (Product 1 + 4 reviews x Review 3) = 130 */
    private static final String UNSIZED_REVIEWS = "{ unsized { id reviews { stars } } }";

    private static Map<String, Object> product(String id, int reviews) {
        return Map.of("__typename", "Product", "id", id,
                "reviews", Collections.nCopies(reviews, Map.of("stars", 5)));
    }

    private final FakeSubgraphClient client = new FakeSubgraphClient()
            .with("shop", new FakeSubgraph(Fixtures.subgraphSdl("demand-control", "shop"), Map.of(),
                    Map.of("unsized", List.of(product("1", 3), product("2", 0))), Map.of()))
            .with("stock", new FakeSubgraph(Fixtures.subgraphSdl("demand-control", "stock"), Map.of(), Map.of(), Map.of()));

    private Gateway gateway(Mode mode, long maxCost) {
        return Gateway.create(Fixtures.supergraph("demand-control"), client, GatewayOptions.defaults(),
                new DemandControlOptions(mode, maxCost, 10));
    }

    @Test
    void anOperationAboveTheMaximumIsRefusedBeforeAnySubgraphCall() {
        GatewayResponse response = Fixtures.run(gateway(Mode.ENFORCE, 100), UNSIZED_REVIEWS);

        assertTrue(response.requestError());
        assertEquals("COST_ESTIMATED_TOO_EXPENSIVE", SchemaFeaturesTest.code(response));
        String message = (String) ErrorsTest.errors(response).get(0).get("message");
        assertTrue(message.contains("130") && message.contains("100"), message);
        assertEquals(130, response.cost().estimated());
        assertNull(response.cost().actual());
        assertTrue(client.requests().isEmpty());
    }

    @Test
    void anOperationWithinTheMaximumRunsAndItsActualCostCountsWhatCameBack() {
        GatewayResponse response = Fixtures.run(gateway(Mode.ENFORCE, 130), UNSIZED_REVIEWS);

        assertFalse(response.requestError());
        assertNull(response.body().get("errors"));
        assertEquals(130, response.cost().estimated());
        // 2 products x 1 + 3 reviews x 3
        assertEquals(11, response.cost().actual());
        assertEquals(Map.of("estimated", 130L, "actual", 11L, "max", 130L), response.cost().toExtension());
    }

    @Test
    void everyResponseOfAnOperationIsMeasuredForWhatItHolds() {
        List<Object> products = new ArrayList<>(List.of(product("1", 3), product("2", 0)));
        FakeSubgraphClient changing = new FakeSubgraphClient()
                .with("shop", new FakeSubgraph(Fixtures.subgraphSdl("demand-control", "shop"), Map.of(),
                        Map.of("unsized", products), Map.of()))
                .with("stock", new FakeSubgraph(Fixtures.subgraphSdl("demand-control", "stock"), Map.of(), Map.of(), Map.of()));
        Gateway gateway = Gateway.create(Fixtures.supergraph("demand-control"), changing, GatewayOptions.defaults(),
                new DemandControlOptions(Mode.MEASURE, 100, 10));

        assertEquals(11, Fixtures.run(gateway, UNSIZED_REVIEWS).cost().actual());
        products.add(product("3", 4));
        // the same operation, one more product with 4 reviews: + 1 + 4 x 3
        assertEquals(24, Fixtures.run(gateway, UNSIZED_REVIEWS).cost().actual());
    }

    @Test
    void leavesCountInTheActualCostOnlyWhenTheyWeighSomething() {
        Map<String, Object> chair = Map.of("__typename", "Product", "id", "1", "name", "Chair", "price", 10,
                "tags", List.of("NEW", "SALE"));
        Map<String, Object> table = Map.of("__typename", "Product", "id", "2", "name", "Table", "tags", List.of());
        FakeSubgraphClient priced = new FakeSubgraphClient()
                .with("shop", new FakeSubgraph(Fixtures.subgraphSdl("demand-control", "shop"), Map.of(),
                        Map.of("unsized", List.of(chair, table)), Map.of()))
                .with("stock", new FakeSubgraph(Fixtures.subgraphSdl("demand-control", "stock"), Map.of(), Map.of(), Map.of()));
        Gateway gateway = Gateway.create(Fixtures.supergraph("demand-control"), priced, GatewayOptions.defaults(),
                new DemandControlOptions(Mode.MEASURE, 100, 10));

        // 2 products x 1 + one price (Money weighs 2) + two tags (Tag weighs 1); ids and names weigh nothing
        assertEquals(6, Fixtures.run(gateway, "{ unsized { id name price tags } }").cost().actual());
    }

    @Test
    void measureModeRunsWhatEnforceModeWouldRefuse() {
        GatewayResponse response = Fixtures.run(gateway(Mode.MEASURE, 100), UNSIZED_REVIEWS);

        assertFalse(response.requestError());
        assertEquals(1, client.requests().size());
        assertEquals(130, response.cost().estimated());
        assertEquals(11, response.cost().actual());
    }

    @Test
    void offModeNeitherEstimatesNorRefuses() {
        GatewayResponse response = Fixtures.run(gateway(Mode.OFF, 1), UNSIZED_REVIEWS);

        assertFalse(response.requestError());
        assertNull(response.cost());
    }

    @Test
    void aMissingRequiredSlicingArgumentIsARequestError() {
        GatewayResponse response = Fixtures.run(gateway(Mode.ENFORCE, 1000), "{ products { id } }");

        assertTrue(response.requestError());
        assertEquals("COST_QUERY_PARSE_FAILURE", SchemaFeaturesTest.code(response));
        assertTrue(client.requests().isEmpty());
    }
}
