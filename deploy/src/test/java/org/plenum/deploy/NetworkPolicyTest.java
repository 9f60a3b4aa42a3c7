package org.plenum.deploy;

import org.plenum.deploy.IngressRules.Peer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Evaluates the rendered NetworkPolicies for every pair of peer and pod port: exactly the
 * connections the services need are allowed, everything else is refused.
 */
class NetworkPolicyTest {

    /**
     * Who needs to reach whom: the gateway calls both subgraphs, the subgraphs call each other, each owns its database;
     * Prometheus scrapes the gateway's HTTP port and the subgraphs' management ports (9081, 9082) only.
     */
    private static final Set<String> NEEDED = Set.of(
            "namespace ingress-nginx -> gateway:8080",
            "namespace monitoring -> gateway:8080",
            "namespace monitoring -> topics-service:9081",
            "namespace monitoring -> speakers-service:9082",
            "gateway -> topics-service:8081",
            "gateway -> speakers-service:8082",
            "topics-service -> speakers-service:8082",
            "speakers-service -> topics-service:8081",
            "topics-service -> postgresql:5432",
            "speakers-service -> mongodb:27017");

    @ForEachOverlay
    void exactlyTheNeededConnectionsAreAllowed(Manifests manifests) {
        IngressRules rules = new IngressRules(manifests);
        Set<String> allowed = new TreeSet<>();
        Set<String> expected = new TreeSet<>();
        for (Peer source : peers(manifests, rules)) {
            for (Workload target : manifests.workloads()) {
                for (int port : probedPorts(target)) {
                    String connection = source + " -> " + target.name() + ":" + port;
                    if (rules.allows(source, target, port)) {
                        allowed.add(connection);
                    }
                    if (NEEDED.contains(connection)) {
                        expected.add(connection);
                    }
                }
            }
        }
        assertEquals(Set.of(), difference(expected, allowed), "needed but refused");
        assertEquals(Set.of(), difference(allowed, expected), "allowed but not needed");
    }

    private static Set<String> difference(Set<String> some, Set<String> others) {
        Set<String> difference = new TreeSet<>(some);
        difference.removeAll(others);
        return difference;
    }

    /** The workloads' own pods, plus pods elsewhere, some labelled like ours to catch selectors that ignore namespaces. */
    private static List<Peer> peers(Manifests manifests, IngressRules rules) {
        List<Peer> peers = new ArrayList<>();
        manifests.workloads().forEach(workload -> peers.add(rules.podOf(workload)));
        Map<String, String> gatewayLabels = manifests.workload("gateway").podLabels();
        peers.add(Peer.inNamespace("namespace ingress-nginx", "ingress-nginx",
                Map.of("app.kubernetes.io/name", "ingress-nginx")));
        peers.add(Peer.inNamespace("namespace monitoring", "monitoring", Map.of("app.kubernetes.io/name", "prometheus")));
        peers.add(Peer.inNamespace("namespace default", "default", Map.of()));
        peers.add(Peer.inNamespace("gateway look-alike in namespace default", "default", gatewayLabels));
        peers.add(Peer.inNamespace("unlabelled pod in namespace plenum", "plenum", Map.of()));
        return peers;
    }

    /** Each port a container opens, and one it does not (a debugger's, say). */
    private static List<Integer> probedPorts(Workload target) {
        List<Integer> ports = new ArrayList<>(target.containerPorts());
        ports.add(5005);
        return ports;
    }
}
