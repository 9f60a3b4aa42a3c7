package org.plenum.gateway.engine.planning;

import graphql.language.Field;

import java.util.List;

/**
 * Where a field, or the part of its selection out of reach from the current subgraph, comes from.
 *
 * @param local  the field with the part reachable where it is (null: the whole field comes from graph)
 * @param remote the field with the rest
 */
record Elsewhere(String graph, List<Field> local, List<Field> remote) {
}
