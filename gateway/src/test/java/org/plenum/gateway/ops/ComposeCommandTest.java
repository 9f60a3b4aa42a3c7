package org.plenum.gateway.ops;

import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plenum.gateway.engine.compose.SupergraphShape;
import org.plenum.gateway.engine.supergraph.Supergraph;
import org.plenum.gateway.shell.LibrarySubgraphs;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code compose} on rover's supergraph.yaml: schema files and subgraph URLs (a real local server answering
 * {@code _service { sdl }}), the composer's errors with exit code 1, invalid input with exit code 2 and no stack trace.
 */
class ComposeCommandTest {

    private static Vertx vertx;
    private static LibrarySubgraphs subgraphs;
    private static String server;

    @TempDir
    Path folder;

    @BeforeAll
    static void startSubgraphs() {
        vertx = Vertx.vertx();
        subgraphs = new LibrarySubgraphs(vertx);
        server = subgraphs.start();
    }

    @AfterAll
    static void stopSubgraphs() {
        subgraphs.stop();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void composesSchemaFilesToStandardOutput() throws IOException {
        Run run = run(Map.of(), "compose", "--config", resource("ops/compose/supergraph.yaml").toString());

        assertEquals(Commands.OK, run.exitCode, run.err);
        assertEquals(SupergraphShape.of(Files.readString(resource("compose/entity-split/supergraph.graphql"))),
                SupergraphShape.of(run.out));
    }

    @Test
    void writesTheSupergraphToTheOutputFile() {
        Path output = folder.resolve("supergraph.graphql");

        Run run = run(Map.of(), "compose", "--config", resource("ops/compose/supergraph.yaml").toString(),
                "--output", output.toString());

        assertEquals(Commands.OK, run.exitCode, run.err);
        assertThat(run.out, emptyString());
        assertThat(run.err, containsString("Composed 2 subgraphs into " + output));
        Supergraph.parse(Commands.readFile(output, "output")); // usable by the gateway as it is
    }

    @Test
    void compositionErrorsNameSubgraphTypeAndFieldAndExitWithOne() {
        Path output = folder.resolve("never-written.graphql");

        Run run = run(Map.of(), "compose", "--config", resource("ops/compose-errors/supergraph.yaml").toString(),
                "--output", output.toString());

        assertEquals(Commands.FAILED, run.exitCode);
        assertThat(run.err, allOf(containsString("composition failed with 1 error(s)"),
                containsString("\"Product.price\""), containsString("subgraph \"a\""), containsString("subgraph \"b\""),
                not(containsString("Exception"))));
        assertEquals(false, Files.exists(output));
    }

    @Test
    void unsatisfiableQueriesAreShownIndentedWithTheErrorCode() {
        Run run = run(Map.of(), "compose", "--config", resource("ops/compose-unsatisfiable/supergraph.yaml").toString());

        assertEquals(Commands.FAILED, run.exitCode);
        assertThat(run.err, allOf(containsString("composition failed with 1 error(s) [SATISFIABILITY_ERROR]:"),
                containsString("  The following supergraph API query:\n    {\n      product(id: \"<any id>\") {\n        rating\n"),
                containsString("\n    - from subgraph \"a\":\n      - cannot find field \"Product.rating\"."),
                not(containsString("Exception"))));
    }

    @Test
    void fetchesSubgraphSdlFromUrlsWithEnvironmentHeaders() throws IOException {
        Path config = Files.writeString(folder.resolve("supergraph.yaml"), """
                federation_version: =2.7.0
                subgraphs:
                  catalog:
                    routing_url: http://catalog.internal/graphql
                    schema:
                      subgraph_url: %1$s/catalog
                      introspection_headers:
                        Authorization: Bearer ${env.CATALOG_TOKEN}
                  reviews:
                    schema:
                      subgraph_url: %1$s/reviews
                  stock:
                    routing_url: http://stock.internal/graphql
                    schema:
                      subgraph_url: %1$s/stock
                """.formatted(server));

        Run run = run(Map.of("CATALOG_TOKEN", "secret"), "compose", "--config", config.toString());

        assertEquals(Commands.OK, run.exitCode, run.err);
        assertThat(run.out, allOf(containsString("url: \"http://catalog.internal/graphql\""),
                containsString("url: \"" + server + "/reviews\""), // routing_url defaults to subgraph_url
                containsString("pages: Int")));
    }

    @Test
    void readsTheConfigurationFromStandardInput() throws IOException {
        String yaml = Files.readString(resource("ops/compose/supergraph.yaml"))
                .replace("../../compose/", resource("compose").toString() + "/");

        Run run = runWithInput(yaml, "compose", "--config", "-");

        assertEquals(Commands.OK, run.exitCode, run.err);
        assertThat(run.out, containsString("join__Graph"));
    }

    @Test
    void invalidInputIsOneLineAndExitCodeTwo() throws IOException {
        assertInvalid(run(Map.of(), "compose"), "compose: --config is required");
        assertInvalid(run(Map.of(), "compose", "--config", "absent.yaml", "--verbose"), "compose: unknown argument --verbose");
        assertInvalid(run(Map.of(), "compose", "--config", folder.resolve("absent.yaml").toString()),
                "supergraph.yaml " + folder.resolve("absent.yaml") + " does not exist");
        assertInvalid(compose("subgraphs: [a, b"), "supergraph.yaml is not valid YAML");
        assertInvalid(compose("federation_version: 1\nsubgraphs: {}"), "federation_version 1 is not supported");
        assertInvalid(compose("subgraphs:\n  a:\n    routing_url: http://a\n"), "subgraph 'a': `schema` is missing");
        assertInvalid(compose("subgraphs:\n  a:\n    routing_url: http://a\n    schema:\n      file: a.graphql\n"),
                "schema file of subgraph 'a' " + folder.resolve("a.graphql") + " does not exist");
        assertInvalid(compose("subgraphs:\n  a:\n    schema:\n      subgraph_url: http://a\n      introspection_headers:\n"
                + "        X-Key: ${env.MISSING_KEY}\n"), "subgraph 'a': environment variable MISSING_KEY is not set");
        assertInvalid(compose("subgraphs:\n  plain:\n    schema:\n      subgraph_url: " + server + "/broken/graphql-500\n"),
                "subgraph 'plain' at " + server + "/broken/graphql-500");
        assertInvalid(compose("subgraphs:\n  gone:\n    schema:\n      subgraph_url: http://127.0.0.1:9/graphql\n"),
                "subgraph 'gone' at http://127.0.0.1:9/graphql: cannot be reached");
    }

    private Run compose(String yaml) throws IOException {
        Path config = Files.writeString(folder.resolve("supergraph.yaml"), yaml);
        return run(Map.of(), "compose", "--config", config.toString());
    }

    private static void assertInvalid(Run run, String message) {
        assertEquals(Commands.INVALID_INPUT, run.exitCode, run.err);
        assertThat(run.err, allOf(containsString("error: " + message), not(containsString("\tat "))));
    }

    private static Run run(Map<String, String> environment, String... args) {
        return execute(environment, "", args);
    }

    private static Run runWithInput(String stdin, String... args) {
        return execute(Map.of(), stdin, args);
    }

    private static Run execute(Map<String, String> environment, String stdin, String[] args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = Commands.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                environment::get);
        return new Run(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Path resource(String path) {
        try {
            return Path.of(ComposeCommandTest.class.getClassLoader().getResource(path).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    record Run(int exitCode, String out, String err) {
    }
}
