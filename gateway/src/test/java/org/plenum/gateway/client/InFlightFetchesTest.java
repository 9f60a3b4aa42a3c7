package org.plenum.gateway.client;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.helpers.test.UniAssertSubscriber;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Sharing one round trip among identical fetches in flight, and only while it is in flight. */
class InFlightFetchesTest {

    /** Where the next fetch's taker is to get its outcome: at once unless a test says otherwise. */
    private Executor takersExecutor = Runnable::run;
    private final InFlightFetches<String, String> fetches = new InFlightFetches<>(value -> value + " (shared)",
            () -> takersExecutor);
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger joined = new AtomicInteger();

    @Test
    void identicalFetchesInFlightShareOneRoundTrip() {
        CompletableFuture<String> answer = new CompletableFuture<>();

        UniAssertSubscriber<String> first = fetch("q", answer);
        UniAssertSubscriber<String> second = fetch("q", answer);
        UniAssertSubscriber<String> third = fetch("q", answer);
        answer.complete("data");

        assertEquals(1, sent.get());
        assertEquals(2, joined.get());
        // what several share comes as what the client makes of it (a read-only view)
        first.assertItem("data (shared)");
        second.assertItem("data (shared)");
        third.assertItem("data (shared)");
    }

    @Test
    void eachTakerGetsTheOutcomeWhereItAskedForIt() {
        CompletableFuture<String> answer = new CompletableFuture<>();
        UniAssertSubscriber<String> first = fetch("q", answer);
        Queue<Runnable> secondsLoop = new ArrayDeque<>();
        takersExecutor = secondsLoop::add;
        UniAssertSubscriber<String> second = fetch("q", answer);

        answer.complete("data");

        first.assertItem("data (shared)");
        second.assertNotTerminated(); // not on the thread that received the answer ...
        secondsLoop.forEach(Runnable::run);
        second.assertItem("data (shared)"); // ... but on its own
    }

    @Test
    void aSoleTakerGetsTheOutcomeItself() {
        fetch("q", CompletableFuture.completedFuture("data")).assertItem("data");
    }

    @Test
    void differentKeysAreSentSeparately() {
        fetch("q1", new CompletableFuture<>());
        fetch("q2", new CompletableFuture<>());

        assertEquals(2, sent.get());
        assertEquals(0, joined.get());
    }

    @Test
    void aCompletedFetchIsForgottenNotCached() {
        fetch("q", CompletableFuture.completedFuture("old")).assertItem("old");

        fetch("q", CompletableFuture.completedFuture("new")).assertItem("new");

        assertEquals(2, sent.get());
        assertEquals(0, fetches.size());
    }

    @Test
    void aFailureReachesEveryoneWaitingAndIsForgotten() {
        CompletableFuture<String> answer = new CompletableFuture<>();
        UniAssertSubscriber<String> first = fetch("q", answer);
        UniAssertSubscriber<String> second = fetch("q", answer);

        answer.completeExceptionally(new IllegalStateException("subgraph down"));

        first.assertFailedWith(IllegalStateException.class, "subgraph down");
        second.assertFailedWith(IllegalStateException.class, "subgraph down");
        assertEquals(0, fetches.size());
        fetch("q", CompletableFuture.completedFuture("back")).assertItem("back");
    }

    @Test
    void oneWaiterCancellingDoesNotCancelTheOthers() {
        CompletableFuture<String> answer = new CompletableFuture<>();
        UniAssertSubscriber<String> leaving = fetch("q", answer);
        UniAssertSubscriber<String> staying = fetch("q", answer);

        leaving.cancel();
        answer.complete("data");

        staying.assertItem("data"); // its sole taker now: nobody else sees it
    }

    @Test
    void whenEveryTakerHasCancelledTheRoundTripIsCancelledAndForgotten() {
        AtomicInteger cancelled = new AtomicInteger();
        Uni<String> roundTrip = Uni.createFrom().<String>emitter(never -> never.onTermination(cancelled::incrementAndGet));
        UniAssertSubscriber<String> first = fetches.share("q", () -> roundTrip, joined::incrementAndGet)
                .subscribe().withSubscriber(UniAssertSubscriber.create());
        UniAssertSubscriber<String> second = fetches.share("q", () -> roundTrip, joined::incrementAndGet)
                .subscribe().withSubscriber(UniAssertSubscriber.create());

        first.cancel();
        assertEquals(0, cancelled.get());
        second.cancel();

        assertEquals(1, cancelled.get());
        assertEquals(0, fetches.size());
    }

    private UniAssertSubscriber<String> fetch(String key, CompletableFuture<String> answer) {
        return fetches.share(key, () -> {
            sent.incrementAndGet();
            return Uni.createFrom().completionStage(answer);
        }, joined::incrementAndGet).subscribe().withSubscriber(UniAssertSubscriber.create());
    }
}
