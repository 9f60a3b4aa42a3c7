package org.plenum.deploy;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A Deployment or StatefulSet, seen through the pods its template creates. */
record Workload(K8sObject owner) {

    static boolean isWorkload(K8sObject object) {
        return "Deployment".equals(object.kind()) || "StatefulSet".equals(object.kind());
    }

    String name() {
        return owner.name();
    }

    String namespace() {
        return owner.namespace();
    }

    Map<String, Object> selector() {
        return owner.mapAt("spec", "selector");
    }

    Map<String, String> podLabels() {
        return Tree.stringMap(owner.at("spec", "template", "metadata", "labels"));
    }

    Map<String, String> podAnnotations() {
        return Tree.stringMap(owner.at("spec", "template", "metadata", "annotations"));
    }

    Map<String, Object> podSpec() {
        return owner.mapAt("spec", "template", "spec");
    }

    List<Map<String, Object>> containers() {
        return Tree.maps(podSpec().get("containers"));
    }

    Map<String, Object> container() {
        return containers().get(0);
    }

    /** The container port with this name or number, as a number; empty when no container declares it. */
    Optional<Integer> resolvePort(Object nameOrNumber) {
        for (Map<String, Object> container : containers()) {
            for (Map<String, Object> port : Tree.maps(container.get("ports"))) {
                if (nameOrNumber.equals(port.get("name")) || nameOrNumber.equals(port.get("containerPort"))) {
                    return Optional.of((Integer) port.get("containerPort"));
                }
            }
        }
        return Optional.empty();
    }

    List<Integer> containerPorts() {
        return containers().stream()
                .flatMap(container -> Tree.maps(container.get("ports")).stream())
                .map(port -> (Integer) port.get("containerPort"))
                .toList();
    }

    @Override
    public String toString() {
        return owner.toString();
    }
}
