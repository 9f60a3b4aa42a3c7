package org.plenum.deploy;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Labels are everywhere, and every selector and reference by name finds what it is meant to. */
class LabelsAndSelectorsTest {

    private static final List<String> RECOMMENDED_LABELS = List.of(
            "app.kubernetes.io/name", "app.kubernetes.io/instance", "app.kubernetes.io/component",
            "app.kubernetes.io/part-of", "app.kubernetes.io/version", "app.kubernetes.io/managed-by");
    private static final String VERSION_LABEL = "app.kubernetes.io/version";

    @ForEachOverlay
    void everyObjectAndPodCarriesTheRecommendedLabels(Manifests manifests) {
        for (K8sObject object : manifests.objects()) {
            assertTrue(object.labels().keySet().containsAll(RECOMMENDED_LABELS), object + " labels " + object.labels());
            assertEquals("plenum", object.labels().get("app.kubernetes.io/part-of"), object + " part-of");
        }
        for (Workload workload : manifests.workloads()) {
            assertTrue(workload.podLabels().keySet().containsAll(RECOMMENDED_LABELS),
                    workload + " pod labels " + workload.podLabels());
        }
    }

    @ForEachOverlay
    void eachWorkloadSelectsItsOwnPodsAndNoOthers(Manifests manifests) {
        for (Workload workload : manifests.workloads()) {
            assertEquals(List.of(workload), manifests.selectedBy(workload.selector()), workload + " selector");
            // Selectors are immutable: a label that changes with each release must stay out of them.
            Map<String, String> matchLabels = Tree.stringMap(workload.selector().get("matchLabels"));
            assertFalse(matchLabels.containsKey(VERSION_LABEL), workload + " selector");
        }
    }

    @ForEachOverlay
    void eachServiceSelectsOneWorkloadOnPortsItsContainersOpen(Manifests manifests) {
        for (K8sObject service : manifests.ofKind("Service")) {
            List<Workload> selected = manifests.selectedByService(service);
            assertEquals(1, selected.size(), service + " selects " + selected);
            assertFalse(Tree.stringMap(service.at("spec", "selector")).containsKey(VERSION_LABEL), service + " selector");
            for (Map<String, Object> port : service.listAt("spec", "ports")) {
                Object targetPort = port.getOrDefault("targetPort", port.get("port"));
                assertTrue(selected.get(0).resolvePort(targetPort).isPresent(),
                        service + " targets port " + targetPort + " that " + selected.get(0) + " does not open");
            }
        }
    }

    @ForEachOverlay
    void statefulSetsHaveAHeadlessGoverningServiceAndPersistentVolumes(Manifests manifests) {
        for (K8sObject statefulSet : manifests.ofKind("StatefulSet")) {
            K8sObject service = manifests.get("Service", (String) statefulSet.at("spec", "serviceName"));
            assertEquals("None", service.at("spec", "clusterIP"), service + " must be headless");
            assertEquals(List.of(new Workload(statefulSet)), manifests.selectedByService(service));
            List<String> claims = statefulSet.listAt("spec", "volumeClaimTemplates").stream()
                    .map(claim -> (String) Tree.at(claim, "metadata", "name")).toList();
            assertFalse(claims.isEmpty(), statefulSet + " has no volumeClaimTemplates");
            boolean mounted = new Workload(statefulSet).containers().stream()
                    .flatMap(container -> Tree.maps(container.get("volumeMounts")).stream())
                    .anyMatch(mount -> claims.contains(mount.get("name")));
            assertTrue(mounted, statefulSet + " does not mount its persistent volume");
        }
    }

    @ForEachOverlay
    void theGatewayScalesAndSurvivesDisruptions(Manifests manifests) {
        K8sObject autoscaler = manifests.get("HorizontalPodAutoscaler", "gateway");
        Map<String, Object> target = autoscaler.mapAt("spec", "scaleTargetRef");
        assertEquals("Deployment", target.get("kind"));
        K8sObject deployment = manifests.get("Deployment", (String) target.get("name"));
        assertEquals("apps/v1", target.get("apiVersion"));
        // The autoscaler owns the replica count; a fixed one would be reset by every apply.
        assertEquals(null, deployment.at("spec", "replicas"), "gateway Deployment replicas");

        K8sObject budget = manifests.get("PodDisruptionBudget", "gateway");
        assertEquals(List.of(new Workload(deployment)), manifests.selectedBy(budget.mapAt("spec", "selector")));
        int minAvailable = (Integer) budget.at("spec", "minAvailable");
        int minReplicas = (Integer) autoscaler.at("spec", "minReplicas");
        assertTrue(minAvailable < minReplicas, "a node drain must be able to evict one gateway pod");
    }

    @ForEachOverlay
    void topologySpreadSelectsTheWorkloadsOwnPods(Manifests manifests) {
        for (Workload workload : manifests.workloads()) {
            for (Map<String, Object> constraint : Tree.maps(workload.podSpec().get("topologySpreadConstraints"))) {
                List<Workload> spread = manifests.selectedBy(Tree.map(constraint.get("labelSelector")));
                assertEquals(List.of(workload), spread, workload + " topology spread");
            }
        }
    }

    @ForEachOverlay
    void networkPoliciesSelectPodsThatExist(Manifests manifests) {
        for (K8sObject policy : manifests.ofKind("NetworkPolicy")) {
            assertFalse(manifests.selectedBy(policy.mapAt("spec", "podSelector")).isEmpty(), policy + " selects no pod");
            for (Map<String, Object> rule : policy.listAt("spec", "ingress")) {
                for (Map<String, Object> peer : Tree.maps(rule.get("from"))) {
                    if (peer.containsKey("podSelector") && !peer.containsKey("namespaceSelector")) {
                        assertFalse(manifests.selectedBy(Tree.map(peer.get("podSelector"))).isEmpty(),
                                policy + " allows traffic from pods that do not exist: " + peer);
                    }
                }
            }
        }
    }

    @ForEachOverlay
    void theIngressRoutesWhatTheGatewayServesToTheGatewayService(Manifests manifests) {
        K8sObject ingress = manifests.get("Ingress", "gateway");
        List<Map<String, Object>> paths = ingress.listAt("spec", "rules").stream()
                .flatMap(rule -> Tree.maps(Tree.at(rule, "http", "paths")).stream())
                .toList();
        assertEquals(List.of("/graphql", "/graphiql", "/"), paths.stream().map(path -> path.get("path")).toList());
        for (Map<String, Object> path : paths) {
            Map<String, Object> backend = Tree.map(Tree.at(path, "backend", "service"));
            K8sObject service = manifests.get("Service", (String) backend.get("name"));
            assertEquals(List.of(manifests.workload("gateway")), manifests.selectedByService(service));
            Object portName = Tree.at(backend, "port", "name");
            assertTrue(service.listAt("spec", "ports").stream().anyMatch(port -> port.get("name").equals(portName)),
                    "Ingress names port " + portName + " that " + service + " does not have");
        }
    }
}
