package org.plenum.gateway.engine.supergraph;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a caller needs to see a field or type, from the supergraph's {@code @authenticated},
 * {@code @requiresScopes} and {@code @policy}: all of it must hold.
 *
 * @param authenticated whether a verified caller is needed
 * @param scopes        one entry per {@code @requiresScopes} that applies: alternatives (any of), each a set of
 *                      scopes the caller must all have
 * @param policies      the same for {@code @policy}, with policy names
 */
public record AccessRequirement(boolean authenticated, List<List<Set<String>>> scopes, List<List<Set<String>>> policies) {

    public static final AccessRequirement NONE = new AccessRequirement(false, List.of(), List.of());

    public AccessRequirement {
        scopes = List.copyOf(scopes);
        policies = List.copyOf(policies);
    }

    public boolean isNone() {
        return !authenticated && scopes.isEmpty() && policies.isEmpty();
    }

    /** Both this and {@code other}. */
    public AccessRequirement and(AccessRequirement other) {
        if (other.isNone()) {
            return this;
        }
        if (isNone()) {
            return other;
        }
        return new AccessRequirement(authenticated || other.authenticated, concat(scopes, other.scopes),
                concat(policies, other.policies));
    }

    private static List<List<Set<String>>> concat(List<List<Set<String>>> a, List<List<Set<String>>> b) {
        List<List<Set<String>>> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
