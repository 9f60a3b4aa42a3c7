package org.plenum.gateway.engine.plan;

import java.util.ArrayList;
import java.util.List;

/** One step of a path into the response data, such as where an entity fetch's results merge. */
public sealed interface PathSegment {

    /** Every item of the list at this point. */
    PathSegment ITEMS = new Items();

    /** The value of a field, by the key under which it was fetched. */
    record Key(String key) implements PathSegment {
        @Override
        public String toString() {
            return String.valueOf(ResponseKeys.clientSegment(key));
        }
    }

    /** See {@link #ITEMS}. */
    record Items() implements PathSegment {
        @Override
        public String toString() {
            return "@";
        }
    }

    /** Only objects whose __typename is this type go further. */
    record TypeCondition(String type) implements PathSegment {
        @Override
        public String toString() {
            return "... on " + type;
        }
    }

    static List<PathSegment> append(List<PathSegment> path, PathSegment segment) {
        List<PathSegment> longer = new ArrayList<>(path.size() + 1);
        longer.addAll(path);
        longer.add(segment);
        return List.copyOf(longer);
    }
}
