package org.plenum.gateway.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Meters per subgraph fetch: {@code plenum.gateway.subgraph.fetch} (latency by subgraph and outcome),
 * {@code plenum.gateway.subgraph.errors} (by subgraph and error code), {@code plenum.gateway.subgraph.timeouts} and
 * {@code plenum.gateway.subgraph.fetches.shared} (fetches de-duplicated against one in flight).
 */
@ApplicationScoped
public class SubgraphMetrics {

    static final String TIMEOUT_CODE = "SUBGRAPH_TIMEOUT";

    private final MeterRegistry registry;

    public SubgraphMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** The meters of one subgraph; look them up once and keep them. */
    public Meters forSubgraph(String subgraph) {
        return new Meters(subgraph);
    }

    public final class Meters {

        private final String subgraph;
        private final Timer success;
        private final Counter timeouts;
        private final Counter shared;
        private final Counter retried;
        private final Map<String, Failure> failures = new ConcurrentHashMap<>();

        private Meters(String subgraph) {
            this.subgraph = subgraph;
            this.success = timer("success");
            this.timeouts = Counter.builder("plenum.gateway.subgraph.timeouts")
                    .description("Subgraph fetches that exceeded their timeout")
                    .tag("subgraph", subgraph)
                    .register(registry);
            this.shared = Counter.builder("plenum.gateway.subgraph.fetches.shared")
                    .description("Subgraph fetches answered by an identical fetch in flight, not sent themselves")
                    .tag("subgraph", subgraph)
                    .register(registry);
            this.retried = Counter.builder("plenum.gateway.subgraph.retries")
                    .description("Query fetches sent again after the subgraph was unavailable")
                    .tag("subgraph", subgraph)
                    .register(registry);
        }

        /** A query fetch about to be sent again. */
        public void retried() {
            retried.increment();
        }

        /** A fetch that took the answer of an identical one in flight instead of being sent. */
        public void shared() {
            shared.increment();
        }

        public void success(long nanos) {
            success.record(nanos, TimeUnit.NANOSECONDS);
        }

        /** @param code the SubgraphFailure code, e.g. SUBGRAPH_TIMEOUT */
        public void failure(String code, long nanos) {
            Failure failure = failures.computeIfAbsent(code, this::newFailure);
            failure.latency.record(nanos, TimeUnit.NANOSECONDS);
            failure.count.increment();
            if (TIMEOUT_CODE.equals(code)) {
                timeouts.increment();
            }
        }

        private Failure newFailure(String code) {
            return new Failure(timer(code.toLowerCase(Locale.ROOT)), Counter.builder("plenum.gateway.subgraph.errors")
                    .description("Subgraph fetches that gave no GraphQL response")
                    .tag("subgraph", subgraph).tag("code", code)
                    .register(registry));
        }

        private Timer timer(String outcome) {
            return Timer.builder("plenum.gateway.subgraph.fetch")
                    .description("Latency of subgraph fetches")
                    .tag("subgraph", subgraph).tag("outcome", outcome)
                    .register(registry);
        }
    }

    private record Failure(Timer latency, Counter count) {
    }
}
