package org.plenum.gateway.schema;

import jakarta.enterprise.context.ApplicationScoped;
import org.plenum.gateway.engine.Gateway;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The engine built for the current supergraph. A reload swaps it atomically; a request takes the current one once
 * and finishes on it, so requests in flight during a swap complete on the schema they started with.
 */
@ApplicationScoped
public class ActiveGateway {

    private final AtomicReference<Gateway> current = new AtomicReference<>();
    private volatile SchemaVersion version;

    /** @return the current engine, or null while no schema has been loaded */
    public Gateway current() {
        return current.get();
    }

    public boolean isLoaded() {
        return current.get() != null;
    }

    /** @return which supergraph the current engine serves, or null while none has been loaded */
    public SchemaVersion version() {
        return version;
    }

    void install(Gateway gateway, SchemaVersion version) {
        this.version = version;
        current.set(gateway);
    }
}
