package org.plenum.gateway.metrics;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.plenum.gateway.engine.cost.OperationCost;

/**
 * Demand control's figures per operation: {@code plenum.gateway.operation.cost.estimated} (every estimated
 * operation, refused ones included) and {@code plenum.gateway.operation.cost.actual} (operations that ran).
 */
@ApplicationScoped
public class CostMetrics {

    private final DistributionSummary estimated;
    private final DistributionSummary actual;

    public CostMetrics(MeterRegistry registry) {
        this.estimated = DistributionSummary.builder("plenum.gateway.operation.cost.estimated")
                .description("Estimated cost of GraphQL operations (demand control), before they run")
                .register(registry);
        this.actual = DistributionSummary.builder("plenum.gateway.operation.cost.actual")
                .description("Cost of what GraphQL operations returned, with the weights of the estimate")
                .register(registry);
    }

    public void record(OperationCost cost) {
        if (cost == null) {
            return;
        }
        estimated.record(cost.estimated());
        if (cost.actual() != null) {
            actual.record(cost.actual());
        }
    }
}
