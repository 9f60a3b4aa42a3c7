package org.plenum.gateway.engine;

import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.plenum.gateway.engine.subgraph.SubgraphClient;
import org.plenum.gateway.engine.supergraph.SupergraphException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The smoke operations a new supergraph must plan before it replaces the one in use: every supergraph fixture (planner,
 * composer and shell fixtures, all composed by {@code @apollo/composition} or our composer) passes, so none is refused
 * wrongly; one whose root field cannot be planned is refused with a message saying so.
 */
class SmokeOperationsTest {

    private static final SubgraphClient NO_SUBGRAPHS = request -> Uni.createFrom().failure(new AssertionError("not called"));

    static Stream<Path> supergraphFixtures() throws IOException, URISyntaxException {
        Path resources = Path.of(SmokeOperationsTest.class.getClassLoader().getResource("supergraphs").toURI()).getParent();
        return Files.walk(resources)
                .filter(path -> path.getFileName().toString().equals("supergraph.graphql"))
                .sorted();
    }

    @ParameterizedTest
    @MethodSource("supergraphFixtures")
    void everyFixtureSupergraphPlansItsRootFields(Path supergraph) throws IOException {
        Gateway.create(Files.readString(supergraph), NO_SUBGRAPHS, GatewayOptions.defaults()).planSmokeOperations();
    }

    @Test
    void aRootFieldThatNoSubgraphResolvesIsRefused() {
        String supergraph = Fixtures.supergraph("mutations");
        String unresolvable = supergraph.replaceFirst("(type Query[^{]*\\{)", "$1\n  orphan: String @join__field\n");
        Gateway gateway = Gateway.create(unresolvable, NO_SUBGRAPHS, GatewayOptions.defaults());

        assertThat(assertThrows(SupergraphException.class, gateway::planSmokeOperations).getMessage(),
                allOf(startsWith("Planning the root query fields failed: "), containsString("orphan")));
    }
}
