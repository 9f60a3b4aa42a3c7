package org.plenum.gateway.engine;

/**
 * Engine settings. A limit of 0 or less means unlimited.
 *
 * @param introspectionEnabled whether {@code __schema} and {@code __type} are answered
 * @param maxDepth             deepest field nesting an operation may have
 * @param maxAliases           most aliased fields an operation may have
 * @param maxRootFields        most root fields an operation may select
 * @param maxDocumentBytes     largest document (UTF-8 bytes) accepted
 * @param planCacheSize        how many query plans are kept
 */
public record GatewayOptions(boolean introspectionEnabled, int maxDepth, int maxAliases, int maxRootFields,
                             int maxDocumentBytes, int planCacheSize) {

    public static GatewayOptions defaults() {
        return new GatewayOptions(true, 15, 30, 20, 100_000, 1000);
    }
}
