package org.plenum.topics.repository;

/**
 * HQL for batched one-to-many reads that bound the database work, not just the answer: a window function ranks
 * each parent's children by id and only the first {@code :first} of each parent are read, in one query for all
 * parents ({@code :ids}).
 */
final class FirstPerParent {

    private FirstPerParent() {
    }

    /**
     * (parent key, child key) pairs, at most {@code :first} distinct children per parent in child order.
     *
     * @param parent the parent key's expression
     * @param child the child key's expression
     * @param from the from and where clauses joining them, restricted to the parents {@code :ids}
     */
    static String keys(String parent, String child, String from) {
        return "select r.parent, r.child from " + ranked(parent, child, from) + " where r.position <= :first "
                + "order by r.child";
    }

    /** As {@link #keys}, with the child entity (whose id the child key is) in place of its key. */
    static String entities(String parent, String child, String from, String entity) {
        return "select r.parent, e from " + ranked(parent, child, from) + " join " + entity
                + " e on e.id = r.child where r.position <= :first order by e.id";
    }

    // grouping makes the pairs distinct (a speaker with several quotes on one topic counts once)
    private static String ranked(String parent, String child, String from) {
        return "(select " + parent + " as parent, " + child + " as child, row_number() over (partition by " + parent
                + " order by " + child + ") as position " + from + " group by " + parent + ", " + child + ") r";
    }
}
