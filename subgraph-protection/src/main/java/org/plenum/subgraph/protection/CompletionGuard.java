package org.plenum.subgraph.protection;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * A client that goes away (a gateway's timeout, a closed connection) cancels the request's {@code Uni}. Cancelled
 * half-way, Hibernate Reactive neither closes the session nor returns its pooled connection (quarkus#51576,
 * hibernate-reactive#4133): a few such requests and every later one waits for a connection until it times out. So
 * the work is not cancelled: it runs to its end, bounded by the statement timeout, and its answer is dropped.
 */
@RunsToCompletion
@Interceptor
@Priority(Interceptor.Priority.APPLICATION + 10)
public class CompletionGuard {

    @AroundInvoke
    Object detach(InvocationContext context) throws Exception {
        Object result = context.proceed();
        return result instanceof Uni<?> work ? detached(work) : result;
    }

    /** The work, subscribed on its own: cancelling what is returned leaves the work running. */
    static <T> Uni<T> detached(Uni<T> work) {
        return Uni.createFrom().emitter(emitter -> work.subscribe().with(emitter::complete, emitter::fail));
    }
}
