package org.plenum.gateway.client;

import io.smallrye.mutiny.Uni;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Lets identical fetches that are in flight at the same time share one round trip: the first one for a key is
 * sent, the others wait for its outcome. Once it completes the key is forgotten, so nothing is cached beyond
 * the round trip itself.
 *
 * @param <K> what makes two fetches identical
 * @param <V> the shared outcome; it must not be mutated by those who get it
 */
final class InFlightFetches<K, V> {

    private final Map<K, Uni<V>> inFlight = new ConcurrentHashMap<>();

    /**
     * @param joined called when the outcome of a fetch already in flight is taken instead of sending one
     * @return the outcome of the fetch in flight for this key, or of a new one made by send
     */
    Uni<V> share(K key, Supplier<Uni<V>> send, Runnable joined) {
        return Uni.createFrom().deferred(() -> {
            boolean[] sent = {false};
            // the entry is in the map before anyone subscribes, so the removal on termination always finds it
            Uni<V> shared = inFlight.computeIfAbsent(key, k -> {
                sent[0] = true;
                return send.get().onTermination().invoke(() -> inFlight.remove(k)).memoize().indefinitely();
            });
            if (!sent[0]) {
                joined.run();
            }
            return shared;
        });
    }

    /** How many distinct fetches are in flight now. */
    int size() {
        return inFlight.size();
    }
}
