package org.plenum.gateway.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.plenum.gateway.engine.error.Errors;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Records each GraphQL request: the {@code plenum.gateway.requests} timer (count and latency by operation type and
 * outcome) and one log line with operation name, type, outcome and duration.
 */
@ApplicationScoped
public class RequestMetrics {

    private static final Logger LOG = Logger.getLogger("org.plenum.gateway.requests");
    private static final String UNKNOWN_TYPE = "unknown";

    private final MeterRegistry registry;
    private final Map<String, Map<Outcome, Timer>> timers = new ConcurrentHashMap<>();

    public RequestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** @param operationType query, mutation, subscription, or null when the request failed before it was known */
    public void record(String requestId, String operationName, String operationType, Outcome outcome, long nanos) {
        String type = operationType != null ? operationType : UNKNOWN_TYPE;
        timers.computeIfAbsent(type, key -> new ConcurrentHashMap<>())
                .computeIfAbsent(outcome, key -> Timer.builder("plenum.gateway.requests")
                        .description("GraphQL requests handled by the gateway")
                        .tag("operation_type", type)
                        .tag("outcome", outcome.tag())
                        .register(registry))
                .record(nanos, TimeUnit.NANOSECONDS);
        // the name is the client's: escaped and cut so it cannot forge log lines or flood the log
        LOG.infof("request=%s operation=%s type=%s outcome=%s duration_ms=%d", requestId,
                operationName != null ? Errors.echo(operationName) : "-", type, outcome.tag(),
                TimeUnit.NANOSECONDS.toMillis(nanos));
    }
}
