package org.plenum.gateway.engine.authorization;

import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;

import java.util.List;
import java.util.Map;

/**
 * The part of an operation a caller may run: the operation and fragments with every field, inline fragment and
 * fragment spread the caller may not see removed.
 *
 * @param removed where the removed selections were written in the document (line and column as one number,
 *                sorted): the same document with the same removals always gives the same operation, so it keys the
 *                cached plans
 */
public record AuthorizedOperation(OperationDefinition operation, Map<String, FragmentDefinition> fragments,
                                  List<Long> removed) {

    public AuthorizedOperation {
        removed = List.copyOf(removed);
    }

    /** The operation as sent: nothing removed. */
    public static AuthorizedOperation unchanged(OperationDefinition operation, Map<String, FragmentDefinition> fragments) {
        return new AuthorizedOperation(operation, fragments, List.of());
    }

    public boolean isUnchanged() {
        return removed.isEmpty();
    }
}
