package org.plenum.gateway.engine;

import org.junit.jupiter.api.Test;
import org.plenum.gateway.engine.subgraph.SubgraphRequest;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Progressive @override (fixture progressive-override: legacy's Item fields moved to pricing under the labels
 * percent(0), percent(100), percent(50) and multi-currency): each request decides the labels its operation depends
 * on, plans with them, and caches one plan per set of active labels.
 */
class ProgressiveOverrideTest {

    private static final String FIXTURE = "progressive-override";

    private final FakeSubgraphClient client = new FakeSubgraphClient()
            .with("legacy", new FakeSubgraph(Fixtures.subgraphSdl(FIXTURE, "legacy"), Map.of(),
                    Map.of("items", List.of(Map.of("__typename", "Item", "id", "i1", "name", "Pen",
                            "price", 1, "tax", 10, "discount", 0, "currency", "EUR"))), Map.of()))
            .with("pricing", new FakeSubgraph(Fixtures.subgraphSdl(FIXTURE, "pricing"),
                    Map.of("Item", List.of(Map.of("__typename", "Item", "id", "i1",
                            "price", 3, "tax", 20, "discount", 5, "currency", "USD"))), Map.of(), Map.of()));
    private final List<String> decisions = new ArrayList<>();

    @Test
    void servesAPercentZeroFieldFromTheOverriddenSubgraphAlways() {
        Gateway gateway = gateway(GatewayOptions.builder());

        for (int i = 0; i < 20; i++) {
            assertEquals(item("price", 1), Fixtures.run(gateway, "{ items { name price } }").body());
        }
        assertEquals(Set.of("legacy"), subgraphsAsked());
    }

    @Test
    void servesAPercentHundredFieldFromTheOverridingSubgraphAlways() {
        Gateway gateway = gateway(GatewayOptions.builder());

        for (int i = 0; i < 20; i++) {
            assertEquals(item("tax", 20), Fixtures.run(gateway, "{ items { name tax } }").body());
        }
        assertEquals(20, client.requestsTo("pricing").size());
    }

    @Test
    void rollsAPercentLabelPerRequestAndCachesOnePlanPerOutcome() {
        AtomicInteger preparations = new AtomicInteger();
        Executor counting = task -> {
            preparations.incrementAndGet();
            task.run();
        };
        Gateway gateway = gateway(GatewayOptions.builder().preparationExecutor(counting)
                .overrideRolls(rolls(0.2, 0.7, 0.49, 0.5, 0.1, 0.99)));

        List<Object> discounts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            discounts.add(discount(Fixtures.run(gateway, "{ items { name discount } }").body()));
        }

        // percent(50) is active for rolls below 0.5: pricing's discount, else legacy's
        assertEquals(List.of(5, 0, 5, 0, 5, 0), discounts);
        assertEquals(3, client.requestsTo("pricing").size());
        // one preparation of the document, then one planning per set of active labels: the others hit the cache
        assertEquals(3, preparations.get());
        assertEquals(List.of("percent(50)=true", "percent(50)=false", "percent(50)=true", "percent(50)=false",
                "percent(50)=true", "percent(50)=false"), decisions);
    }

    @Test
    void activatesACustomLabelOnlyWhenConfigured() {
        String query = "{ items { name currency } }";

        assertEquals(item("currency", "EUR"), Fixtures.run(gateway(GatewayOptions.builder()), query).body());
        assertEquals(item("currency", "USD"), Fixtures.run(gateway(GatewayOptions.builder()
                .overrideLabels(Set.of("multi-currency"))), query).body());
        assertEquals(List.of("multi-currency=false", "multi-currency=true"), decisions);
    }

    @Test
    void activatesAConfiguredPercentLabelWithoutRollingIt() {
        Gateway gateway = gateway(GatewayOptions.builder().overrideLabels(Set.of("percent(0)"))
                .overrideRolls(() -> { throw new AssertionError("rolled"); }));

        assertEquals(item("price", 3), Fixtures.run(gateway, "{ items { name price } }").body());
    }

    @Test
    void decidesOnlyTheLabelsOfTheSelectedFieldsFragmentsIncluded() {
        Gateway gateway = gateway(GatewayOptions.builder());

        Fixtures.run(gateway, "{ items { name } }");
        Fixtures.run(gateway, "{ items { ...Prices } } fragment Prices on Item { price ... on Item { tax } }");

        assertEquals(List.of("percent(0)=false", "percent(100)=true"), decisions);
    }

    @Test
    void explainsWithLabelsDecidedAsForARequestWithoutCountingThem() {
        String plan = gateway(GatewayOptions.builder()).explain("{ items { name tax } }", null);

        assertTrue(plan.contains("Fetch(service: \"pricing\")"), plan);
        assertEquals(List.of(), decisions);
    }

    private Gateway gateway(GatewayOptions.Builder options) {
        return Gateway.create(Fixtures.supergraph(FIXTURE), client,
                options.overrideListener((label, active) -> decisions.add(label + "=" + active)).build());
    }

    private Set<String> subgraphsAsked() {
        return Set.copyOf(client.requests().stream().map(SubgraphRequest::subgraph).toList());
    }

    private static DoubleSupplier rolls(Double... values) {
        Iterator<Double> next = List.of(values).iterator();
        return next::next;
    }

    private static Map<String, Object> item(String field, Object value) {
        return Map.of("data", Map.of("items", List.of(Map.of("name", "Pen", field, value))));
    }

    @SuppressWarnings("unchecked")
    private static Object discount(Map<String, Object> body) {
        Map<String, Object> data = (Map<String, Object>) body.get("data");
        return ((List<Map<String, Object>>) data.get("items")).get(0).get("discount");
    }
}
