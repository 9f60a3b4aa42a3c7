package org.plenum.gateway.engine;

import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.Test;
import org.plenum.gateway.engine.json.JsonValues;
import org.plenum.gateway.engine.subgraph.SharedAnswer;
import org.plenum.gateway.engine.subgraph.SubgraphClient;
import org.plenum.gateway.engine.subgraph.SubgraphRequest;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Subgraph answers that identical fetches share (see {@link SharedAnswer}): every execution gets its full answer from
 * them, and none changes what the others read, though its own tree merges into objects taken from them.
 */
class SharedAnswersTest {

    private static final Map<String, Object> CHAIR = Map.of("__typename", "Product", "id", "1", "sku", "s1", "name", "Chair");
    private static final Map<String, Object> TABLE = Map.of("__typename", "Product", "id", "2", "sku", "s2", "name", "Table");

    private final FakeSubgraphClient subgraphs = new FakeSubgraphClient()
            .with("catalog", new FakeSubgraph(Fixtures.subgraphSdl("keys", "catalog"), Map.of(),
                    Map.of("topProducts", List.of(CHAIR, TABLE)), Map.of()))
            .with("inventory", new FakeSubgraph(Fixtures.subgraphSdl("keys", "inventory"),
                    Map.of("Product", List.of(Map.of("__typename", "Product", "sku", "s1", "stock", 5),
                            Map.of("__typename", "Product", "sku", "s2", "stock", 0))), Map.of(), Map.of()));

    /** One answer per distinct request, handed to everyone as shared, with a copy of how it came. */
    private final Map<SubgraphRequest, Map<String, Object>> answers = new ConcurrentHashMap<>();
    private final Map<SubgraphRequest, Object> asAnswered = new ConcurrentHashMap<>();
    private final SubgraphClient sharing = request -> {
        Map<String, Object> answer = answers.get(request);
        if (answer != null) {
            return Uni.createFrom().item(new SharedAnswer(answer));
        }
        return subgraphs.execute(request).map(body -> {
            answers.put(request, body);
            asAnswered.put(request, JsonValues.deepCopy(body));
            return new SharedAnswer(body);
        });
    };

    @Test
    void executionsSharingAnswersEachGetTheWholeResponseAndLeaveTheAnswersAsTheyCame() {
        String query = "{ topProducts { name stock } }";
        Map<String, Object> expected = Map.of("data", Map.of("topProducts",
                List.of(Map.of("name", "Chair", "stock", 5), Map.of("name", "Table", "stock", 0))));
        Gateway gateway = Fixtures.gateway("keys", sharing);

        assertEquals(expected, Fixtures.run(gateway, query).body());
        assertEquals(expected, Fixtures.run(gateway, query).body()); // from the same answers, merged into again

        assertEquals(2, answers.size());
        answers.forEach((request, answer) -> assertEquals(asAnswered.get(request), JsonValues.deepCopy(answer)));
    }

    @Test
    void aPlanOfOneFetchReadsTheSharedAnswerAsItCame() {
        // nothing merges into the answer of a plan's only fetch: the response is built from it without a copy
        String query = "{ topProducts { id name } first: topProducts { name } }";
        Map<String, Object> expected = Map.of("data", Map.of(
                "topProducts", List.of(Map.of("id", "1", "name", "Chair"), Map.of("id", "2", "name", "Table")),
                "first", List.of(Map.of("name", "Chair"), Map.of("name", "Table"))));
        Gateway gateway = Fixtures.gateway("keys", sharing);

        assertEquals(expected, Fixtures.run(gateway, query).body());
        assertEquals(expected, Fixtures.run(gateway, query).body());

        assertEquals(1, answers.size());
        answers.forEach((request, answer) -> assertEquals(asAnswered.get(request), JsonValues.deepCopy(answer)));
    }

    @Test
    void fieldsSentUnderAnotherKeyAreRestoredInACopy() {
        // the client calls "name" sku, while inventory needs the real sku as key: catalog's answer has renamed keys
        String query = "{ topProducts { sku: name stock id: sku } }";
        Map<String, Object> expected = Map.of("data", Map.of("topProducts", List.of(
                Map.of("sku", "Chair", "stock", 5, "id", "s1"), Map.of("sku", "Table", "stock", 0, "id", "s2"))));
        Gateway gateway = Fixtures.gateway("keys", sharing);

        assertEquals(expected, Fixtures.run(gateway, query).body());
        assertEquals(expected, Fixtures.run(gateway, query).body());

        answers.forEach((request, answer) -> assertEquals(asAnswered.get(request), JsonValues.deepCopy(answer)));
    }
}
