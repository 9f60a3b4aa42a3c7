package org.plenum.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A pod's reference to a ConfigMap or Secret (and, for a single value, its key; null for all keys). */
record ConfigReference(String kind, String name, String key) {

    static List<ConfigReference> all(Workload workload) {
        List<ConfigReference> references = new ArrayList<>();
        for (Map<String, Object> container : workload.containers()) {
            for (Map<String, Object> source : Tree.maps(container.get("envFrom"))) {
                addIfPresent(references, "ConfigMap", Tree.at(source, "configMapRef", "name"), null);
                addIfPresent(references, "Secret", Tree.at(source, "secretRef", "name"), null);
            }
            for (Map<String, Object> variable : Tree.maps(container.get("env"))) {
                Map<String, Object> configMapKey = Tree.map(Tree.at(variable, "valueFrom", "configMapKeyRef"));
                addIfPresent(references, "ConfigMap", configMapKey.get("name"), configMapKey.get("key"));
                Map<String, Object> secretKey = Tree.map(Tree.at(variable, "valueFrom", "secretKeyRef"));
                addIfPresent(references, "Secret", secretKey.get("name"), secretKey.get("key"));
            }
        }
        for (Map<String, Object> volume : Tree.maps(workload.podSpec().get("volumes"))) {
            addIfPresent(references, "ConfigMap", Tree.at(volume, "configMap", "name"), null);
            addIfPresent(references, "Secret", Tree.at(volume, "secret", "secretName"), null);
        }
        return references;
    }

    private static void addIfPresent(List<ConfigReference> references, String kind, Object name, Object key) {
        if (name != null) {
            references.add(new ConfigReference(kind, (String) name, (String) key));
        }
    }

    @Override
    public String toString() {
        return kind + "/" + name + (key == null ? "" : " key " + key);
    }
}
