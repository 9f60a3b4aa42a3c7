package org.plenum.gateway.client;

import io.smallrye.mutiny.Uni;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Lets identical fetches that are in flight at the same time share one round trip: the first one for a key is
 * sent, the others wait for its outcome. Once it completes the key is forgotten, so nothing is cached beyond
 * the round trip itself.
 *
 * @param <K> what makes two fetches identical
 * @param <V> the shared outcome
 */
final class InFlightFetches<K, V> {

    private final Map<K, Flight<V>> inFlight = new ConcurrentHashMap<>();
    private final UnaryOperator<V> copier;

    /** @param copier makes a taker's own copy of an outcome that several fetches share (takers may change it) */
    InFlightFetches(UnaryOperator<V> copier) {
        this.copier = copier;
    }

    /**
     * @param joined called when the outcome of a fetch already in flight is taken instead of sending one
     * @return the outcome of the fetch in flight for this key, or of a new one made by send
     */
    Uni<V> share(K key, Supplier<Uni<V>> send, Runnable joined) {
        return Uni.createFrom().deferred(() -> {
            boolean[] sent = {false};
            // counted under the map's lock, as the removal is: once removed, the number of takers is final
            Flight<V> flight = inFlight.compute(key, (k, existing) -> {
                if (existing != null) {
                    existing.takers.incrementAndGet();
                    return existing;
                }
                sent[0] = true;
                Flight<V> created = new Flight<>();
                created.outcome = send.get()
                        .onItem().transform(outcome -> new Outcome<>(outcome, forget(k, created) > 1))
                        .onFailure().invoke(() -> forget(k, created))
                        .memoize().indefinitely();
                return created;
            });
            if (!sent[0]) {
                joined.run();
            }
            // a sole taker gets the outcome itself; shared ones each get a copy, so no one sees another's changes
            return flight.outcome.map(outcome -> outcome.shared ? copier.apply(outcome.value) : outcome.value);
        });
    }

    /** @return how many took this flight's outcome; final, as joining happens in the map and the flight has left it */
    private int forget(K key, Flight<V> flight) {
        inFlight.remove(key, flight);
        return flight.takers.get();
    }

    /** How many distinct fetches are in flight now. */
    int size() {
        return inFlight.size();
    }

    private static final class Flight<V> {
        final AtomicInteger takers = new AtomicInteger(1);
        Uni<Outcome<V>> outcome;
    }

    private record Outcome<V>(V value, boolean shared) {
    }
}
