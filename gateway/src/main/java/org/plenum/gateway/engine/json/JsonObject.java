package org.plenum.gateway.engine.json;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * A JSON object as two arrays, keys and values, in insertion order. GraphQL objects have a handful of fields,
 * where a scan beats hashing and the arrays take a fraction of a hash map's memory; most of what a gateway
 * allocates per request is such objects.
 */
public final class JsonObject extends AbstractMap<String, Object> {

    private String[] keys;
    private Object[] values;
    private int size;
    /** whether keys may be shared (with copies, or objects made withKeys): then it is copied before it changes */
    private boolean keysShared;

    public JsonObject() {
        this(4);
    }

    public JsonObject(int capacity) {
        keys = new String[Math.max(capacity, 1)];
        values = new Object[keys.length];
    }

    private JsonObject(String[] keys, Object[] values, int size) {
        this.keys = keys;
        this.values = values;
        this.size = size;
    }

    /**
     * An empty object that is to get exactly these keys in this order (e.g. the fields of a response shape): all
     * objects made so share the one array, which nobody may change afterwards.
     */
    public static JsonObject withKeys(String[] keys) {
        if (keys.length == 0) {
            return new JsonObject(1);
        }
        JsonObject object = new JsonObject(keys, new Object[keys.length], 0);
        object.keysShared = true;
        return object;
    }

    /**
     * A copy whose nested objects and lists are copies too; with the same room, for the fields merged in later. Both
     * share the keys until either adds or removes one: copies of shared answers mostly only get values set. Several
     * threads may copy one object at once only while nobody changes it (a shared answer), or under the lock that
     * guards its changes.
     */
    public JsonObject deepCopy() {
        Object[] copied = new Object[keys.length];
        for (int i = 0; i < size; i++) {
            copied[i] = JsonValues.deepCopy(values[i]);
        }
        if (!keysShared) {
            keysShared = true; // written once: shared answers are copied by every core, which only read them otherwise
        }
        JsonObject copy = new JsonObject(keys, copied, size);
        copy.keysShared = true;
        return copy;
    }

    private void ownKeys(int capacity) {
        if (keysShared || capacity != keys.length) {
            keys = Arrays.copyOf(keys, capacity);
            keysShared = false;
        }
    }

    /** The key at a position, 0 to size - 1, in insertion order. */
    public String keyAt(int index) {
        return keys[index];
    }

    public Object valueAt(int index) {
        return values[index];
    }

    private int indexOf(Object key) {
        for (int i = 0; i < size; i++) {
            // keys from the parser are interned, so identity usually decides
            if (keys[i] == key || keys[i].equals(key)) {
                return i;
            }
        }
        return -1;
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
    public Object put(String key, Object value) {
        int index = indexOf(key);
        if (index >= 0) {
            Object previous = values[index];
            values[index] = value;
            return previous;
        }
        append(key, value);
        return null;
    }

    /** Adds a key known not to be here yet (e.g. the next of a selection's distinct response keys), without a scan. */
    public void append(String key, Object value) {
        if (size == keys.length) {
            ownKeys(size * 2);
            values = Arrays.copyOf(values, size * 2);
            keys[size] = key;
        } else if (keys[size] != key) {
            ownKeys(keys.length);
            keys[size] = key;
        } // else the key is in its place already (keys made withKeys): shared keys are never written
        values[size++] = value;
    }

    @Override
    public Object remove(Object key) {
        int index = indexOf(key);
        return index < 0 ? null : removeAt(index);
    }

    private Object removeAt(int index) {
        Object previous = values[index];
        ownKeys(keys.length);
        int moved = size - index - 1;
        System.arraycopy(keys, index + 1, keys, index, moved);
        System.arraycopy(values, index + 1, values, index, moved);
        size--;
        keys[size] = null;
        values[size] = null;
        return previous;
    }

    @Override
    public int size() {
        return size;
    }

    /** As {@link Map#equals}, without the entry objects: identical fetches are found by comparing their variables. */
    @Override
    public boolean equals(Object other) {
        if (other == this) {
            return true;
        }
        if (!(other instanceof JsonObject object)) {
            return super.equals(other);
        }
        if (object.size != size) {
            return false;
        }
        for (int i = 0; i < size; i++) {
            // the same keys in the same order is the usual case: a scan only where it is not
            int at = keys[i].equals(object.keys[i]) ? i : object.indexOf(keys[i]);
            if (at < 0 || !Objects.equals(values[i], object.values[at])) {
                return false;
            }
        }
        return true;
    }

    /** As {@link Map#hashCode}: the sum of the entries' hashes. */
    @Override
    public int hashCode() {
        int hash = 0;
        for (int i = 0; i < size; i++) {
            hash += keys[i].hashCode() ^ Objects.hashCode(values[i]);
        }
        return hash;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int next;
                    private int last = -1;

                    @Override
                    public boolean hasNext() {
                        return next < size;
                    }

                    @Override
                    public Entry<String, Object> next() {
                        if (next >= size) {
                            throw new NoSuchElementException();
                        }
                        last = next++;
                        return new Field(last);
                    }

                    @Override
                    public void remove() {
                        if (last < 0) {
                            throw new IllegalStateException();
                        }
                        removeAt(last);
                        next = last;
                        last = -1;
                    }
                };
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    /** An entry that reads and writes through to its position. */
    private final class Field implements Entry<String, Object> {
        private final int index;

        Field(int index) {
            this.index = index;
        }

        @Override
        public String getKey() {
            return keys[index];
        }

        @Override
        public Object getValue() {
            return values[index];
        }

        @Override
        public Object setValue(Object value) {
            Object previous = values[index];
            values[index] = value;
            return previous;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Entry<?, ?> entry && getKey().equals(entry.getKey())
                    && Objects.equals(getValue(), entry.getValue());
        }

        @Override
        public int hashCode() {
            return getKey().hashCode() ^ Objects.hashCode(getValue());
        }
    }
}
