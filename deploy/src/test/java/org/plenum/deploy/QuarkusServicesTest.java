package org.plenum.deploy;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The three services' deployment matches how they are configured and how they find each other. */
class QuarkusServicesTest {

    /** The ports fixed by the project's cross-service contract. */
    private static final Map<String, Integer> CONTRACT_PORTS = Map.of(
            "gateway", 8080, "topics-service", 8081, "speakers-service", 8082);
    /** The subgraphs serve health and metrics on Quarkus' management interface, apart from GraphQL. */
    private static final Map<String, Integer> MANAGEMENT_PORTS = Map.of("topics-service", 9081, "speakers-service", 9082);
    private static final Map<String, String> HEALTH_PROBES = Map.of(
            "startupProbe", "/q/health/started",
            "readinessProbe", "/q/health/ready",
            "livenessProbe", "/q/health/live");

    @ForEachOverlay
    void eachServiceListensWhereItsContainerPortAndServiceSay(Manifests manifests) {
        CONTRACT_PORTS.forEach((name, port) -> {
            Workload workload = manifests.workload(name);
            Map<String, String> environment = ContainerEnvironment.of(manifests, workload.container());
            assertEquals(String.valueOf(port), environment.get("QUARKUS_HTTP_PORT"), name + " QUARKUS_HTTP_PORT");
            assertEquals("kubernetes", environment.get("QUARKUS_PROFILE"), name + " profile (JSON logs)");
            Integer managementPort = MANAGEMENT_PORTS.get(name);
            assertEquals(managementPort == null ? null : String.valueOf(managementPort),
                    environment.get("QUARKUS_MANAGEMENT_PORT"), name + " QUARKUS_MANAGEMENT_PORT");
            assertEquals(managementPort == null ? List.of(port) : List.of(port, managementPort), workload.containerPorts(),
                    name + " container ports");
            Map<String, Object> servicePort = manifests.get("Service", name).listAt("spec", "ports").get(0);
            assertEquals(port, servicePort.get("port"), name + " Service port");
            assertEquals(workload.resolvePort(servicePort.get("targetPort")).orElse(null), port, name + " Service targetPort");
        });
    }

    @ForEachOverlay
    void probesAskSmallRyeHealthWhereItIsServed(Manifests manifests) {
        CONTRACT_PORTS.forEach((name, httpPort) -> {
            int port = healthAndMetricsPort(name);
            Workload workload = manifests.workload(name);
            HEALTH_PROBES.forEach((probe, path) -> {
                Map<String, Object> httpGet = Tree.map(Tree.at(workload.container(), probe, "httpGet"));
                assertEquals(path, httpGet.get("path"), name + " " + probe + " path");
                assertEquals(port, workload.resolvePort(httpGet.get("port")).orElse(null), name + " " + probe + " port");
            });
        });
    }

    @ForEachOverlay
    void podsAdvertiseTheirMetricsEndpointToPrometheus(Manifests manifests) {
        CONTRACT_PORTS.keySet().forEach(name -> {
            Map<String, String> annotations = manifests.workload(name).podAnnotations();
            assertEquals("true", annotations.get("prometheus.io/scrape"), name);
            assertEquals("/q/metrics", annotations.get("prometheus.io/path"), name);
            assertEquals(String.valueOf(healthAndMetricsPort(name)), annotations.get("prometheus.io/port"), name);
        });
    }

    /** The management port for the subgraphs, the HTTP port for the gateway. */
    private static int healthAndMetricsPort(String name) {
        return MANAGEMENT_PORTS.getOrDefault(name, CONTRACT_PORTS.get(name));
    }

    @ForEachOverlay
    void theGatewayFetchesEachSubgraphThroughItsService(Manifests manifests) {
        Map<String, String> subgraphUrls = new TreeMap<>();
        ContainerEnvironment.of(manifests, manifests.workload("gateway").container()).forEach((variable, value) -> {
            if (variable.startsWith("PLENUM_GATEWAY_SUBGRAPHS_")) {
                subgraphUrls.put(variable, value);
            }
        });
        assertEquals(List.of("PLENUM_GATEWAY_SUBGRAPHS_SPEAKERS_URL", "PLENUM_GATEWAY_SUBGRAPHS_TOPICS_URL"),
                List.copyOf(subgraphUrls.keySet()));
        assertReaches(manifests, subgraphUrls.get("PLENUM_GATEWAY_SUBGRAPHS_SPEAKERS_URL"), "speakers-service", "/graphql");
        assertReaches(manifests, subgraphUrls.get("PLENUM_GATEWAY_SUBGRAPHS_TOPICS_URL"), "topics-service", "/graphql");
    }

    @ForEachOverlay
    void theSubgraphsCallEachOtherThroughTheirServices(Manifests manifests) {
        Map<String, String> topics = ContainerEnvironment.of(manifests, manifests.workload("topics-service").container());
        assertReaches(manifests, topics.get("PLENUM_SPEAKERS_SERVICE_URL"), "speakers-service", "");
        Map<String, String> speakers = ContainerEnvironment.of(manifests, manifests.workload("speakers-service").container());
        assertReaches(manifests, speakers.get("PLENUM_TOPICS_SERVICE_URL"), "topics-service", "");
        assertEquals("speakers", speakers.get("QUARKUS_MONGODB_DATABASE"));
    }

    @ForEachOverlay
    void eachServiceRunsTheJibImageOfThisProjectVersion(Manifests manifests) {
        String version = System.getProperty("project.version");
        for (String name : CONTRACT_PORTS.keySet()) {
            Workload workload = manifests.workload(name);
            assertEquals("plenum/" + name + ":" + version, workload.container().get("image"), name + " image");
            assertEquals(version, workload.podLabels().get("app.kubernetes.io/version"), name + " pod version label");
            assertEquals(version, workload.owner().labels().get("app.kubernetes.io/version"), name + " version label");
        }
    }

    /** The URL names a Service, on one of its ports, that leads to the given workload's HTTP port. */
    private static void assertReaches(Manifests manifests, String url, String workloadName, String path) {
        assertTrue(url != null, "no URL for " + workloadName);
        URI uri = URI.create(url);
        assertEquals("http", uri.getScheme(), url);
        assertEquals(path, uri.getPath(), url);
        K8sObject service = manifests.get("Service", uri.getHost());
        Workload workload = manifests.workload(workloadName);
        assertEquals(List.of(workload), manifests.selectedByService(service), url + " does not lead to " + workloadName);
        Map<String, Object> servicePort = service.listAt("spec", "ports").stream()
                .filter(port -> port.get("port").equals(uri.getPort()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(url + ": " + service + " has no port " + uri.getPort()));
        assertEquals(CONTRACT_PORTS.get(workloadName), workload.resolvePort(servicePort.get("targetPort")).orElse(null), url);
    }
}
