package org.plenum.gateway.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The supergraph in use and its updates: {@code plenum.gateway.supergraph.updates} (by outcome: loaded, rejected
 * when it could not be used, unavailable when it could not be fetched), {@code plenum.gateway.supergraph.loaded.timestamp}
 * (seconds since the epoch) and {@code plenum.gateway.supergraph.info} (1, tagged with the SDL's SHA-256).
 */
@ApplicationScoped
public class SchemaMetrics {

    private final MeterRegistry registry;
    // function counters: the first load happens at startup, before Quarkus adds the Prometheus registry to the one
    // injected here, and a plain counter's increments made before that are lost
    private final AtomicLong loaded = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong unavailable = new AtomicLong();
    private final AtomicLong loadedAtSeconds = new AtomicLong();
    private Gauge info;

    public SchemaMetrics(MeterRegistry registry) {
        this.registry = registry;
        updates("loaded", loaded);
        updates("rejected", rejected);
        updates("unavailable", unavailable);
        Gauge.builder("plenum.gateway.supergraph.loaded.timestamp", loadedAtSeconds, AtomicLong::get)
                .description("When the supergraph in use was loaded, in seconds since the epoch")
                .baseUnit("seconds")
                .register(registry);
    }

    /** A new supergraph replaced the one in use (or was the first). */
    public synchronized void loaded(String sha256, Instant at) {
        loaded.incrementAndGet();
        loadedAtSeconds.set(at.getEpochSecond());
        if (info != null) {
            registry.remove(info);
        }
        info = Gauge.builder("plenum.gateway.supergraph.info", () -> 1)
                .description("The supergraph in use, by the SHA-256 of its SDL")
                .tag("sha256", sha256)
                .register(registry);
    }

    /** A supergraph was obtained but cannot be used; the one in use stays. */
    public void rejected() {
        rejected.incrementAndGet();
    }

    /** No supergraph could be obtained (unreachable URL or subgraphs); the one in use stays. */
    public void unavailable() {
        unavailable.incrementAndGet();
    }

    private void updates(String outcome, AtomicLong count) {
        FunctionCounter.builder("plenum.gateway.supergraph.updates", count, AtomicLong::get)
                .description("Attempts to load a new supergraph, by outcome")
                .tag("outcome", outcome)
                .register(registry);
    }
}
