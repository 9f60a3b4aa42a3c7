package org.plenum.gateway.engine.subgraph;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.Map;
import java.util.Set;

/**
 * A subgraph's answer that several fetches share (identical ones in flight at once): to be read, not changed. Who
 * takes parts of it into a tree of its own copies what it will change, rather than everyone copying all of it.
 */
public final class SharedAnswer extends AbstractMap<String, Object> {

    private final Map<String, Object> body;

    public SharedAnswer(Map<String, Object> body) {
        this.body = Collections.unmodifiableMap(body);
    }

    @Override
    public Object get(Object key) {
        return body.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return body.containsKey(key);
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return body.entrySet();
    }
}
