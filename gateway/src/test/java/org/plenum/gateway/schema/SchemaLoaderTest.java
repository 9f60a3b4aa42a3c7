package org.plenum.gateway.schema;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.vertx.mutiny.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plenum.gateway.client.VertxSubgraphClient;
import org.plenum.gateway.config.GatewayConfig;
import org.plenum.gateway.config.GatewayStartupException;
import org.plenum.gateway.config.PreparationExecutor;
import org.plenum.gateway.engine.GatewayRequest;
import org.plenum.gateway.engine.GatewayResponse;
import org.plenum.gateway.engine.authorization.PolicyEvaluator;
import org.plenum.gateway.metrics.OverrideMetrics;
import org.plenum.gateway.metrics.SchemaMetrics;
import org.plenum.gateway.metrics.SubgraphMetrics;
import org.plenum.gateway.shell.LibrarySubgraphs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Loading outside Quarkus, with real configuration and a real local subgraph server: a supergraph that cannot be
 * used stops startup with a message saying what is wrong and where; the engine gets the configured options.
 */
class SchemaLoaderTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private static Vertx vertx;
    private static LibrarySubgraphs subgraphs;
    private static String server;

    @TempDir
    Path folder;

    @BeforeAll
    static void startSubgraphs() {
        vertx = Vertx.vertx();
        subgraphs = new LibrarySubgraphs(vertx.getDelegate());
        server = subgraphs.start();
    }

    @AfterAll
    static void stopSubgraphs() {
        subgraphs.stop();
        vertx.closeAndAwait();
    }

    @Test
    void invalidSupergraphFile() throws IOException {
        Path file = Files.writeString(folder.resolve("supergraph.graphql"), "type Query { hello: String }");

        assertThat(startupFailure(Map.of("plenum.gateway.supergraph-file", file.toString())),
                startsWith("Cannot start the gateway from file " + file.toAbsolutePath() + ": "));
    }

    @Test
    void missingSupergraphFile() {
        Path file = folder.resolve("absent.graphql");

        assertThat(startupFailure(Map.of("plenum.gateway.supergraph-file", file.toString())),
                startsWith("Cannot start the gateway from file " + file.toAbsolutePath() + ": the file cannot be read ("));
    }

    @Test
    void nothingConfigured() {
        assertThat(startupFailure(Map.of()), containsString(
                "No supergraph configured: set plenum.gateway.supergraph-file or plenum.gateway.subgraphs.<name>.url"));
    }

    @Test
    void compositionErrorNamesSubgraphAndField() {
        String failure = startupFailure(Map.of(
                "plenum.gateway.subgraphs.catalog.url", server + "/catalog",
                "plenum.gateway.subgraphs.catalog-copy.url", server + "/catalog"));

        assertThat(failure, allOf(startsWith("Cannot start the gateway from subgraphs"),
                containsString("catalog-copy"), containsString("books")));
    }

    @Test
    void subgraphThatIsNotAFederationSubgraph() {
        assertThat(startupFailure(Map.of("plenum.gateway.subgraphs.plain.url", server + "/broken/graphql-500")),
                containsString("Subgraph 'plain' at " + server + "/broken/graphql-500 did not answer `_service { sdl }`"));
    }

    @Test
    void introspectionAndLimitsReachTheEngine() {
        ActiveGateway active = new ActiveGateway();
        loader(Map.of(
                "plenum.gateway.subgraphs.catalog.url", server + "/catalog",
                "plenum.gateway.subgraphs.reviews.url", server + "/reviews",
                "plenum.gateway.subgraphs.stock.url", server + "/stock",
                "plenum.gateway.introspection", "false",
                "plenum.gateway.limits.max-root-fields", "1"), active).reload();

        assertThat(errors(active, "{ __schema { queryType { name } } }"), containsString("ntrospection"));
        assertThat(errors(active, "{ books { title } book(isbn: \"1\") { title } }"), containsString("root field"));
        assertThat(active.current().execute(new GatewayRequest("{ books { title } }", null, Map.of(), Map.of()))
                .await().atMost(WAIT).body().toString(), containsString("Glass Orchards"));
    }

    @Test
    void overrideLabelsReachTheEngine() {
        String supergraph = Path.of("src/test/resources/supergraphs/progressive-override/supergraph.graphql").toString();
        ActiveGateway off = new ActiveGateway();
        loader(Map.of("plenum.gateway.supergraph-file", supergraph), off).reload();
        ActiveGateway on = new ActiveGateway();
        loader(Map.of("plenum.gateway.supergraph-file", supergraph,
                "plenum.gateway.override-labels", "multi-currency,another"), on).reload();

        // Item.currency moves from legacy to pricing under the label "multi-currency"
        String query = "{ items { currency } }";
        assertThat(off.current().explain(query, null), allOf(containsString("legacy"), not(containsString("pricing"))));
        assertThat(on.current().explain(query, null), containsString("Fetch(service: \"pricing\")"));
    }

    private static String errors(ActiveGateway active, String query) {
        GatewayResponse response = active.current().execute(new GatewayRequest(query, null, Map.of(), Map.of()))
                .await().atMost(WAIT);
        return String.valueOf(response.body().get("errors"));
    }

    private static String startupFailure(Map<String, String> properties) {
        SchemaLoader loader = loader(properties, new ActiveGateway());
        return assertThrows(GatewayStartupException.class, () -> loader.onStart(null)).getMessage();
    }

    private static SchemaLoader loader(Map<String, String> properties, ActiveGateway active) {
        Map<String, String> settings = new HashMap<>(properties);
        // the circuit breaker comes from Quarkus' Fault Tolerance, which these tests run without
        settings.put("plenum.gateway.resilience.circuit-breaker.enabled", "false");
        GatewayConfig config = new SmallRyeConfigBuilder()
                .withMapping(GatewayConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter()) // "10s" as Quarkus reads it
                .withSources(new PropertiesConfigSource(settings, "test", 300))
                .build()
                .getConfigMapping(GatewayConfig.class);
        VertxSubgraphClient client = new VertxSubgraphClient(vertx, new ObjectMapper(), OpenTelemetry.noop(),
                new SubgraphMetrics(new SimpleMeterRegistry()), config);
        // no scheduler: these tests neither poll nor retry
        return new SchemaLoader(new SupergraphSource(config, client, vertx, new SupergraphUrlFetcher(config, vertx)),
                active, client, config, null, new PreparationExecutor(config), PolicyEvaluator.NONE,
                new SchemaMetrics(new SimpleMeterRegistry()), new OverrideMetrics(new SimpleMeterRegistry()));
    }
}
