package org.plenum.gateway.engine.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reading JSON into {@link JsonObject}s and lists, and copying such trees. */
public final class JsonValues {

    private JsonValues() {
    }

    /**
     * Reads the parser's next value, which must be an object.
     *
     * @return the object, or null when the input is not a JSON object
     */
    public static JsonObject readObject(JsonParser parser) throws IOException {
        return parser.nextToken() == JsonToken.START_OBJECT ? object(parser) : null;
    }

    private static JsonObject object(JsonParser parser) throws IOException {
        JsonObject object = new JsonObject();
        String key;
        while ((key = parser.nextFieldName()) != null) {
            object.put(key, value(parser, parser.nextToken()));
        }
        return object;
    }

    private static Object value(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case START_OBJECT -> object(parser);
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                JsonToken item;
                while ((item = parser.nextToken()) != JsonToken.END_ARRAY) {
                    list.add(value(parser, item));
                }
                yield list;
            }
            case VALUE_STRING -> parser.getText();
            case VALUE_NUMBER_INT -> parser.getNumberValue();
            case VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw new IOException("Unexpected JSON token " + token);
        };
    }

    /** A copy of a parsed object and everything in it. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> copyObject(Map<String, Object> object) {
        return (Map<String, Object>) deepCopy(object);
    }

    /** A copy of a tree of maps, lists and immutable leaves; maps become {@link JsonObject}s. */
    public static Object deepCopy(Object value) {
        if (value instanceof JsonObject object) {
            return object.deepCopy();
        }
        if (value instanceof Map<?, ?> map) {
            JsonObject copy = new JsonObject(map.size());
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                copy.put(String.valueOf(entry.getKey()), deepCopy(entry.getValue()));
            }
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (Object item : list) {
                copy.add(deepCopy(item));
            }
            return copy;
        }
        return value;
    }
}
