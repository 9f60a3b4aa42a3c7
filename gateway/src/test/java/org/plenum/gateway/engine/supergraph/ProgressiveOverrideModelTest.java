package org.plenum.gateway.engine.supergraph;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Progressive @override read into the supergraph model: both sides kept with their label, decided per plan. */
class ProgressiveOverrideModelTest {

    @Test
    void listsTheLabelsInUseWithThePercentagesOfPercentLabels() throws IOException {
        OverrideLabels labels = Supergraph.parse(fixture()).overrideLabels();

        assertEquals(Map.of("percent(0)", 0.0, "percent(100)", 100.0, "percent(50)", 50.0), labels.percentages());
        assertEquals(Set.of("multi-currency"), labels.others());
    }

    @Test
    void servesALabelledFieldFromTheOverridingSideOnlyWhileItsLabelIsActive() throws IOException {
        FieldMeta discount = Supergraph.parse(fixture()).type("Item").field("discount");

        assertEquals(Set.of("percent(50)"), discount.overrideLabels());
        assertEquals(Set.of("LEGACY"), discount.resolvableIn(Set.of()));
        assertEquals(Set.of("LEGACY"), discount.resolvableIn(Set.of("percent(0)")));
        assertEquals(Set.of("PRICING"), discount.resolvableIn(Set.of("percent(50)")));
    }

    private static String fixture() throws IOException {
        try (InputStream in = ProgressiveOverrideModelTest.class.getResourceAsStream("/supergraphs/progressive-override/supergraph.graphql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
