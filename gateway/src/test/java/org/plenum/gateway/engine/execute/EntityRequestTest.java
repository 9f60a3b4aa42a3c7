package org.plenum.gateway.engine.execute;

import org.junit.jupiter.api.Test;
import org.plenum.gateway.engine.json.JsonObject;
import org.plenum.gateway.engine.plan.FetchNode;
import org.plenum.gateway.engine.plan.FetchSelection;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Which representations an entity fetch sends for the objects it completes, and which one completes each. */
class EntityRequestTest {

    @Test
    void anObjectMetAgainIsSentOnceAndCompletedByTheSameRepresentation() {
        FetchNode.Representation book = template("Book", "id", "id");
        PlanExecutor.EntityRequest request = new PlanExecutor.EntityRequest();
        Map<String, Object> first = object("id", "b1");
        Map<String, Object> again = object("id", "b1");

        request.add(first, book);
        request.add(object("id", "b2"), book);
        request.add(again, book);

        assertEquals(List.of(Map.of("__typename", "Book", "id", "b1"), Map.of("__typename", "Book", "id", "b2")),
                request.representations);
        assertEquals(List.of(0, 1, 0), indexes(request));
        assertSame(again, request.targets.get(2));
    }

    @Test
    void oneTypeSentByKeysOfDifferentFieldsKeepsThemApart() {
        // an @interfaceObject sends its interface's name for every implementation, each by the key its subgraph can give
        FetchNode.Representation byId = template("Media", "id", "id");
        FetchNode.Representation byUpc = template("Media", "upc", "upc");
        PlanExecutor.EntityRequest request = new PlanExecutor.EntityRequest();

        request.add(object("id", "7"), byId);
        request.add(object("upc", "7"), byUpc);
        request.add(object("id", "7"), byId);

        assertEquals(List.of(Map.of("__typename", "Media", "id", "7"), Map.of("__typename", "Media", "upc", "7")),
                request.representations);
        assertEquals(List.of(0, 1, 0), indexes(request));
    }

    @Test
    void keysEqualAsJsonValuesOnlyAndAliasedKeysAreReadUnderTheirResponseKey() {
        FetchNode.Representation book = template("Book", "_key0", "id");
        FetchNode.Representation movie = template("Movie", "_key0", "id");
        PlanExecutor.EntityRequest request = new PlanExecutor.EntityRequest();

        request.add(object("_key0", "1"), book);
        request.add(object("_key0", 1), book);
        request.add(object("_key0", 1), movie);
        request.add(object("other", "1"), book); // no key: nothing to fetch it by

        assertEquals(List.of(Map.of("__typename", "Book", "id", "1"), Map.of("__typename", "Book", "id", 1),
                Map.of("__typename", "Movie", "id", 1)), request.representations);
        assertEquals(List.of(0, 1, 2), indexes(request));
    }

    @Test
    void keysWithRequiredFieldsAreComparedWhole() {
        FetchSelection key = new FetchSelection();
        key.field("id", "id", List.of());
        FetchSelection required = new FetchSelection();
        required.field("weight", "weight", List.of());
        FetchNode.Representation product = new FetchNode.Representation("Product", key, required);
        PlanExecutor.EntityRequest request = new PlanExecutor.EntityRequest();

        request.add(object("id", "p1", "weight", 2), product);
        request.add(object("id", "p1", "weight", 3), product);
        request.add(object("id", "p1", "weight", 2), product);

        assertEquals(List.of(Map.of("__typename", "Product", "id", "p1", "weight", 2),
                Map.of("__typename", "Product", "id", "p1", "weight", 3)), request.representations);
        assertEquals(List.of(0, 1, 0), indexes(request));
    }

    private static FetchNode.Representation template(String typename, String responseKey, String name) {
        FetchSelection key = new FetchSelection();
        key.field(responseKey, name, List.of());
        return new FetchNode.Representation(typename, key, new FetchSelection());
    }

    private static Map<String, Object> object(Object... fields) {
        JsonObject object = new JsonObject();
        for (int i = 0; i < fields.length; i += 2) {
            object.put((String) fields[i], fields[i + 1]);
        }
        return object;
    }

    private static List<Integer> indexes(PlanExecutor.EntityRequest request) {
        return Arrays.stream(request.targetRepresentation, 0, request.targets.size()).boxed().toList();
    }
}
