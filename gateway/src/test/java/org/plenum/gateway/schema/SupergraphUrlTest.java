package org.plenum.gateway.schema;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.mutiny.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.plenum.gateway.client.VertxSubgraphClient;
import org.plenum.gateway.config.GatewayConfig;
import org.plenum.gateway.config.GatewayStartupException;
import org.plenum.gateway.config.PreparationExecutor;
import org.plenum.gateway.engine.Gateway;
import org.plenum.gateway.engine.authorization.PolicyEvaluator;
import org.plenum.gateway.metrics.OverrideMetrics;
import org.plenum.gateway.metrics.SchemaMetrics;
import org.plenum.gateway.metrics.SubgraphMetrics;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code plenum.gateway.supergraph-url} against a local HTTP server that serves a supergraph which changes, a broken
 * one, errors and 304s: conditional fetches, configured headers, bounds, and a bad supergraph never replacing the one
 * in use (counted in metrics, the next polls backing off).
 */
class SupergraphUrlTest {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
    private static final String CDN_KEY = "cdn-secret";

    private static Vertx vertx;
    private static HttpServer server;
    private static String base;
    /** What /supergraph answers: status, ETag and body; a request with a matching If-None-Match gets 304. */
    private static volatile Answer answer;
    private static final List<Map<String, String>> requests = new CopyOnWriteArrayList<>();

    private SimpleMeterRegistry registry;
    private SchemaMetrics metrics;

    @BeforeAll
    static void startServer() throws Exception {
        vertx = Vertx.vertx();
        server = vertx.getDelegate().createHttpServer().requestHandler(SupergraphUrlTest::handle)
                .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get();
        base = "http://127.0.0.1:" + server.actualPort();
    }

    @AfterAll
    static void stopServer() {
        server.close();
        vertx.closeAndAwait();
    }

    @BeforeEach
    void reset() {
        requests.clear();
        registry = new SimpleMeterRegistry();
        metrics = new SchemaMetrics(registry); // one per registry, as the application has
    }

    private static void handle(HttpServerRequest request) {
        Map<String, String> headers = new HashMap<>();
        request.headers().forEach(header -> headers.put(header.getKey().toLowerCase(), header.getValue()));
        headers.put(":path", request.path());
        requests.add(headers);
        if (request.path().equals("/hang")) {
            return; // never answers
        }
        if (!CDN_KEY.equals(request.getHeader("X-Hive-CDN-Key"))) {
            request.response().setStatusCode(401).end("missing CDN key");
            return;
        }
        Answer current = answer;
        if (current.etag() != null && current.etag().equals(request.getHeader("If-None-Match"))) {
            request.response().setStatusCode(304).end();
            return;
        }
        if (current.etag() != null) {
            request.response().putHeader("ETag", current.etag());
        }
        request.response().setStatusCode(current.status()).end(current.body());
    }

    @Test
    void changedSupergraphIsSwappedInAnUnchangedOneIsNotFetchedAgain() {
        String original = resource("shell/library/supergraph.graphql");
        answer = new Answer(200, "\"v1\"", original);
        ActiveGateway active = new ActiveGateway();
        SchemaLoader loader = loader(Map.of(), active);

        loader.reload();
        Gateway first = active.current();
        SchemaVersion firstVersion = active.version();
        assertEquals(CDN_KEY, requests.get(0).get("x-hive-cdn-key"));
        assertEquals(SchemaVersion.of(original, firstVersion.loadedAt()).sha256(), firstVersion.sha256());
        assertEquals(1.0, registry.get("plenum.gateway.supergraph.info").tag("sha256", firstVersion.sha256()).gauge().value());
        assertEquals(firstVersion.loadedAt().getEpochSecond(),
                (long) registry.get("plenum.gateway.supergraph.loaded.timestamp").gauge().value());

        loader.poll();
        assertEquals("\"v1\"", requests.get(1).get("if-none-match"));
        assertSame(first, active.current(), "304: the schema in use stays");

        answer = new Answer(200, "\"v2\"", withBookPages(original));
        loader.poll();
        assertNotEquals(first, active.current());
        assertThat(active.current().apiSchemaSdl(), containsString("pages: Int"));
        assertNotEquals(firstVersion.sha256(), active.version().sha256());
        assertEquals(2.0, updates("loaded"));
        assertEquals(1, registry.find("plenum.gateway.supergraph.info").gauges().size(), "only the version in use");
    }

    @Test
    void brokenSupergraphNeverReplacesTheOneInUseAndIsCountedOnce() {
        answer = new Answer(200, "\"v1\"", resource("shell/library/supergraph.graphql"));
        ActiveGateway active = new ActiveGateway();
        SchemaLoader loader = loader(Map.of(), active);
        loader.reload();
        Gateway serving = active.current();
        SchemaVersion version = active.version();

        answer = new Answer(200, "\"broken\"", "this is not a supergraph");
        loader.poll();
        assertSame(serving, active.current());
        assertSame(version, active.version());
        assertEquals(1.0, updates("rejected"));

        int requestsSoFar = requests.size();
        loader.poll();
        assertEquals(requestsSoFar, requests.size(), "right after a failure, the next poll backs off");

        await().atMost(Duration.ofSeconds(5)).pollInterval(POLL_INTERVAL).untilAsserted(() -> {
            loader.poll();
            assertTrue(requests.size() > requestsSoFar);
        });
        assertSame(serving, active.current());
        assertEquals(1.0, updates("rejected"), "the same broken supergraph (304) is not tried again");

        answer = new Answer(503, null, "unavailable");
        await().atMost(Duration.ofSeconds(5)).pollInterval(POLL_INTERVAL).untilAsserted(() -> {
            loader.poll();
            assertEquals(1.0, updates("unavailable"));
        });
        assertSame(serving, active.current());
    }

    @Test
    void fetchFailuresSayWhatAndWhere() {
        answer = new Answer(200, null, "x".repeat(2000));
        SchemaLoader tooLarge = loader(Map.of("plenum.gateway.supergraph-fetch.max-bytes", "1000"), new ActiveGateway());
        assertThat(assertThrows(SupergraphUnavailableException.class, tooLarge::reload).getMessage(),
                containsString("the supergraph at " + base + "/supergraph is larger than 1000 bytes"));

        SchemaLoader hanging = loader(Map.of("plenum.gateway.supergraph-url", base + "/hang",
                "plenum.gateway.supergraph-fetch.timeout", "300ms"), new ActiveGateway());
        assertThat(assertThrows(SupergraphUnavailableException.class, hanging::reload).getMessage(),
                containsString("no supergraph from " + base + "/hang within 300 ms"));

        SchemaLoader withoutKey = loader(Map.of("plenum.gateway.supergraph-fetch.headers.\"X-Hive-CDN-Key\"", "wrong"),
                new ActiveGateway());
        assertThat(assertThrows(SupergraphUnavailableException.class, withoutKey::reload).getMessage(),
                containsString("HTTP 401 from " + base + "/supergraph"));
        assertEquals(3.0, updates("unavailable"));
    }

    @Test
    void headersCanComeFromTheEnvironment() {
        answer = new Answer(200, null, resource("shell/library/supergraph.graphql"));
        ActiveGateway active = new ActiveGateway();

        loader(Map.of(), Map.of("PLENUM_GATEWAY_SUPERGRAPH_FETCH_HEADERS_AUTHORIZATION", "Bearer from-a-secret"), active)
                .reload();

        assertTrue(active.isLoaded());
        assertEquals("Bearer from-a-secret", requests.get(0).get("authorization"));
    }

    @Test
    void unusableUrlConfigurationStopsStartup() {
        ActiveGateway active = new ActiveGateway();
        SchemaLoader notHttp = loader(Map.of("plenum.gateway.supergraph-url", "ftp://registry/supergraph"), active);
        assertThat(assertThrows(GatewayStartupException.class, () -> notHttp.onStart(null)).getMessage(),
                containsString("plenum.gateway.supergraph-url must be an http or https URL, not ftp://registry/supergraph"));

        SchemaLoader both = loader(Map.of("plenum.gateway.supergraph-file", "supergraph.graphql"), active);
        assertThat(assertThrows(GatewayStartupException.class, () -> both.onStart(null)).getMessage(),
                containsString("Set plenum.gateway.supergraph-url or plenum.gateway.supergraph-file, not both"));
        assertNull(active.version());
    }

    private double updates(String outcome) {
        return registry.get("plenum.gateway.supergraph.updates").tag("outcome", outcome).functionCounter().count();
    }

    private SchemaLoader loader(Map<String, String> overrides, ActiveGateway active) {
        return loader(overrides, Map.of(), active);
    }

    /** @param environment environment variables, as a Kubernetes ConfigMap or Secret gives them */
    private SchemaLoader loader(Map<String, String> overrides, Map<String, String> environment, ActiveGateway active) {
        Map<String, String> properties = new HashMap<>(Map.of(
                "plenum.gateway.supergraph-url", base + "/supergraph",
                "plenum.gateway.supergraph-fetch.headers.\"X-Hive-CDN-Key\"", CDN_KEY,
                "plenum.gateway.poll-interval", POLL_INTERVAL.toMillis() + "ms"));
        properties.putAll(overrides);
        GatewayConfig config = new SmallRyeConfigBuilder()
                .withMapping(GatewayConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new PropertiesConfigSource(properties, "test", 300))
                .withSources(new EnvConfigSource(environment, 400))
                .build()
                .getConfigMapping(GatewayConfig.class);
        VertxSubgraphClient client = new VertxSubgraphClient(vertx, new ObjectMapper(), OpenTelemetry.noop(),
                new SubgraphMetrics(registry), config);
        // no scheduler: the tests poll themselves
        return new SchemaLoader(new SupergraphSource(config, client, vertx, new SupergraphUrlFetcher(config, vertx)),
                active, client, config, null, new PreparationExecutor(config), PolicyEvaluator.NONE, metrics,
                new OverrideMetrics(registry));
    }

    /** The supergraph once the catalog subgraph exposes Book.pages (as SchemaPollingTest changes its file). */
    private static String withBookPages(String supergraph) {
        String author = "  author: Author! @join__field(graph: CATALOG)\n";
        assertTrue(supergraph.contains(author));
        return supergraph.replace(author, author + "  pages: Int @join__field(graph: CATALOG)\n");
    }

    private static String resource(String path) {
        try (InputStream in = SupergraphUrlTest.class.getClassLoader().getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Answer(int status, String etag, String body) {
    }
}
