package org.plenum.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The gateway's own settings, all under {@code plenum.gateway}. */
@ConfigMapping(prefix = "plenum.gateway")
public interface GatewayConfig {

    /**
     * A supergraph SDL file (join spec), as {@code @apollo/composition} or {@code rover supergraph compose} writes it.
     * When absent, the supergraph is composed from {@link #subgraphs()}.
     */
    Optional<Path> supergraphFile();

    /**
     * An HTTP(S) URL serving a composed supergraph SDL (a schema registry's CDN, an object store): fetched at startup
     * and polled every {@link #pollInterval()} (10s when unset) with {@code If-None-Match}/{@code If-Modified-Since}.
     * Exclusive with {@link #supergraphFile()}.
     */
    Optional<String> supergraphUrl();

    /** How the supergraph is fetched from {@link #supergraphUrl()}. */
    SupergraphFetch supergraphFetch();

    /** After failed polls the next ones wait longer (doubling the interval), at most this long. */
    @WithDefault("5m")
    Duration pollMaxBackoff();

    /**
     * Subgraphs by name. Without a supergraph file, each one's {@code _service { sdl }} is fetched from its URL and
     * composed at startup. With a supergraph file, a URL here overrides the one the file gives for that subgraph.
     */
    Map<String, Subgraph> subgraphs();

    /**
     * How often the supergraph file is re-read, the supergraph URL fetched or the subgraph SDLs re-fetched; off when
     * absent, except with a supergraph URL (every 10s).
     */
    Optional<Duration> pollInterval();

    /** While no schema could be loaded (subgraphs not up yet), how long to wait between attempts. */
    @WithDefault("5s")
    Duration loadRetryInterval();

    /** How long one subgraph fetch may take before its fields fail with SUBGRAPH_TIMEOUT. */
    @WithDefault("10s")
    Duration subgraphTimeout();

    /** How long connecting to a subgraph may take; part of, and shorter than, its fetch timeout. */
    @WithDefault("2s")
    Duration subgraphConnectTimeout();

    /** Most pooled HTTP connections per subgraph host. */
    @WithDefault("64")
    int subgraphConnectionPoolSize();

    /**
     * Whether identical query fetches to a subgraph that are in flight at the same time share one round trip (same
     * URL, document, variables and forwarded headers other than trace context). Mutations are never shared.
     */
    @WithDefault("true")
    boolean deduplicateFetches();

    /** Incoming request headers passed on to every subgraph fetch (case-insensitive). */
    @WithDefault("authorization,traceparent,tracestate,baggage")
    List<String> forwardHeaders();

    /**
     * Progressive {@code @override} labels that are active: a field overridden under such a label comes from the
     * overriding subgraph. Other labels are inactive, except "percent(x)" ones: active for x% of requests, decided per
     * request.
     */
    Optional<List<String>> overrideLabels();

    /** Whether {@code __schema} and {@code __type} are answered. */
    @WithDefault("true")
    boolean introspection();

    /** How many query plans are cached (per document and operation name). */
    @WithDefault("1000")
    int planCacheSize();

    /**
     * Whether a request with the header {@code Plenum-Expose-Query-Plan: true} gets its printed query plan in the
     * response's {@code extensions.queryPlan}. For debugging; plans reveal the subgraph layout, so off by default.
     */
    @WithDefault("false")
    boolean exposeQueryPlan();

    /**
     * Whether clients see the details of subgraph failures: transport errors (e.g. connection refused to which host)
     * and subgraph errors without an {@code extensions.code}. Off by default: clients get a code, the subgraph's name,
     * a short message and a request id; the details are logged under that id. For development only.
     */
    @WithDefault("false")
    boolean exposeSubgraphErrorDetails();

    Limits limits();

    DemandControl demandControl();

    Auth auth();

    Resilience resilience();

    PersistedDocuments persistedDocuments();

    interface Subgraph {

        /** The subgraph's GraphQL endpoint. */
        Optional<String> url();

        /** Overrides {@code plenum.gateway.subgraph-timeout} for this subgraph. */
        Optional<Duration> timeout();
    }

    interface SupergraphFetch {

        /** Request headers sent with every fetch, e.g. {@code "X-Hive-CDN-Key"} or {@code Authorization}. */
        Map<String, String> headers();

        /** How long one fetch may take. */
        @WithDefault("10s")
        Duration timeout();

        /** Largest supergraph accepted (bytes); a larger answer fails the fetch. */
        @WithDefault("16777216")
        int maxBytes();
    }

    /**
     * Bearer-token authentication. Without a JWKS URL no token can be verified: requests carrying one get 401 and
     * anonymous requests are served.
     */
    interface Auth {

        /** The issuer's public keys (JWKS): an {@code http:}, {@code https:} or {@code file:} URL. */
        Optional<String> jwksUrl();

        /** The required {@code iss} claim; must be set with a JWKS URL. */
        Optional<String> issuer();

        /** Accepted {@code aud} values (any of them); must be set with a JWKS URL. */
        Optional<List<String>> audience();

        /** Tolerance for {@code exp} and {@code nbf} against clocks that differ a little. */
        @WithDefault("30s")
        Duration clockSkew();

        /** How long fetched keys are used before the JWKS is fetched again. */
        @WithDefault("10m")
        Duration jwksCacheDuration();

        /** The shortest time between two JWKS fetches, also for tokens naming an unknown key id. */
        @WithDefault("30s")
        Duration jwksMinRefreshInterval();

        /** How long one JWKS fetch may take. */
        @WithDefault("5s")
        Duration jwksTimeout();

        /**
         * How the supergraph's {@code @policy} requirements are decided: policy name (as in
         * {@code @policy(policies: [["name"]])}) -> the claims rule that satisfies it, e.g.
         * {@code plenum.gateway.auth.policies."hr".claim=roles} and {@code ...values=hr,admin}. A policy without a rule
         * is never satisfied.
         */
        Map<String, PolicyRule> policies();
    }

    interface PolicyRule {

        /** The claim of the caller's verified token to read; a dotted path reaches into nested claims ({@code realm_access.roles}). */
        String claim();

        /** The claim must equal one of these, or (a list claim) contain one of them. */
        List<String> values();
    }

    /** Operation limits; 0 or less means unlimited. */
    interface Limits {

        @WithDefault("15")
        int maxDepth();

        @WithDefault("30")
        int maxAliases();

        @WithDefault("20")
        int maxRootFields();

        /** Largest GraphQL document (UTF-8 bytes). */
        @WithDefault("100000")
        int maxDocumentBytes();

        /** Largest HTTP request body (document, variables and extensions together); larger ones get 413. */
        @WithDefault("1048576")
        int maxRequestBytes();

        /** Most lexical tokens in a document; the parser stops at the first one beyond. */
        @WithDefault("15000")
        int maxTokens();

        /** Most fields an operation or fragment may have once its fragments are expanded (checked before validation). */
        @WithDefault("2000")
        int maxFields();

        /** How long parsing, validating and planning an unseen document may take; longer ones are refused (and remembered). */
        @WithDefault("2s")
        Duration preparationTimeout();

        /** How many unseen documents are prepared at once (off the event loop); more wait in a queue. */
        @WithDefault("2")
        int preparationThreads();

        /** How many unseen documents may wait for preparation; beyond that, 503 with Retry-After. */
        @WithDefault("64")
        int preparationQueue();

        /** How long a whole request may take once received; subgraph fetches still running then are cancelled. */
        @WithDefault("30s")
        Duration requestTimeout();

        /** How long a client may take to send its request body; slower connections are closed. */
        @WithDefault("10s")
        Duration requestBodyTimeout();

        /** Most GraphQL requests executing at once; beyond that, 503 with Retry-After. */
        @WithDefault("500")
        int maxConcurrentRequests();

        /** Largest response sent to a client (bytes); a larger one is replaced by an error. */
        @WithDefault("8388608")
        int maxResponseBytes();

        /** Largest response read from a subgraph (bytes); a larger one fails that fetch. */
        @WithDefault("16777216")
        int maxSubgraphResponseBytes();
    }

    /**
     * Demand control: the estimated cost of each operation from the subgraphs' {@code @cost}/{@code @listSize}
     * (Apollo's static estimate), checked before any subgraph is called.
     */
    interface DemandControl {

        /** enforce: refuse operations estimated above max-cost; measure: estimate and measure only; off: neither. */
        @WithDefault("enforce")
        org.plenum.gateway.engine.cost.DemandControlOptions.Mode mode();

        /** The most an operation may be estimated to cost (COST_ESTIMATED_TOO_EXPENSIVE above it). */
        @WithDefault("50000")
        long maxCost();

        /** How many items a list is assumed to hold when neither a slicing argument nor @listSize says. */
        @WithDefault("10")
        int listSize();

        /**
         * Whether every response carries {@code extensions.cost {estimated, actual, max}}; without it, only requests
         * with the header {@code Plenum-Expose-Cost: true} get it.
         */
        @WithDefault("false")
        boolean exposeCost();
    }

    /**
     * What the gateway does about failing subgraphs, each subgraph on its own (client/SubgraphGuard): retries of
     * queries whose request never reached a working subgraph, and a circuit breaker.
     */
    interface Resilience {

        /** Retries of a query fetch after a connection failure or HTTP 502/503/504; mutations are never retried. */
        @WithDefault("2")
        int retries();

        /** The first retry's delay; each further one doubles it, up to ten times this, with jitter. */
        @WithDefault("50ms")
        Duration retryBackoff();

        /**
         * Retries may be at most this fraction of a subgraph's fetches (plus a reserve of 10), so that retrying
         * cannot multiply the load on a subgraph that is failing for everyone.
         */
        @WithDefault("0.2")
        double retryBudget();

        CircuitBreaker circuitBreaker();

        /**
         * Opens when, of the last {@code request-volume} fetches, at least {@code failure-ratio} failed (unavailable
         * or timed out): fetches then fail at once with SUBGRAPH_UNAVAILABLE, without calling the subgraph, until
         * after {@code delay} one probe is let through; its success closes the breaker again.
         */
        interface CircuitBreaker {

            @WithDefault("true")
            boolean enabled();

            @WithDefault("20")
            int requestVolume();

            @WithDefault("0.5")
            double failureRatio();

            @WithDefault("5s")
            Duration delay();
        }
    }

    /**
     * Persisted documents: Apollo's automatic persisted queries (clients send a SHA-256, register the document when
     * it is unknown) and trusted documents (a manifest from the clients' build, by id or hash, optionally the only
     * documents allowed to run).
     */
    interface PersistedDocuments {

        /** What happens to documents not in the manifest: allow, log (run, log and count) or refuse. */
        @WithDefault("allow")
        SafelistMode mode();

        /**
         * The manifest: Apollo's persisted query manifest or a plain {@code {"id": "document"}} JSON map. Required by
         * the modes log and refuse.
         */
        Optional<Path> manifestFile();

        /** How often the manifest file is checked for changes (modification time and size); 0 checks never. */
        @WithDefault("10s")
        Duration manifestPollInterval();

        /** Largest manifest file read (bytes); a larger one is refused like a broken one. */
        @WithDefault("10485760")
        int maxManifestBytes();

        Apq apq();

        interface Apq {

            /**
             * Whether clients may register documents by hash. It lets anyone store documents, but no more than they
             * could send as {@code query} anyway: the same limits and the safelist mode apply, and the store is bounded.
             */
            @WithDefault("true")
            boolean enabled();

            /** The most document characters the store holds (about bytes); the least used entries are dropped beyond. */
            @WithDefault("4194304")
            long maxStoreBytes();
        }
    }
}
