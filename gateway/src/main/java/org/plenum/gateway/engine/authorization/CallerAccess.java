package org.plenum.gateway.engine.authorization;

import org.plenum.gateway.engine.supergraph.AccessRequirement;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/** Checks requirements against one caller; the caller's policies are decided on first need, once. */
final class CallerAccess {

    private final Caller caller;
    private final Supplier<Set<String>> policyDecision;
    private Set<String> satisfiedPolicies;

    CallerAccess(Caller caller, Supplier<Set<String>> policyDecision) {
        this.caller = caller;
        this.policyDecision = policyDecision;
    }

    boolean allows(AccessRequirement requirement) {
        if (requirement.isNone()) {
            return true;
        }
        if (requirement.authenticated() && !caller.authenticated()) {
            return false;
        }
        if (!allSatisfied(requirement.scopes(), caller.scopes())) {
            return false;
        }
        if (requirement.policies().isEmpty()) {
            return true;
        }
        if (satisfiedPolicies == null) {
            satisfiedPolicies = policyDecision.get();
        }
        return allSatisfied(requirement.policies(), satisfiedPolicies);
    }

    /** Each directive's alternatives: at least one alternative whose names the caller all has. */
    private static boolean allSatisfied(List<List<Set<String>>> directives, Set<String> held) {
        for (List<Set<String>> alternatives : directives) {
            if (alternatives.stream().noneMatch(held::containsAll)) {
                return false;
            }
        }
        return true;
    }
}
