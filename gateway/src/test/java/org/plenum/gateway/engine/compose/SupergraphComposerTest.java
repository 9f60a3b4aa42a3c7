package org.plenum.gateway.engine.compose;

import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
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
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Composes each fixture in {@code src/test/resources/compose/<case>/} (the fixtures' one layout: a
 * {@code subgraphs/<subgraph>.graphql} per subgraph, URL {@code http://<subgraph>.test/graphql}) and checks the result
 * against what {@code @apollo/composition} produced for the same subgraphs: {@code supergraph.graphql}, or the error
 * messages in {@code errors.txt} (one per line). {@code src/test/composition/compose.mjs} writes those files for every
 * fixture, and the build checks that none is stale. Supergraphs are compared by meaning ({@link SupergraphShape}), not text. Accepted differences: our
 * error messages may add where the problem is after Apollo's text; composition hints are not produced.
 */
class SupergraphComposerTest {

    private static final Path RESOURCES = resourcesRoot();
    /** Apollo passes @cacheTag on as @join__directive, a Router feature this composer leaves out on purpose. */
    private static final Set<String> NOT_COMPOSED_ALIKE = Set.of("supergraphs/join-directive");

    static Stream<String> supergraphFixtures() {
        return fixtures("supergraph.graphql");
    }

    static Stream<String> errorFixtures() {
        return fixtures("errors.txt");
    }

    @ParameterizedTest
    @MethodSource("supergraphFixtures")
    void composesTheSameSupergraphAsApolloComposition(String fixture) {
        String supergraph = SupergraphComposer.compose(subgraphs(fixture));

        Map<String, String> expected = SupergraphShape.of(read(fixture, "supergraph.graphql"));
        assertEquals(expected, SupergraphShape.of(supergraph), fixture);
    }

    @ParameterizedTest
    @MethodSource("supergraphFixtures")
    void composedSupergraphIsAValidGraphQLSchema(String fixture) {
        String supergraph = SupergraphComposer.compose(subgraphs(fixture));

        GraphQLSchema schema = UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().parse(supergraph));
        assertNotNull(schema.getQueryType());
        assertNotNull(schema.getType("join__Graph"));
    }

    @ParameterizedTest
    @MethodSource("errorFixtures")
    void reportsTheSameErrorsAsApolloComposition(String fixture) {
        List<SubgraphDefinition> subgraphs = subgraphs(fixture);

        CompositionException failure = assertThrows(CompositionException.class, () -> SupergraphComposer.compose(subgraphs));

        // ours may add where the problem is (Apollo's own message sometimes names no subgraph or field)
        List<String> expected = read(fixture, "errors.txt").lines().filter(line -> !line.isBlank()).toList();
        assertEquals(expected.size(), failure.errors().size(), failure.errors().toString());
        for (int i = 0; i < expected.size(); i++) {
            // errors.txt has one message a line: multi-line ones (satisfiability errors) with spaces for newlines
            String error = failure.errors().get(i).replace('\n', ' ');
            assertTrue(error.startsWith(expected.get(i)), error + "\nexpected: " + expected.get(i));
        }
    }

    @Test
    void nonShareableFieldInTwoSubgraphsNamesSubgraphsTypeAndField() {
        CompositionException failure = assertThrows(CompositionException.class,
                () -> SupergraphComposer.compose(subgraphs("compose/error-non-shareable")));

        String error = failure.errors().get(0);
        assertTrue(error.contains("\"Thing.name\""), error);
        assertTrue(error.contains("\"a\"") && error.contains("\"b\""), error);
        assertTrue(failure.getMessage().contains(error), failure.getMessage());
    }

    @Test
    void typeKindMismatchNamesSubgraphsTypeAndKinds() {
        CompositionException failure = assertThrows(CompositionException.class,
                () -> SupergraphComposer.compose(subgraphs("compose/error-kind-mismatch")));

        assertEquals(List.of("Type \"Thing\" has mismatched kind: it is defined as Object Type in subgraph \"a\""
                + " but Interface Type in subgraph \"b\""), failure.errors());
    }

    @Test
    void fieldTypeMismatchNamesSubgraphsTypeAndField() {
        CompositionException failure = assertThrows(CompositionException.class,
                () -> SupergraphComposer.compose(subgraphs("compose/error-type-mismatch")));

        String error = failure.errors().get(0);
        assertTrue(error.contains("\"Product.price\"") && error.contains("subgraph \"a\"") && error.contains("subgraph \"b\""), error);
    }

    @Test
    void invalidSdlNamesTheSubgraph() {
        List<SubgraphDefinition> subgraphs = List.of(
                new SubgraphDefinition("broken", "http://broken/graphql", "type Query { oops: }"));

        CompositionException failure = assertThrows(CompositionException.class, () -> SupergraphComposer.compose(subgraphs));

        assertTrue(failure.errors().get(0).startsWith("[broken] Invalid SDL"), failure.errors().toString());
    }

    @Test
    void unknownTypesNameSubgraphTypeAndField() {
        List<SubgraphDefinition> subgraphs = List.of(new SubgraphDefinition("shop", "http://shop/graphql",
                "type Query { product(id: ID!): Product  search(filter: Filter): [String] }"));

        CompositionException failure = assertThrows(CompositionException.class, () -> SupergraphComposer.compose(subgraphs));

        assertEquals(List.of("[shop] Unknown type Product (used by \"Query.product\")",
                "[shop] Unknown type Filter (used by \"Query.search(filter:)\")"), failure.errors());
    }

    @Test
    void fieldSetScalarOfTheSubgraphsOwnKeyDefinitionStaysOutOfTheSupergraph() {
        // @apollo/composition rejects this definition (it wants federation__FieldSet); we take it as machinery
        String sdl = """
                schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"]) { query: Query }
                directive @key(fields: FieldSet!, resolvable: Boolean = true) repeatable on OBJECT | INTERFACE
                scalar FieldSet
                type Query { speaker(id: ID!): Speaker }
                type Speaker @key(fields: "id") { id: ID! name: String }
                """;

        String supergraph = SupergraphComposer.compose(List.of(new SubgraphDefinition("speakers", "http://speakers/graphql", sdl)));

        assertTrue(SupergraphShape.of(supergraph).keySet().stream().noneMatch(element -> element.startsWith("FieldSet")), supergraph);
        assertTrue(supergraph.contains("@join__type(graph: SPEAKERS, key: \"id\")"), supergraph);
    }

    @Test
    void defaultValueLostByEnumIntersectionIsRejected() {
        List<SubgraphDefinition> subgraphs = List.of(
                new SubgraphDefinition("a", "http://a/graphql", "type Query { q(order: Sort = ASC): Int } enum Sort { ASC DESC }"),
                new SubgraphDefinition("b", "http://b/graphql", "type Query { r(order: Sort): Int } enum Sort { DESC }"));

        CompositionException failure = assertThrows(CompositionException.class, () -> SupergraphComposer.compose(subgraphs));

        assertTrue(failure.errors().get(0).contains("Invalid default value EnumValue{name='ASC'} for type Sort"),
                failure.errors().toString());
    }

    @Test
    void implementationMissingAnInterfaceFieldIsRejected() {
        List<SubgraphDefinition> subgraphs = List.of(new SubgraphDefinition("a", "http://a/graphql",
                "type Query { a: Media } interface Media { id: ID! title: String } type Book implements Media { id: ID! }"));

        CompositionException failure = assertThrows(CompositionException.class, () -> SupergraphComposer.compose(subgraphs));

        assertEquals(List.of("[a] Interface field Media.title expected but Book does not provide it."), failure.errors());
    }

    @Test
    void subgraphWithoutQueriesAnywhereIsRejected() {
        List<SubgraphDefinition> subgraphs = List.of(new SubgraphDefinition("things", "http://things/graphql",
                "type Thing { id: ID! }"));

        CompositionException failure = assertThrows(CompositionException.class, () -> SupergraphComposer.compose(subgraphs));

        assertEquals(List.of("No queries found in any subgraph: a supergraph must have a query root type."), failure.errors());
    }

    @Test
    void graphEnumValuesAreDerivedFromSubgraphNamesAndUrlsKept() {
        String supergraph = SupergraphComposer.compose(List.of(
                new SubgraphDefinition("speakers-service", "http://localhost:8082/graphql", "type Query { a: Int }"),
                new SubgraphDefinition("2nd", "http://localhost:9000/graphql", "type Query { b: Int }")));

        assertTrue(supergraph.contains("SPEAKERS_SERVICE @join__graph(name: \"speakers-service\", url: \"http://localhost:8082/graphql\")"),
                supergraph);
        assertTrue(supergraph.contains("_2ND @join__graph(name: \"2nd\", url: \"http://localhost:9000/graphql\")"), supergraph);
        assertTrue(supergraph.contains("a: Int @join__field(graph: SPEAKERS_SERVICE)"), supergraph);
    }

    @Test
    void federation27SubgraphsGetJoinV04AndProgressiveOverrideLabels() {
        String supergraph = SupergraphComposer.compose(subgraphs("compose/federation27-smallrye"));

        assertTrue(supergraph.contains("@link(url: \"https://specs.apollo.dev/join/v0.4\", for: EXECUTION)"), supergraph);
        assertTrue(supergraph.contains("bio: String @join__field(graph: SPEAKERS, override: \"topics\", overrideLabel: \"percent(25)\")"
                + " @join__field(graph: TOPICS, overrideLabel: \"percent(25)\")"), supergraph);
    }

    private static List<SubgraphDefinition> subgraphs(String fixture) {
        List<SubgraphDefinition> subgraphs = new ArrayList<>();
        try (Stream<Path> files = Files.list(RESOURCES.resolve(fixture).resolve("subgraphs"))) {
            for (Path file : files.sorted().toList()) {
                String fileName = file.getFileName().toString();
                if (fileName.endsWith(".graphql")) {
                    String name = fileName.substring(0, fileName.length() - ".graphql".length());
                    subgraphs.add(new SubgraphDefinition(name, "http://" + name + ".test/graphql", Files.readString(file)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return subgraphs;
    }

    /**
     * Fixtures by path below the resources: the composer's own ({@code compose/}) and, for what Apollo composes, the
     * planner's ({@code supergraphs/}), so that a case both need is written once. Hand-made supergraphs are not
     * Apollo's output.
     */
    private static Stream<String> fixtures(String marker) {
        Stream<String> planner = marker.equals("supergraph.graphql") ? fixturesIn("supergraphs", marker) : Stream.empty();
        return Stream.concat(fixturesIn("compose", marker), planner);
    }

    private static Stream<String> fixturesIn(String folder, String marker) {
        try (Stream<Path> dirs = Files.list(RESOURCES.resolve(folder))) {
            return dirs.filter(dir -> Files.exists(dir.resolve(marker)))
                    .filter(dir -> !read(RESOURCES.relativize(dir).toString(), marker).startsWith("# Hand-made:"))
                    .filter(dir -> !NOT_COMPOSED_ALIKE.contains(RESOURCES.relativize(dir).toString()))
                    .map(dir -> RESOURCES.relativize(dir).toString())
                    .sorted()
                    .toList()
                    .stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(String fixture, String file) {
        try {
            return Files.readString(RESOURCES.resolve(fixture).resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path resourcesRoot() {
        try {
            return Path.of(SupergraphComposerTest.class.getResource("/compose").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
