package org.plenum.gateway.engine.supergraph;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** @join__enumValue read into the supergraph model: which subgraphs define each value of an enum. */
class JoinEnumValueTest {

    @Test
    void readsInWhichSubgraphsEachValueExists() throws IOException {
        EnumValues values = Supergraph.parse(fixture()).enumValues();

        assertTrue(values.isPartial("Status"));
        assertTrue(values.definedIn("Status", "DRAFT", "A"));
        assertFalse(values.definedIn("Status", "DRAFT", "B"));
        assertTrue(values.definedIn("Status", "ACTIVE", "B"));
        assertFalse(values.isPartial("Order"), "composition kept only the values every subgraph has");
    }

    @Test
    void takesEveryValueAsDefinedEverywhereWithoutJoinEnumValue() throws IOException {
        // join versions before v0.3 do not say: every subgraph defining the enum has all its values
        EnumValues values = Supergraph.parse(fixture().replaceAll("@join__enumValue\\(graph: \\w+\\)", "")).enumValues();

        assertFalse(values.anyPartial());
        assertTrue(values.definedIn("Status", "DRAFT", "B"));
    }

    private static String fixture() throws IOException {
        try (InputStream in = JoinEnumValueTest.class.getResourceAsStream("/supergraphs/enum-values-partial/supergraph.graphql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
