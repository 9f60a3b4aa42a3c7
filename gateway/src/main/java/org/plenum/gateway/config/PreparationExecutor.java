package org.plenum.gateway.config;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that parse, validate and plan unseen documents: few and of their own, so a heavy document can neither
 * block an event loop (health, metrics and cached operations keep answering) nor take the workers others need.
 * A full queue rejects at once; the engine turns that into 503 with Retry-After.
 */
@ApplicationScoped
public class PreparationExecutor implements Executor {

    private final ThreadPoolExecutor pool;

    public PreparationExecutor(GatewayConfig config) {
        AtomicInteger count = new AtomicInteger();
        int threads = Math.max(1, config.limits().preparationThreads());
        this.pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(Math.max(1, config.limits().preparationQueue())), runnable -> {
                    Thread thread = new Thread(runnable, "plenum-preparation-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.AbortPolicy());
        pool.allowCoreThreadTimeOut(true);
    }

    @Override
    public void execute(Runnable command) {
        pool.execute(command);
    }

    @PreDestroy
    void shutdown() {
        pool.shutdownNow();
    }
}
