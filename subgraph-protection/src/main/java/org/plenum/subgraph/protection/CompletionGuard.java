package org.plenum.subgraph.protection;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.plenum.subgraph.protection.errors.ServiceUnavailableException;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A client that goes away (a gateway's timeout, a closed connection) cancels the request's {@code Uni}. Cancelled
 * half-way, Hibernate Reactive neither closes the session nor returns its pooled connection (quarkus#51576,
 * hibernate-reactive#4133): a few such requests and every later one waits for a connection until it times out. So
 * the work is not cancelled: it runs to its end, bounded by the statement timeout, and its answer is dropped.
 * Clients that send and leave in a loop would pile such orphaned work up beyond every request limit: past
 * {@code plenum.graphql.max-orphaned-work} of it, new work is refused until some of it ends.
 */
@RunsToCompletion
@Interceptor
@Priority(Interceptor.Priority.APPLICATION + 10)
public class CompletionGuard {

    private static final int RUNNING = 0;
    private static final int ORPHANED = 1;
    private static final int ENDED = 2;

    private final AtomicInteger orphaned = new AtomicInteger();
    private final int maxOrphaned;

    @Inject
    public CompletionGuard(@ConfigProperty(name = RequestLimits.PREFIX + "max-orphaned-work", defaultValue = "100") int maxOrphaned) {
        this.maxOrphaned = maxOrphaned;
    }

    @AroundInvoke
    Object detach(InvocationContext context) throws Exception {
        admit();
        Object result = context.proceed();
        return result instanceof Uni<?> work ? detached(work) : result;
    }

    /** The work, subscribed on its own: cancelling what is returned leaves the work running, counted as orphaned. */
    <T> Uni<T> detached(Uni<T> work) {
        return Uni.createFrom().emitter(emitter -> {
            AtomicInteger state = new AtomicInteger(RUNNING);
            emitter.onTermination(() -> {
                if (state.compareAndSet(RUNNING, ORPHANED)) { // the client left first
                    orphaned.incrementAndGet();
                }
            });
            Runnable end = () -> {
                if (state.getAndSet(ENDED) == ORPHANED) {
                    orphaned.decrementAndGet();
                }
            };
            work.subscribe().with(item -> {
                end.run();
                emitter.complete(item);
            }, failure -> {
                end.run();
                emitter.fail(failure);
            });
        });
    }

    /** How much work whose client left is still running. */
    int orphaned() {
        return orphaned.get();
    }

    /** Refuses new work while too much orphaned work still runs. */
    void admit() {
        if (orphaned.get() >= maxOrphaned) {
            throw new ServiceUnavailableException("The service is busy finishing requests whose clients went away; retry in a"
                + " moment (plenum.graphql.max-orphaned-work)", null);
        }
    }
}
