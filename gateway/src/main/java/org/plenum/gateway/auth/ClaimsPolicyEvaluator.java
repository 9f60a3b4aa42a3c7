package org.plenum.gateway.auth;

import jakarta.enterprise.context.ApplicationScoped;
import org.plenum.gateway.config.GatewayConfig;
import org.plenum.gateway.engine.authorization.Caller;
import org.plenum.gateway.engine.authorization.PolicyEvaluator;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides {@code @policy} requirements from the caller's verified token claims with the rules of
 * {@code plenum.gateway.auth.policies}: a policy is satisfied by an authenticated caller whose claim equals one of the rule's
 * values or, for a list claim, contains one of them. Anonymous callers and policies without a rule satisfy nothing.
 */
@ApplicationScoped
public class ClaimsPolicyEvaluator implements PolicyEvaluator {

    private final Map<String, GatewayConfig.PolicyRule> rules;

    public ClaimsPolicyEvaluator(GatewayConfig config) {
        this.rules = Map.copyOf(config.auth().policies());
    }

    @Override
    public Set<String> satisfied(Caller caller, Set<String> policies) {
        Set<String> satisfied = new HashSet<>();
        if (!caller.authenticated()) {
            return satisfied;
        }
        for (String policy : policies) {
            GatewayConfig.PolicyRule rule = rules.get(policy);
            if (rule != null && matches(claim(caller.claims(), rule.claim()), rule.values())) {
                satisfied.add(policy);
            }
        }
        return satisfied;
    }

    private static boolean matches(Object claim, List<String> values) {
        if (claim instanceof Collection<?> items) {
            return items.stream().anyMatch(item -> values.contains(String.valueOf(item)));
        }
        return claim != null && values.contains(String.valueOf(claim));
    }

    /** The claim by its name, else by a dotted path through nested claims. */
    private static Object claim(Map<String, Object> claims, String name) {
        if (claims.containsKey(name)) {
            return claims.get(name);
        }
        Object value = claims;
        for (String segment : name.split("\\.")) {
            if (!(value instanceof Map<?, ?> map)) {
                return null;
            }
            value = map.get(segment);
        }
        return value;
    }
}
