package org.plenum.gateway.metrics;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code plenum.gateway.override.label}: one count per request and label, tagged with whether it was active. */
class OverrideMetricsTest {

    @Test
    void countsEachDecisionByLabelAndOutcome() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        OverrideMetrics metrics = new OverrideMetrics(registry);

        metrics.decided("percent(50)", true);
        metrics.decided("percent(50)", false);
        metrics.decided("percent(50)", true);
        metrics.decided("multi-currency", false);

        assertEquals(2, count(registry, "percent(50)", "true"));
        assertEquals(1, count(registry, "percent(50)", "false"));
        assertEquals(1, count(registry, "multi-currency", "false"));
    }

    private static double count(SimpleMeterRegistry registry, String label, String active) {
        return registry.get("plenum.gateway.override.label").tag("label", label).tag("active", active).counter().count();
    }
}
