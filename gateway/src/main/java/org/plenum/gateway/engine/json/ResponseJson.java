package org.plenum.gateway.engine.json;

import com.fasterxml.jackson.core.JsonGenerator;
import org.plenum.gateway.engine.json.JsonObject;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * Writes a response body or request variables to a Jackson generator: {@link JsonObject}s by position, the
 * common JSON values directly, anything else (e.g. a custom scalar's value) by the generator's codec.
 */
public final class ResponseJson {

    private ResponseJson() {
    }

    public static void write(JsonGenerator generator, Object value) throws IOException {
        if (value == null) {
            generator.writeNull();
        } else if (value instanceof String string) {
            generator.writeString(string);
        } else if (value instanceof JsonObject object) {
            generator.writeStartObject();
            for (int i = 0; i < object.size(); i++) {
                generator.writeFieldName(object.keyAt(i));
                write(generator, object.valueAt(i));
            }
            generator.writeEndObject();
        } else if (value instanceof List<?> list) {
            generator.writeStartArray();
            for (Object item : list) {
                write(generator, item);
            }
            generator.writeEndArray();
        } else if (value instanceof Map<?, ?> map) {
            generator.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                generator.writeFieldName(String.valueOf(entry.getKey()));
                write(generator, entry.getValue());
            }
            generator.writeEndObject();
        } else if (value instanceof Integer number) {
            generator.writeNumber(number);
        } else if (value instanceof Boolean bool) {
            generator.writeBoolean(bool);
        } else if (value instanceof Long number) {
            generator.writeNumber(number);
        } else if (value instanceof Double number) {
            generator.writeNumber(number);
        } else if (value instanceof BigDecimal number) {
            generator.writeNumber(number);
        } else if (value instanceof BigInteger number) {
            generator.writeNumber(number);
        } else {
            generator.writeObject(value);
        }
    }
}
