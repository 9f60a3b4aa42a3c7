package org.plenum.gateway.engine.planning;

import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import org.junit.jupiter.api.Test;
import org.plenum.gateway.engine.supergraph.Supergraph;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertThrows;

/** The planner's contract beyond the plans themselves (those are in {@link GoldenPlanTest}). */
class QueryPlannerTest {

    @Test
    void planningThatRunsPastItsBudgetIsAbandonedRatherThanLeftRunning() throws IOException {
        Supergraph supergraph = Supergraph.parse(Files.readString(
                Path.of("src/test/resources/supergraphs/interface-chain/supergraph.graphql")));
        OperationDefinition operation = Parser.parse(Files.readString(
                Path.of("src/test/resources/supergraphs/interface-chain/plans/fourteen-levels-of-next.graphql")))
                .getDefinitionsOfType(OperationDefinition.class).get(0);
        QueryPlanner planner = new QueryPlanner(supergraph, Duration.ofNanos(1));
        assertThrows(PlanningTimeoutException.class, () -> planner.plan(operation, Map.of(), Map.of(), Set.of()));
    }
}
