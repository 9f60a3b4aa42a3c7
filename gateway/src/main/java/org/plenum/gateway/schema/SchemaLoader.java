package org.plenum.gateway.schema;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.plenum.gateway.config.GatewayConfig;
import org.plenum.gateway.config.GatewayStartupException;
import org.plenum.gateway.config.PreparationExecutor;
import org.plenum.gateway.engine.Gateway;
import org.plenum.gateway.engine.GatewayOptions;
import org.plenum.gateway.engine.authorization.PolicyEvaluator;
import org.plenum.gateway.engine.cost.DemandControlOptions;
import org.plenum.gateway.engine.subgraph.SubgraphClient;
import org.plenum.gateway.engine.subgraph.SubgraphFailure;
import org.plenum.gateway.metrics.OverrideMetrics;
import org.plenum.gateway.metrics.SchemaMetrics;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Loads the supergraph at startup and, when {@code plenum.gateway.poll-interval} is set (or a supergraph URL is), again
 * periodically. An unusable supergraph at startup stops the gateway; unreachable subgraphs or URL only delay readiness
 * (loading is retried). A new supergraph must build and plan every root field before it replaces the one in use; a
 * failed reload keeps the schema in use, is counted, and makes the next polls wait longer.
 */
@ApplicationScoped
public class SchemaLoader {

    private static final Logger LOG = Logger.getLogger(SchemaLoader.class);
    private static final String RETRY_JOB = "plenum-schema-load-retry";
    private static final String POLL_JOB = "plenum-schema-poll";
    private static final Duration URL_POLL_INTERVAL = Duration.ofSeconds(10);
    private static final int MAX_BACKOFF_DOUBLINGS = 20;

    private final SupergraphSource source;
    private final ActiveGateway active;
    private final SubgraphClient client;
    private final GatewayConfig config;
    private final Scheduler scheduler;
    private final PreparationExecutor preparationExecutor;
    private final PolicyEvaluator policies;
    private final SchemaMetrics metrics;
    private final OverrideMetrics overrideMetrics;
    private String loadedSdl;
    /** The last supergraph refused: fetched again unchanged, it is not tried (nor counted) again. */
    private String rejectedSdl;
    private int failedPolls;
    private long nextPollNanos;

    public SchemaLoader(SupergraphSource source, ActiveGateway active, SubgraphClient client, GatewayConfig config,
                        Scheduler scheduler, PreparationExecutor preparationExecutor, PolicyEvaluator policies,
                        SchemaMetrics metrics, OverrideMetrics overrideMetrics) {
        this.source = source;
        this.active = active;
        this.client = client;
        this.config = config;
        this.scheduler = scheduler;
        this.preparationExecutor = preparationExecutor;
        this.policies = policies;
        this.metrics = metrics;
        this.overrideMetrics = overrideMetrics;
    }

    void onStart(@Observes StartupEvent event) {
        try {
            reload();
        } catch (SubgraphFailure | SupergraphUnavailableException unreachable) {
            LOG.warnf("No schema yet, retrying every %s: %s", config.loadRetryInterval(), unreachable.getMessage());
            schedule(RETRY_JOB, config.loadRetryInterval(), this::retryUntilLoaded);
        } catch (RuntimeException unusable) {
            throw new GatewayStartupException("Cannot start the gateway from " + source.describe() + ": "
                    + unusable.getMessage());
        }
        pollInterval().ifPresent(interval -> schedule(POLL_JOB, interval, this::poll));
    }

    private Optional<Duration> pollInterval() {
        return config.pollInterval().or(() -> config.supergraphUrl().map(url -> URL_POLL_INTERVAL));
    }

    /** Loads the supergraph and swaps it in if it changed; blocking, so called on the main or a worker thread. */
    synchronized void reload() {
        String sdl;
        try {
            sdl = source.load().await().indefinitely();
        } catch (SubgraphFailure | SupergraphUnavailableException unavailable) {
            metrics.unavailable();
            throw unavailable;
        } catch (RuntimeException unusable) {
            metrics.rejected();
            throw unusable;
        }
        if (sdl.equals(loadedSdl) || sdl.equals(rejectedSdl)) {
            return;
        }
        Gateway gateway;
        try {
            gateway = Gateway.create(sdl, client, options(), policies, demandControl());
            gateway.planSmokeOperations();
        } catch (RuntimeException unusable) {
            rejectedSdl = sdl;
            metrics.rejected();
            throw unusable;
        }
        SchemaVersion version = SchemaVersion.of(sdl, Instant.now());
        active.install(gateway, version);
        metrics.loaded(version.sha256(), version.loadedAt());
        boolean first = loadedSdl == null;
        loadedSdl = sdl;
        LOG.infof("%s supergraph %s from %s; subgraphs %s", first ? "Loaded" : "Reloaded", version.shortHash(),
                source.describe(), gateway.subgraphUrls());
    }

    private void retryUntilLoaded() {
        try {
            reload();
            if (active.isLoaded()) { // not when the supergraph fetched was one already refused
                scheduler.unscheduleJob(RETRY_JOB);
            }
        } catch (RuntimeException e) {
            LOG.warnf("Still no schema, retrying in %s: %s", config.loadRetryInterval(), e.getMessage());
        }
    }

    /**
     * One polling round: reload, keeping the current schema when that fails. After n failures in a row the next
     * round waits 2^n intervals (at most {@code poll-max-backoff}), so a registry or subgraph in trouble is not
     * hammered.
     */
    synchronized void poll() {
        long now = System.nanoTime();
        if (failedPolls > 0 && now - nextPollNanos < 0) {
            return;
        }
        try {
            reload();
            failedPolls = 0;
        } catch (RuntimeException e) {
            failedPolls++;
            Duration interval = pollInterval().orElse(config.loadRetryInterval());
            Duration wait = interval.multipliedBy(1L << Math.min(failedPolls, MAX_BACKOFF_DOUBLINGS));
            if (wait.compareTo(config.pollMaxBackoff()) > 0) {
                wait = config.pollMaxBackoff();
            }
            nextPollNanos = now + wait.toNanos();
            LOG.warnf("Schema reload from %s failed, keeping the current schema; next attempt in %s: %s",
                    source.describe(), wait, e.getMessage());
        }
    }

    private void schedule(String id, Duration interval, Runnable task) {
        scheduler.newJob(id)
                .setInterval(interval.toString())
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setTask(execution -> task.run())
                .schedule();
    }

    private DemandControlOptions demandControl() {
        GatewayConfig.DemandControl demand = config.demandControl();
        return new DemandControlOptions(demand.mode(), demand.maxCost(), demand.listSize());
    }

    private GatewayOptions options() {
        GatewayConfig.Limits limits = config.limits();
        return GatewayOptions.builder()
                .introspectionEnabled(config.introspection())
                .maxDepth(limits.maxDepth())
                .maxAliases(limits.maxAliases())
                .maxRootFields(limits.maxRootFields())
                .maxDocumentBytes(limits.maxDocumentBytes())
                .maxTokens(limits.maxTokens())
                .maxFields(limits.maxFields())
                .planCacheSize(config.planCacheSize())
                .preparationTimeout(limits.preparationTimeout())
                .requestTimeout(limits.requestTimeout())
                .exposeSubgraphErrorDetails(config.exposeSubgraphErrorDetails())
                .preparationExecutor(preparationExecutor)
                .overrideLabels(Set.copyOf(config.overrideLabels().orElse(List.of())))
                .overrideListener(overrideMetrics)
                .build();
    }
}
