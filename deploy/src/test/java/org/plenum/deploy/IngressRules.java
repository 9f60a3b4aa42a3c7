package org.plenum.deploy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Decides, as the Kubernetes NetworkPolicy API defines it, whether a peer may open a TCP connection
 * to a workload's pods on a port (ingress rules only; egress is not restricted by these manifests).
 */
final class IngressRules {

    private static final String NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";

    /** A pod that opens a connection: its namespace (with that namespace's labels) and its own labels. */
    record Peer(String description, String namespace, Map<String, String> namespaceLabels, Map<String, String> podLabels) {

        static Peer inNamespace(String description, String namespace, Map<String, String> podLabels) {
            return new Peer(description, namespace, Map.of(NAMESPACE_NAME_LABEL, namespace), podLabels);
        }

        @Override
        public String toString() {
            return description;
        }
    }

    private final Manifests manifests;

    IngressRules(Manifests manifests) {
        this.manifests = manifests;
    }

    /** A pod of this workload as a peer, in the rendered namespace with its labels. */
    Peer podOf(Workload workload) {
        Map<String, String> namespaceLabels = new HashMap<>(
                manifests.find("Namespace", workload.namespace()).map(K8sObject::labels).orElse(Map.of()));
        namespaceLabels.put(NAMESPACE_NAME_LABEL, workload.namespace());
        return new Peer(workload.name(), workload.namespace(), namespaceLabels, workload.podLabels());
    }

    boolean allows(Peer source, Workload target, int port) {
        List<K8sObject> isolating = manifests.ofKind("NetworkPolicy").stream()
                .filter(policy -> Objects.equals(policy.namespace(), target.namespace()))
                .filter(IngressRules::restrictsIngress)
                .filter(policy -> LabelSelector.matches(policy.mapAt("spec", "podSelector"), target.podLabels()))
                .toList();
        if (isolating.isEmpty()) {
            return true;
        }
        return isolating.stream().anyMatch(policy -> policy.listAt("spec", "ingress").stream()
                .anyMatch(rule -> fromMatches(policy, rule, source) && portMatches(rule, target, port)));
    }

    private static boolean restrictsIngress(K8sObject policy) {
        Object types = policy.at("spec", "policyTypes");
        return !(types instanceof List<?> list) || list.contains("Ingress");
    }

    private static boolean fromMatches(K8sObject policy, Map<String, Object> rule, Peer source) {
        List<Map<String, Object>> from = Tree.maps(rule.get("from"));
        return from.isEmpty() || from.stream().anyMatch(peer -> peerMatches(policy, peer, source));
    }

    private static boolean peerMatches(K8sObject policy, Map<String, Object> peer, Peer source) {
        if (peer.containsKey("ipBlock")) {
            return false; // addresses outside the cluster's pods; none of ours are described that way
        }
        boolean namespaceMatches = peer.containsKey("namespaceSelector")
                ? LabelSelector.matches(Tree.map(peer.get("namespaceSelector")), source.namespaceLabels())
                : source.namespace().equals(policy.namespace());
        boolean podMatches = !peer.containsKey("podSelector")
                || LabelSelector.matches(Tree.map(peer.get("podSelector")), source.podLabels());
        return namespaceMatches && podMatches;
    }

    private static boolean portMatches(Map<String, Object> rule, Workload target, int port) {
        List<Map<String, Object>> ports = Tree.maps(rule.get("ports"));
        return ports.isEmpty() || ports.stream().anyMatch(entry -> entryMatches(entry, target, port));
    }

    private static boolean entryMatches(Map<String, Object> entry, Workload target, int port) {
        if (!"TCP".equals(entry.getOrDefault("protocol", "TCP"))) {
            return false;
        }
        Object allowed = entry.get("port");
        if (allowed == null) {
            return true;
        }
        if (allowed instanceof Integer first) {
            int last = (Integer) entry.getOrDefault("endPort", first);
            return port >= first && port <= last;
        }
        return target.resolvePort(allowed).filter(resolved -> resolved == port).isPresent();
    }
}
