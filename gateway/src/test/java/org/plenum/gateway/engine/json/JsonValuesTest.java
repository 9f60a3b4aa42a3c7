package org.plenum.gateway.engine.json;

import com.fasterxml.jackson.core.JsonFactory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Subgraph answers read into JsonObjects behave as the maps the executor merges into. */
class JsonValuesTest {

    private static final JsonFactory JSON = new JsonFactory();

    @Test
    void readsEveryKindOfValueInOrder() throws IOException {
        JsonObject object = read("""
                {"data": {"b": 1, "a": [true, false, null, 2.5, 12345678901, "x"], "c": {}}, "errors": []}""");

        assertEquals(Map.of("data", Map.of("b", 1, "a", Arrays.asList(true, false, null, 2.5, 12345678901L, "x"),
                "c", Map.of()), "errors", List.of()), object);
        assertEquals(List.of("b", "a", "c"), new ArrayList<>(((Map<?, ?>) object.get("data")).keySet()));
    }

    @Test
    void notAnObjectIsNull() throws IOException {
        assertNull(read("[1, 2]"));
    }

    @Test
    void putReplacesAndAppendsRemoveKeepsTheOrder() {
        JsonObject object = new JsonObject(1);
        object.put("a", 1);
        object.put("b", 2);
        object.put("c", 3);
        object.put("a", 4);
        object.remove("b");
        object.put("d", 5);

        assertEquals(List.of("a", "c", "d"), new ArrayList<>(object.keySet()));
        assertEquals(List.of(4, 3, 5), new ArrayList<>(object.values()));
        object.entrySet().removeIf(entry -> entry.getKey().equals("c"));
        assertEquals(Map.of("a", 4, "d", 5), object);
    }

    @Test
    void aDeepCopySharesNothingThatCanChange() throws IOException {
        JsonObject original = read("{\"items\": [{\"id\": \"1\"}], \"meta\": {\"n\": 1}}");

        Map<String, Object> copy = JsonValues.copyObject(original);
        ((JsonObject) ((List<?>) copy.get("items")).get(0)).put("name", "changed");

        assertEquals(original, read("{\"items\": [{\"id\": \"1\"}], \"meta\": {\"n\": 1}}"));
        assertNotSame(original.get("meta"), copy.get("meta"));
    }

    @Test
    void aCopyAndItsOriginalAddAndRemoveKeysApart() throws IOException {
        JsonObject original = read("{\"id\": \"1\", \"name\": \"a\"}");
        JsonObject copy = original.deepCopy();
        JsonObject second = original.deepCopy();
        JsonObject third = copy.deepCopy();
        JsonObject cleared = original.deepCopy();

        copy.put("stock", 5);
        original.put("price", 7);
        second.remove("id");
        copy.put("name", "b");
        Iterator<Map.Entry<String, Object>> fields = third.entrySet().iterator();
        fields.next();
        fields.remove();
        cleared.clear();

        assertEquals(List.of("id", "name", "price"), List.copyOf(original.keySet()));
        assertEquals(Map.of("id", "1", "name", "a", "price", 7), original);
        assertEquals(List.of("id", "name", "stock"), List.copyOf(copy.keySet()));
        assertEquals(Map.of("id", "1", "name", "b", "stock", 5), copy);
        assertEquals(Map.of("name", "a"), second);
        assertEquals(Map.of("name", "a"), third);
        assertEquals(Map.of(), cleared);
    }

    @Test
    void aFullCopyGrowsWithoutChangingItsOriginal() throws IOException {
        JsonObject original = read("{\"a\": 1, \"b\": 2, \"c\": 3, \"d\": 4}");
        JsonObject copy = original.deepCopy();

        copy.put("e", 5);

        assertEquals(List.of("a", "b", "c", "d"), List.copyOf(original.keySet()));
        assertEquals(List.of("a", "b", "c", "d", "e"), List.copyOf(copy.keySet()));
    }

    @Test
    void objectsMadeWithTheSameKeysStayApartWhenOneChangesThem() {
        String[] keys = {"id", "name"};
        JsonObject first = JsonObject.withKeys(keys);
        JsonObject second = JsonObject.withKeys(keys);
        JsonObject third = JsonObject.withKeys(keys);

        first.append("id", "1");
        first.append("name", "a");
        second.append("id", "2");
        second.append("title", "b");
        third.append("id", "3");
        third.append("name", "c");
        third.remove("id");
        first.put("extra", true);

        assertEquals(List.of("id", "name"), List.of(keys));
        assertEquals(List.of("id", "name", "extra"), List.copyOf(first.keySet()));
        assertEquals(Map.of("id", "1", "name", "a", "extra", true), first);
        assertEquals(Map.of("id", "2", "title", "b"), second);
        assertEquals(Map.of("name", "c"), third);
        assertEquals(Map.of(), JsonObject.withKeys(new String[0]));
    }

    @Test
    void objectsEqualAsMapsWhateverTheirKeyOrder() throws IOException {
        JsonObject object = read("{\"id\": \"1\", \"tags\": [\"a\"], \"none\": null}");
        JsonObject reordered = read("{\"none\": null, \"tags\": [\"a\"], \"id\": \"1\"}");
        Map<String, Object> plain = new HashMap<>();
        plain.put("id", "1");
        plain.put("tags", List.of("a"));
        plain.put("none", null);

        assertEquals(object, reordered);
        assertEquals(object.hashCode(), reordered.hashCode());
        assertEquals(plain, object);
        assertEquals(object, plain);
        assertEquals(plain.hashCode(), object.hashCode());
        // a null value is not a missing key, nor another value
        assertNotEquals(object, read("{\"id\": \"1\", \"tags\": [\"a\"], \"other\": null}"));
        assertNotEquals(object, read("{\"id\": \"2\", \"tags\": [\"a\"], \"none\": null}"));
    }

    private static JsonObject read(String json) throws IOException {
        return JsonValues.readObject(JSON.createParser(json));
    }
}
