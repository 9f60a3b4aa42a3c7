package org.plenum.gateway.shell;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;
import java.util.Map;

/**
 * The one app start shared by the shell's HTTP tests: the library supergraph file, served by
 * {@link LibrarySubgraphsResource}, with tracing on (spans go to the in-memory exporter, never to a collector).
 */
public class ShellTestProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.otel.sdk.disabled", "false",
                "quarkus.otel.bsp.schedule.delay", "50ms",
                "plenum.gateway.expose-query-plan", "true",
                "plenum.gateway.limits.max-aliases", "5",
                "plenum.gateway.limits.max-root-fields", "4",
                "plenum.gateway.limits.max-document-bytes", "4000",
                "plenum.gateway.limits.max-request-bytes", "20000");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(LibrarySubgraphsResource.class));
    }
}
