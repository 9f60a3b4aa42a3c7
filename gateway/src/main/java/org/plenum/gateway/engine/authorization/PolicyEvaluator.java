package org.plenum.gateway.engine.authorization;

import java.util.Set;

/**
 * Decides the {@code @policy} requirements of a supergraph for one caller. Called at most once per request, with
 * every policy name the supergraph uses; a policy not returned is not satisfied, so the fields and types that
 * need it are removed from the caller's operation.
 */
@FunctionalInterface
public interface PolicyEvaluator {

    /** Satisfies no policy: what the engine uses unless told otherwise. */
    PolicyEvaluator NONE = (caller, policies) -> Set.of();

    /**
     * @param caller   who sends the request (anonymous or verified, with scopes and claims)
     * @param policies the policy names to decide
     * @return the names among {@code policies} that the caller satisfies
     */
    Set<String> satisfied(Caller caller, Set<String> policies);
}
