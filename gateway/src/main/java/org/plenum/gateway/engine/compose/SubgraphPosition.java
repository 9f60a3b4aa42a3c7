package org.plenum.gateway.engine.compose;

import graphql.language.SelectionSet;

/**
 * Where a subgraph fetch stands while composition checks a supergraph query: at a type of one subgraph (its
 * join__Graph value), with what an enclosing {@code @provides} adds there (null if nothing) and how it got there.
 */
record SubgraphPosition(String graph, String type, SelectionSet provided, Arrival arrival) {

    /** The last move; some moves are not offered after some arrivals, as in Apollo's query graph. */
    enum Arrival {
        /** entered at a root type: the other subgraphs' roots are options of their own */
        ROOT,
        /** by a field or a type condition */
        FIELD,
        /** by an entity (or root type) jump from another subgraph */
        JUMP,
        /** an {@code @interfaceObject} taken for one of its implementations right after a jump */
        CAST_AFTER_JUMP
    }

    SubgraphPosition moveTo(String newType, SelectionSet newProvided, Arrival newArrival) {
        return new SubgraphPosition(graph, newType, newProvided, newArrival);
    }
}
