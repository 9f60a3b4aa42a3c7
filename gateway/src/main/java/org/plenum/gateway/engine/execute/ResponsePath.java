package org.plenum.gateway.engine.execute;

import java.util.ArrayList;
import java.util.List;

/** A response path built while walking the response, turned into a list only when an error needs it. */
record ResponsePath(ResponsePath parent, Object segment) {

    static final ResponsePath ROOT = new ResponsePath(null, null);

    ResponsePath child(Object childSegment) {
        return new ResponsePath(this, childSegment);
    }

    List<Object> toList() {
        List<Object> segments = new ArrayList<>();
        for (ResponsePath p = this; p != null && p.parent != null; p = p.parent) {
            segments.add(0, p.segment);
        }
        return segments;
    }
}
