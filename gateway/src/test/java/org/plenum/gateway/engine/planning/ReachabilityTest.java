package org.plenum.gateway.engine.planning;

import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.parser.Parser;
import org.junit.jupiter.api.Test;
import org.plenum.gateway.engine.supergraph.Supergraph;
import org.plenum.gateway.engine.supergraph.TypeMeta;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a subgraph can resolve of a selection, on the fixtures' supergraphs. */
class ReachabilityTest {

    @Test
    void aValueTypesFieldOnlyAnotherSubgraphHasIsOutOfReachButItsParentsKeyLeadsThere() {
        Supergraph supergraph = fixture("value-types");
        Reachability reachability = reachability(supergraph);
        TypeMeta details = supergraph.type("Details");

        assertTrue(reachability.reachable("SHOP", details, selections("{ color }")));
        assertFalse(reachability.reachable("SHOP", details, selections("{ color warranty }")));

        TypeMeta product = supergraph.type("Product");
        List<Field> field = fields("{ details { color warranty } }");
        assertEquals(new Elsewhere("WARRANTY", null, null),
                reachability.elsewhere("SHOP", product, product.field("details"), field));
        assertNull(reachability.elsewhere("WARRANTY", product, product.field("details"), field));
    }

    @Test
    void aKeylessSharedRootFieldIsSplitBetweenTheSubgraphsEachResolvingPartOfIt() {
        Supergraph supergraph = fixture("split-root");
        Reachability reachability = reachability(supergraph);

        Map<String, List<Field>> parts = reachability.splitValueTree(supergraph.type("Query").field("forecast"),
                fields("{ forecast(city: \"x\") { summary temperature city } }"));

        assertEquals(List.of("EDITORIAL", "SENSORS"), List.copyOf(parts.keySet()));
        assertEquals("summary city", names(parts.get("EDITORIAL")));
        assertEquals("temperature", names(parts.get("SENSORS")));
        assertNull(reachability.splitValueTree(supergraph.type("Query").field("forecast"),
                fields("{ forecast(city: \"x\") { summary city } }")), "one subgraph resolves it whole");
    }

    @Test
    void anExternalKeyFieldIsNotResolvedByTheSubgraphThatOnlyReferencesIt() {
        Supergraph supergraph = fixture("external-key");
        Reachability reachability = reachability(supergraph);
        TypeMeta chat = supergraph.type("Chat");

        assertFalse(reachability.resolvesFieldSet("INBOX", "Chat", chat.keys("MESSENGER").get(0).selections()));
        assertTrue(reachability.resolvesFieldSet("MESSENGER", "Chat", chat.keys("MESSENGER").get(0).selections()));
        assertEquals(1, reachability.localFields("INBOX", "Chat", selections("{ id unread title }"), null));
        assertEquals(2, reachability.localFields("MESSENGER", "Chat", selections("{ id unread title }"), null));
    }

    private static Supergraph fixture(String name) {
        try {
            return Supergraph.parse(Files.readString(Path.of("src/test/resources/supergraphs", name, "supergraph.graphql")));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Reachability reachability(Supergraph supergraph) {
        return new Reachability(supergraph, new FieldCollector(supergraph, Map.of(), Map.of()), PlanningDeadline.after(Duration.ZERO),
                new EnumInputs(supergraph, Map.of()), Set.of());
    }

    private static List<Selection> selections(String selectionSet) {
        return FieldCollector.subSelections(fields("{ x " + selectionSet + " }"));
    }

    private static List<Field> fields(String selectionSet) {
        OperationDefinition operation = Parser.parse(selectionSet).getDefinitionsOfType(OperationDefinition.class).get(0);
        return List.of((Field) operation.getSelectionSet().getSelections().get(0));
    }

    private static String names(List<Field> fields) {
        return String.join(" ", FieldCollector.subSelections(fields).stream().map(s -> ((Field) s).getName()).toList());
    }
}
