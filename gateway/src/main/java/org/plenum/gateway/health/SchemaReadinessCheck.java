package org.plenum.gateway.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.plenum.gateway.schema.ActiveGateway;

/** Ready only once a supergraph is loaded: before that every GraphQL request would get 503. */
@Readiness
@ApplicationScoped
public class SchemaReadinessCheck implements HealthCheck {

    private final ActiveGateway active;

    public SchemaReadinessCheck(ActiveGateway active) {
        this.active = active;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("supergraph").status(active.isLoaded()).build();
    }
}
