package org.plenum.gateway.engine.compose;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The satisfiability validation against {@code @apollo/composition}: every fixture of the test resources (composer,
 * planner and shell fixtures) that Apollo composes has no satisfiability error with ours either, and the
 * {@code error-satisfiability-*} fixtures give Apollo's messages word for word.
 */
class SatisfiabilityCheckTest {

    private static final Path RESOURCES = resourcesRoot();

    /** Fixtures Apollo composed: a supergraph.graphql it wrote (not one made by hand). */
    static Stream<Path> composedByApollo() throws IOException {
        try (Stream<Path> files = Files.walk(RESOURCES)) {
            return files.filter(path -> path.getFileName().toString().equals("supergraph.graphql"))
                    .filter(path -> Files.isDirectory(path.resolveSibling("subgraphs")))
                    .filter(path -> !read(path).startsWith("# Hand-made:"))
                    .map(Path::getParent)
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    static Stream<String> satisfiabilityFixtures() throws IOException {
        try (Stream<Path> dirs = Files.list(RESOURCES.resolve("compose"))) {
            return dirs.map(dir -> dir.getFileName().toString())
                    .filter(name -> name.startsWith("error-satisfiability-"))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    @ParameterizedTest
    @MethodSource("composedByApollo")
    void whatApolloComposesIsSatisfiable(Path fixture) {
        try {
            SupergraphComposer.compose(subgraphs(fixture));
        } catch (CompositionException e) {
            assertTrue(!CompositionException.SATISFIABILITY_ERROR.equals(e.code()), RESOURCES.relativize(fixture) + ": " + e.getMessage());
        }
    }

    @ParameterizedTest
    @MethodSource("satisfiabilityFixtures")
    void unsatisfiablePathsAreReportedInApolloWords(String fixture) {
        Path dir = RESOURCES.resolve("compose").resolve(fixture);

        CompositionException failure = assertThrows(CompositionException.class, () -> SupergraphComposer.compose(subgraphs(dir)));

        assertEquals(CompositionException.SATISFIABILITY_ERROR, failure.code());
        List<String> expected = read(dir.resolve("errors.txt")).lines().filter(line -> !line.isBlank()).toList();
        assertEquals(expected, failure.errors().stream().map(error -> error.replace('\n', ' ')).toList());
    }

    @Test
    void messageQuotesTheQueryOnItsOwnLines() {
        CompositionException failure = assertThrows(CompositionException.class,
                () -> SupergraphComposer.compose(subgraphs(RESOURCES.resolve("compose/error-satisfiability-unresolvable-key"))));

        assertEquals("""
                The following supergraph API query:
                {
                  product(id: "<any id>") {
                    rating
                  }
                }
                cannot be satisfied by the subgraphs because:
                - from subgraph "a":
                  - cannot find field "Product.rating".
                  - cannot move to subgraph "b", which has field "Product.rating", because none of the @key defined on type \
                "Product" in subgraph "b" are resolvable (they are all declared with their "resolvable" argument set to false).""",
                failure.errors().get(0));
    }

    private static List<SubgraphDefinition> subgraphs(Path fixture) {
        List<SubgraphDefinition> subgraphs = new ArrayList<>();
        try (Stream<Path> files = Files.list(fixture.resolve("subgraphs"))) {
            for (Path file : files.sorted().toList()) {
                String fileName = file.getFileName().toString();
                if (fileName.endsWith(".graphql")) {
                    String name = fileName.substring(0, fileName.length() - ".graphql".length());
                    subgraphs.add(new SubgraphDefinition(name, "http://" + name + ".test/graphql", read(file)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return subgraphs;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path resourcesRoot() {
        try {
            return Path.of(SatisfiabilityCheckTest.class.getResource("/compose").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
