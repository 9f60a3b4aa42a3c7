package org.plenum.gateway.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.plenum.gateway.engine.OverrideLabelListener;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Progressive @override: {@code plenum.gateway.override.label}, requests whose operation a label concerns, by label
 * and whether it was active ({@code active=true|false}). The labels come from the supergraph, so they are few.
 */
@ApplicationScoped
public class OverrideMetrics implements OverrideLabelListener {

    private final MeterRegistry registry;
    private final Map<String, Counter> active = new ConcurrentHashMap<>();
    private final Map<String, Counter> inactive = new ConcurrentHashMap<>();

    public OverrideMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void decided(String label, boolean isActive) {
        (isActive ? active : inactive).computeIfAbsent(label, key -> Counter.builder("plenum.gateway.override.label")
                .description("Requests whose operation a progressive @override label concerns, by whether it was active")
                .tag("label", label)
                .tag("active", String.valueOf(isActive))
                .register(registry)).increment();
    }
}
