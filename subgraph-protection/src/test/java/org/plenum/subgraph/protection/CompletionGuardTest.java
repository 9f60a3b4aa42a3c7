package org.plenum.subgraph.protection;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.smallrye.mutiny.subscription.UniEmitter;
import org.junit.jupiter.api.Test;
import org.plenum.subgraph.protection.errors.ServiceUnavailableException;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompletionGuardTest {

    private final CompletionGuard guard = new CompletionGuard(2);
    private final AtomicReference<UniEmitter<? super String>> pending = new AtomicReference<>();
    private final AtomicBoolean workCancelled = new AtomicBoolean();
    private final AtomicReference<String> workFinishedWith = new AtomicReference<>();
    private final Uni<String> work = Uni.createFrom().<String>emitter(pending::set)
            .onCancellation().invoke(() -> workCancelled.set(true))
            .onItem().invoke(workFinishedWith::set);

    @Test
    void workGoesOnToItsEndWhenTheClientGoesAway() {
        Cancellable client = guard.detached(work).subscribe().with(item -> { });

        client.cancel();
        pending.get().complete("committed"); // the transaction ends later, and closes its session

        assertFalse(workCancelled.get());
        assertEquals("committed", workFinishedWith.get());
    }

    @Test
    void aClientThatWaitsGetsTheAnswerOrTheFailure() throws Exception {
        CompletableFuture<String> answer = guard.detached(work).subscribeAsCompletionStage();
        pending.get().complete("saved");
        assertEquals("saved", answer.get(5, TimeUnit.SECONDS));

        CompletableFuture<String> failing = guard.detached(Uni.createFrom().<String>failure(new IllegalStateException("no")))
                .subscribeAsCompletionStage();
        ExecutionException failure = assertThrows(ExecutionException.class, () -> failing.get(5, TimeUnit.SECONDS));
        assertInstanceOf(IllegalStateException.class, failure.getCause());
    }

    @Test
    void workWhoseClientLeftIsCountedUntilItEnds() {
        guard.detached(work).subscribe().with(item -> { }).cancel();
        assertEquals(1, guard.orphaned());

        pending.get().complete("committed");
        assertEquals(0, guard.orphaned());

        guard.detached(work).subscribeAsCompletionStage();
        pending.get().complete("answered");
        assertEquals(0, guard.orphaned(), "work whose client waited is never orphaned");
    }

    @Test
    void pastTheLimitOfOrphanedWorkNewWorkIsRefused() {
        for (int i = 0; i < 2; i++) {
            guard.detached(Uni.createFrom().emitter(emitter -> { })).subscribe().with(item -> { }).cancel();
        }
        ServiceUnavailableException refused = assertThrows(ServiceUnavailableException.class, guard::admit);
        assertTrue(refused.getMessage().contains("plenum.graphql.max-orphaned-work"));
    }
}
