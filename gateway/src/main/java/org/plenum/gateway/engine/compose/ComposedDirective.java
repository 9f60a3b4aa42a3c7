package org.plenum.gateway.engine.compose;

/**
 * A directive of a linked feature that a subgraph asks to keep in the supergraph with {@code @composeDirective}:
 * its name in the subgraph, its name in the feature, and the feature.
 */
record ComposedDirective(String localName, String featureName, Feature feature) {

    /** A linked feature: its URL, identity (the URL without the version) and version. */
    record Feature(String url, String identity, int major, int minor) {
    }

    /** The {@code import} entry naming it in the supergraph's {@code @link}. */
    String importEntry() {
        return localName.equals(featureName) ? "\"@" + localName + "\""
                : "{name: \"@" + featureName + "\", as: \"@" + localName + "\"}";
    }
}
