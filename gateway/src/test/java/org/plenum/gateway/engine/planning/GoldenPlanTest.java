package org.plenum.gateway.engine.planning;

import graphql.language.Document;
import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.plenum.gateway.engine.plan.OperationPlan;
import org.plenum.gateway.engine.plan.PlanPrinter;
import org.plenum.gateway.engine.plan.PlanningException;
import org.plenum.gateway.engine.supergraph.Supergraph;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The whole printed plan of each fixture's operations ({@code supergraphs/<fixture>/plans/<name>.graphql}) must equal
 * its golden file ({@code <name>.plan}): an extra, missing or reordered fetch fails. Header comments set what plans
 * depend on: {@code # condition <variable>: true|false}, {@code # active override label: <label>}. Run with
 * {@code -Dplenum.plans.update=true} to write the golden files anew, then review their diff.
 */
class GoldenPlanTest {

    private static final Path FIXTURES = Path.of("src/test/resources/supergraphs");
    private static final Pattern CONDITION = Pattern.compile("^# condition (\\w+): (true|false)$", Pattern.MULTILINE);
    /** a progressive @override label to plan with as active (the others are not) */
    private static final Pattern ACTIVE_LABEL = Pattern.compile("^# active override label: (\\S+)$", Pattern.MULTILINE);
    private static final boolean UPDATE = Boolean.getBoolean("plenum.plans.update");
    /** Not a speed check: a plan whose cost explodes again fails its test instead of hanging the build. */
    private static final Duration HANG_GUARD = Duration.ofSeconds(30);

    @TestFactory
    Stream<DynamicTest> plansMatchTheirGoldenFiles() throws IOException {
        List<Path> operations;
        try (Stream<Path> files = Files.walk(FIXTURES)) {
            operations = files.filter(file -> file.getParent().getFileName().toString().equals("plans")
                    && file.toString().endsWith(".graphql")).sorted().toList();
        }
        return operations.stream().map(operation -> DynamicTest.dynamicTest(
                FIXTURES.relativize(operation).toString(), () -> check(operation)));
    }

    private static void check(Path operationFile) throws IOException {
        Path fixture = operationFile.getParent().getParent();
        Supergraph supergraph = Supergraph.parse(Files.readString(fixture.resolve("supergraph.graphql")));
        String plan;
        try {
            plan = PlanPrinter.print(plan(supergraph, Files.readString(operationFile)).root());
        } catch (PlanningException e) {
            plan = "Planning fails: " + e.getMessage() + "\n"; // the answer some operations must get
        }
        Path golden = Path.of(operationFile.toString().replaceFirst("\\.graphql$", ".plan"));
        if (UPDATE) {
            Files.writeString(golden, plan);
        }
        assertEquals(Files.exists(golden) ? Files.readString(golden) : "(no golden file " + golden + ")", plan);
    }

    static OperationPlan plan(Supergraph supergraph, String text) {
        Document document = Parser.parse(text);
        Map<String, FragmentDefinition> fragments = new LinkedHashMap<>();
        document.getDefinitionsOfType(FragmentDefinition.class).forEach(f -> fragments.put(f.getName(), f));
        Map<String, Object> conditions = new LinkedHashMap<>();
        Matcher condition = CONDITION.matcher(text);
        while (condition.find()) {
            conditions.put(condition.group(1), Boolean.parseBoolean(condition.group(2)));
        }
        Set<String> activeLabels = new TreeSet<>();
        Matcher label = ACTIVE_LABEL.matcher(text);
        while (label.find()) {
            activeLabels.add(label.group(1));
        }
        OperationDefinition operation = document.getDefinitionsOfType(OperationDefinition.class).get(0);
        return new QueryPlanner(supergraph, HANG_GUARD).plan(operation, fragments, conditions, activeLabels);
    }
}
