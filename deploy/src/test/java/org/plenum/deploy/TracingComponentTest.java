package org.plenum.deploy;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The optional tracing component switches export on for all three services, keeping the rest of their configuration. */
class TracingComponentTest {

    @Test
    void anOverlayWithTheTracingComponentExportsEveryServicesTraces() {
        Manifests manifests = Kustomize.buildOperatorOverlay("with-tracing", """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources:
                  - ../external-databases
                components:
                  - ../../components/tracing
                """);
        for (String service : new String[] {"gateway", "topics-service", "speakers-service"}) {
            Map<String, String> environment = ContainerEnvironment.of(manifests, manifests.workload(service).container());
            assertEquals("false", environment.get("QUARKUS_OTEL_SDK_DISABLED"), service);
            assertEquals("http://otel-collector.monitoring:4317",
                    environment.get("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT"), service);
            assertEquals("kubernetes", environment.get("QUARKUS_PROFILE"), service + " keeps its own configuration");
        }
    }
}
