package org.plenum.deploy;

import org.opentest4j.AssertionFailedError;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The objects one overlay renders to. */
record Manifests(String overlay, List<K8sObject> objects) {

    List<K8sObject> ofKind(String kind) {
        return objects.stream().filter(object -> kind.equals(object.kind())).toList();
    }

    Optional<K8sObject> find(String kind, String name) {
        return objects.stream().filter(object -> object.is(kind, name)).findFirst();
    }

    K8sObject get(String kind, String name) {
        return find(kind, name).orElseThrow(
                () -> new AssertionFailedError(overlay + " renders no " + kind + "/" + name));
    }

    List<Workload> workloads() {
        return objects.stream().filter(Workload::isWorkload).map(Workload::new).toList();
    }

    Optional<Workload> findWorkload(String name) {
        return workloads().stream().filter(workload -> workload.name().equals(name)).findFirst();
    }

    Workload workload(String name) {
        return findWorkload(name).orElseThrow(
                () -> new AssertionFailedError(overlay + " renders no Deployment or StatefulSet " + name));
    }

    /** The workloads whose pods a Service's selector picks. */
    List<Workload> selectedByService(K8sObject service) {
        Map<String, String> selector = Tree.stringMap(service.at("spec", "selector"));
        return workloads().stream()
                .filter(workload -> LabelSelector.serviceSelects(selector, workload.podLabels()))
                .toList();
    }

    /** The workloads whose pods a metav1.LabelSelector picks. */
    List<Workload> selectedBy(Map<String, Object> selector) {
        return workloads().stream()
                .filter(workload -> LabelSelector.matches(selector, workload.podLabels()))
                .toList();
    }

    @Override
    public String toString() {
        return overlay;
    }
}
