package org.plenum.gateway.config;

/** What the gateway does with a document that is not in the manifest. */
public enum SafelistMode {
    /** runs it: any document may run */
    ALLOW,
    /** runs it, logs it and counts it: to find what a manifest misses before refusing */
    LOG,
    /** refuses it: only the manifest's documents run */
    REFUSE
}
