package org.plenum.gateway.client;

import org.plenum.gateway.config.GatewayConfig;

import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Per-subgraph settings from {@code plenum.gateway.subgraphs.<name>}: the name matches a supergraph's subgraph
 * name or its {@code join__Graph} value ignoring case and {@code -}/{@code _}, so {@code my-service} configures
 * {@code MY_SERVICE}.
 */
public final class SubgraphTargets {

    private final Map<String, GatewayConfig.Subgraph> subgraphs = new HashMap<>();
    private final Duration defaultTimeout;

    public SubgraphTargets(GatewayConfig config) {
        config.subgraphs().forEach((name, subgraph) -> subgraphs.put(normalized(name), subgraph));
        this.defaultTimeout = config.subgraphTimeout();
    }

    /** The configured URL replacing the supergraph's, or null. */
    public String urlOverride(String subgraph) {
        return find(subgraph).flatMap(GatewayConfig.Subgraph::url).orElse(null);
    }

    public Duration timeout(String subgraph) {
        return find(subgraph).flatMap(GatewayConfig.Subgraph::timeout).orElse(defaultTimeout);
    }

    private Optional<GatewayConfig.Subgraph> find(String subgraph) {
        return Optional.ofNullable(subgraphs.get(normalized(subgraph)));
    }

    private static String normalized(String name) {
        return name.toLowerCase(Locale.ROOT).replace('-', '_');
    }
}
