package org.plenum.gateway.persisted;

/** A manifest that cannot be used; the message says why and where. */
public class ManifestException extends RuntimeException {

    public ManifestException(String message) {
        super(message, null, false, false);
    }
}
