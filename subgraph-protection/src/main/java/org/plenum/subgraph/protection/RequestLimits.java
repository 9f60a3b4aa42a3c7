package org.plenum.subgraph.protection;

import org.eclipse.microprofile.config.Config;

import java.time.Duration;

/**
 * The bounds on one GraphQL request to a subgraph (keys {@code plenum.graphql.*}, documented in README.md).
 *
 * @param maxDepth deepest field nesting of an operation, fragments expanded
 * @param maxFields fields of an operation, fragments expanded, counted before it runs
 * @param maxAliases aliased fields in the document
 * @param maxEntities representations in one {@code _entities} call
 * @param maxResolvedFields field values one request may resolve while it runs (bounds fan-out through data)
 * @param timeout time one request may run; fields not yet resolved by then are not resolved
 */
public record RequestLimits(int maxDepth, int maxFields, int maxAliases, int maxEntities, int maxResolvedFields,
        Duration timeout) {

    static final String PREFIX = "plenum.graphql.";

    public static RequestLimits from(Config config) {
        return new RequestLimits(
                config.getOptionalValue(PREFIX + "max-depth", Integer.class).orElse(15),
                config.getOptionalValue(PREFIX + "max-fields", Integer.class).orElse(1000),
                config.getOptionalValue(PREFIX + "max-aliases", Integer.class).orElse(100),
                config.getOptionalValue(PREFIX + "max-entities", Integer.class).orElse(1000),
                config.getOptionalValue(PREFIX + "max-resolved-fields", Integer.class).orElse(10_000),
                config.getOptionalValue(PREFIX + "timeout", Duration.class).orElse(Duration.ofSeconds(8)));
    }
}
