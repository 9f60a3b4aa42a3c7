package org.plenum.gateway.config;

import io.smallrye.config.ConfigMapping;

import java.util.List;
import java.util.Map;

/**
 * How the gateway decides the supergraph's {@code @policy} requirements: one claims rule per policy name,
 * e.g. {@code plenum.gateway.auth.policies."hr".claim=roles} and {@code ...values=hr,admin}. A policy without a
 * rule is never satisfied.
 */
@ConfigMapping(prefix = "plenum.gateway.auth")
public interface PolicyRulesConfig {

    /** Policy name (as in {@code @policy(policies: [["name"]])}) -> the rule that satisfies it. */
    Map<String, Rule> policies();

    interface Rule {

        /** The claim of the caller's verified token to read; a dotted path reaches into nested claims ({@code realm_access.roles}). */
        String claim();

        /** The claim must equal one of these, or (a list claim) contain one of them. */
        List<String> values();
    }
}
