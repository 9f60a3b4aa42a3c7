package org.plenum.gateway.client;

import io.smallrye.faulttolerance.api.TypedGuard;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniSubscription;
import jakarta.enterprise.util.TypeLiteral;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.plenum.gateway.config.GatewayConfig;
import org.plenum.gateway.engine.subgraph.SubgraphFailure;
import org.plenum.gateway.metrics.SubgraphMetrics;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * What the gateway does about one failing subgraph. A circuit breaker (SmallRye Fault Tolerance) fails fetches at
 * once while the subgraph is known to be down and lets a probe through after a while. Query fetches whose request
 * never reached a working subgraph (connection failures, HTTP 502/503/504: all SUBGRAPH_UNAVAILABLE) are retried with
 * jittered exponential backoff, within a {@link RetryBudget}; timeouts are not retried (the subgraph may still be
 * working on it), and mutations never are (they may have been applied).
 */
final class SubgraphGuard {

    private static final TypeLiteral<Uni<Map<String, Object>>> FETCH = new TypeLiteral<>() {
    };

    private final String subgraph;
    private final TypedGuard<Uni<Map<String, Object>>> breaker;
    private final RetryBudget budget;
    private final int retries;
    private final Duration backoff;
    private final SubgraphMetrics.Meters meters;

    SubgraphGuard(String subgraph, GatewayConfig.Resilience settings, SubgraphMetrics.Meters meters) {
        this.subgraph = subgraph;
        GatewayConfig.Resilience.CircuitBreaker circuit = settings.circuitBreaker();
        this.breaker = !circuit.enabled() ? null : TypedGuard.create(FETCH)
                .withDescription("subgraph " + subgraph)
                .withCircuitBreaker()
                .requestVolumeThreshold(circuit.requestVolume())
                .failureRatio(circuit.failureRatio())
                .delay(circuit.delay().toMillis(), ChronoUnit.MILLIS)
                .successThreshold(1)
                // answers count as successes, GraphQL errors included: only a subgraph that is not there counts
                .when(SubgraphGuard::subgraphDown)
                .done()
                .build();
        this.budget = new RetryBudget(settings.retryBudget());
        this.retries = settings.retries();
        this.backoff = settings.retryBackoff();
        this.meters = meters;
    }

    Uni<Map<String, Object>> call(boolean mutation, Supplier<Uni<Map<String, Object>>> roundTrip) {
        return Uni.createFrom().deferred(() -> {
            budget.called();
            // the breaker subscribes to each attempt itself and does not pass a cancellation on (the client left, the
            // deadline passed): attempts are cancelled from here, so their HTTP requests are reset
            Set<UniSubscription> attempts = ConcurrentHashMap.newKeySet();
            AtomicBoolean cancelled = new AtomicBoolean();
            // an attempt can subscribe after the cancellation (it starts on another thread): it is cancelled then
            Supplier<Uni<Map<String, Object>>> cancellable = () -> roundTrip.get().onSubscription().invoke(subscription -> {
                attempts.add(subscription);
                if (cancelled.get()) {
                    subscription.cancel();
                }
            });
            Uni<Map<String, Object>> attempt = breaker == null
                    ? Uni.createFrom().deferred(cancellable::get)
                    : Uni.createFrom().deferred(() -> breaker.get(cancellable))
                            .onFailure(CircuitBreakerOpenException.class).transform(this::resting);
            Uni<Map<String, Object>> retried = mutation || retries == 0 ? attempt
                    : attempt.onFailure(this::worthRetrying).retry()
                            .withBackOff(backoff, backoff.multipliedBy(10))
                            .atMost(retries);
            return retried.onCancellation().invoke(() -> {
                cancelled.set(true);
                attempts.forEach(UniSubscription::cancel);
            });
        });
    }

    private SubgraphFailure resting(Throwable open) {
        return new SubgraphFailure(subgraph, VertxSubgraphClient.UNAVAILABLE, "Subgraph '" + subgraph
                + "' is unavailable: it failed repeatedly and is not called for a moment", open);
    }

    private boolean worthRetrying(Throwable failure) {
        boolean retry = failure instanceof SubgraphFailure known
                && VertxSubgraphClient.UNAVAILABLE.equals(known.code())
                && !(known.getCause() instanceof CircuitBreakerOpenException)
                && budget.spend();
        if (retry) {
            meters.retried();
        }
        return retry;
    }

    private static boolean subgraphDown(Throwable failure) {
        return failure instanceof SubgraphFailure known && (VertxSubgraphClient.UNAVAILABLE.equals(known.code())
                || VertxSubgraphClient.TIMEOUT.equals(known.code()));
    }
}
