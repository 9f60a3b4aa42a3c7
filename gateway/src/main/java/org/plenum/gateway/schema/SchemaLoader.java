package org.plenum.gateway.schema;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.plenum.gateway.config.GatewayConfig;
import org.plenum.gateway.config.PreparationExecutor;
import org.plenum.gateway.engine.Gateway;
import org.plenum.gateway.engine.GatewayOptions;
import org.plenum.gateway.engine.SubgraphClient;
import org.plenum.gateway.engine.SubgraphFailure;
import org.plenum.gateway.engine.authorization.PolicyEvaluator;
import org.plenum.gateway.engine.cost.DemandControlOptions;

import java.time.Duration;

/**
 * Loads the supergraph at startup and, when {@code plenum.gateway.poll-interval} is set, again periodically.
 * An unusable supergraph at startup stops the gateway; unreachable subgraphs only delay readiness (loading is
 * retried). A failed reload keeps the schema in use.
 */
@ApplicationScoped
public class SchemaLoader {

    private static final Logger LOG = Logger.getLogger(SchemaLoader.class);
    private static final String RETRY_JOB = "plenum-schema-load-retry";
    private static final String POLL_JOB = "plenum-schema-poll";

    private final SupergraphSource source;
    private final ActiveGateway active;
    private final SubgraphClient client;
    private final GatewayConfig config;
    private final Scheduler scheduler;
    private final PreparationExecutor preparationExecutor;
    private final PolicyEvaluator policies;
    private String loadedSdl;

    public SchemaLoader(SupergraphSource source, ActiveGateway active, SubgraphClient client, GatewayConfig config,
                        Scheduler scheduler, PreparationExecutor preparationExecutor, PolicyEvaluator policies) {
        this.source = source;
        this.active = active;
        this.client = client;
        this.config = config;
        this.scheduler = scheduler;
        this.preparationExecutor = preparationExecutor;
        this.policies = policies;
    }

    void onStart(@Observes StartupEvent event) {
        try {
            reload();
        } catch (SubgraphFailure unreachable) {
            LOG.warnf("No schema yet, retrying every %s: %s", config.loadRetryInterval(), unreachable.getMessage());
            schedule(RETRY_JOB, config.loadRetryInterval(), this::retryUntilLoaded);
        } catch (RuntimeException unusable) {
            throw new GatewayStartupException("Cannot start the gateway from " + source.describe() + ": "
                    + unusable.getMessage());
        }
        config.pollInterval().ifPresent(interval -> schedule(POLL_JOB, interval, this::poll));
    }

    /** Loads the supergraph and swaps it in if it changed; blocking, so called on the main or a worker thread. */
    synchronized void reload() {
        String sdl = source.load().await().indefinitely();
        if (sdl.equals(loadedSdl)) {
            return;
        }
        Gateway gateway = Gateway.create(sdl, client, options(), policies, demandControl());
        active.install(gateway);
        boolean first = loadedSdl == null;
        loadedSdl = sdl;
        LOG.infof("%s supergraph from %s; subgraphs %s", first ? "Loaded" : "Reloaded", source.describe(),
                gateway.subgraphUrls());
    }

    private void retryUntilLoaded() {
        try {
            reload();
            scheduler.unscheduleJob(RETRY_JOB);
        } catch (RuntimeException e) {
            LOG.warnf("Still no schema, retrying in %s: %s", config.loadRetryInterval(), e.getMessage());
        }
    }

    /** One polling round: reload, keeping the current schema when that fails. */
    void poll() {
        try {
            reload();
        } catch (RuntimeException e) {
            LOG.warnf("Schema reload from %s failed, keeping the current schema: %s", source.describe(), e.getMessage());
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
                .build();
    }
}
