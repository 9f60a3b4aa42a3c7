package org.plenum.gateway.client;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.smallrye.mutiny.subscription.UniEmitter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Lets identical fetches that are in flight at the same time share one round trip: the first one for a key is
 * sent, the others wait for its outcome. Once it completes the key is forgotten, so nothing is cached beyond
 * the round trip itself. When every taker has cancelled (their clients went away, their deadlines passed), the round
 * trip is cancelled too. Each taker gets the outcome where it asked for it (its own event loop): otherwise everything
 * after a shared fetch, for every taker, runs on the one thread that received the answer.
 *
 * @param <K> what makes two fetches identical
 * @param <V> the shared outcome
 */
final class InFlightFetches<K, V> {

    private final Map<K, Flight<V>> inFlight = new ConcurrentHashMap<>();
    private final UnaryOperator<V> sharing;
    private final Supplier<Executor> takersExecutor;

    /**
     * @param sharing        what takers get of an outcome that several share, e.g. a read-only view (a sole taker gets
     *                       the outcome itself)
     * @param takersExecutor called as a fetch is asked for: where its taker is to get the outcome
     */
    InFlightFetches(UnaryOperator<V> sharing, Supplier<Executor> takersExecutor) {
        this.sharing = sharing;
        this.takersExecutor = takersExecutor;
    }

    /**
     * @param joined called when the outcome of a fetch already in flight is taken instead of sending one
     * @return the outcome of the fetch in flight for this key, or of a new one made by send
     */
    Uni<V> share(K key, Supplier<Uni<V>> send, Runnable joined) {
        return Uni.createFrom().emitter(emitter -> {
            Taker<V> taker = new Taker<>(emitter, takersExecutor.get());
            boolean[] sent = {false};
            // joined under the map's lock, as the flight leaves the map under it: a flight in the map takes new takers
            Flight<V> flight = inFlight.compute(key, (k, existing) -> {
                if (existing != null) {
                    existing.join(taker);
                    return existing;
                }
                sent[0] = true;
                return new Flight<>(taker);
            });
            emitter.onTermination(() -> {
                if (flight.leave(taker)) {
                    inFlight.remove(key, flight);
                }
            });
            if (!sent[0]) {
                joined.run();
                return;
            }
            flight.start(send.get(), () -> inFlight.remove(key, flight), sharing);
        });
    }

    /** How many distinct fetches are in flight now. */
    int size() {
        return inFlight.size();
    }

    /** Who waits for a fetch, and where it is to get the outcome. */
    private record Taker<V>(UniEmitter<? super V> emitter, Executor executor) {

        void complete(V value) {
            executor.execute(() -> emitter.complete(value));
        }

        void fail(Throwable failure) {
            executor.execute(() -> emitter.fail(failure));
        }
    }

    /** One round trip and whoever waits for it. */
    private static final class Flight<V> {
        private final List<Taker<V>> takers = new ArrayList<>();
        private Cancellable roundTrip;
        private boolean over;

        Flight(Taker<V> first) {
            takers.add(first);
        }

        synchronized void join(Taker<V> taker) {
            takers.add(taker);
        }

        void start(Uni<V> send, Runnable forget, UnaryOperator<V> sharing) {
            Cancellable subscription = send.subscribe().with(
                    value -> {
                        List<Taker<V>> waiting = end(forget);
                        V outcome = waiting.size() > 1 ? sharing.apply(value) : value;
                        // the sender last: it usually continues right here, after the others are handed theirs
                        for (int i = waiting.size() - 1; i >= 0; i--) {
                            waiting.get(i).complete(outcome);
                        }
                    },
                    failure -> end(forget).forEach(taker -> taker.fail(failure)));
            synchronized (this) {
                if (!over) {
                    roundTrip = subscription;
                    return;
                }
            }
            if (takers.isEmpty()) {
                subscription.cancel(); // everyone left before the round trip had started
            }
        }

        /** @return the takers to answer; once over, nobody joins or leaves */
        private List<Taker<V>> end(Runnable forget) {
            forget.run();
            synchronized (this) {
                over = true;
                return List.copyOf(takers);
            }
        }

        /** @return whether this was the last taker of a round trip still running, which is now cancelled */
        boolean leave(Taker<V> taker) {
            Cancellable toCancel;
            synchronized (this) {
                if (over || !takers.remove(taker) || !takers.isEmpty()) {
                    return false;
                }
                over = true;
                toCancel = roundTrip;
            }
            if (toCancel != null) {
                toCancel.cancel();
            }
            return true;
        }
    }
}
