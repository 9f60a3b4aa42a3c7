package org.plenum.gateway.engine.execute;

import com.fasterxml.jackson.core.SerializableString;
import org.plenum.gateway.engine.plan.ResponseShape;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * One object of the client's response: the keys of its selection (shared, in request order) and its values.
 * A read-only map without hashing, as the response is built once, written once and rarely looked into.
 */
final class ResponseObject extends AbstractMap<String, Object> {

    private final ResponseShape.Field[] fields;
    private final Object[] values;

    ResponseObject(ResponseShape.Field[] fields) {
        this.fields = fields;
        this.values = new Object[fields.length];
    }

    void set(int index, Object value) {
        values[index] = value;
    }

    int fieldCount() {
        return fields.length;
    }

    SerializableString jsonKey(int index) {
        return fields[index].jsonKey();
    }

    Object value(int index) {
        return values[index];
    }

    @Override
    public Object get(Object key) {
        int index = indexOf(key);
        return index < 0 ? null : values[index];
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public int size() {
        return fields.length;
    }

    private int indexOf(Object key) {
        for (int i = 0; i < fields.length; i++) {
            if (fields[i].key().equals(key)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < fields.length;
                    }

                    @Override
                    public Entry<String, Object> next() {
                        if (next >= fields.length) {
                            throw new NoSuchElementException();
                        }
                        int index = next++;
                        return new SimpleImmutableEntry<>(fields[index].key(), values[index]);
                    }
                };
            }

            @Override
            public int size() {
                return fields.length;
            }
        };
    }
}
