package org.plenum.deploy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The environment a container gets once Kubernetes resolved it: ConfigMap entries, literal values and
 * values of Secrets that the overlay renders. Values of the operator's own Secrets stay unknown.
 */
final class ContainerEnvironment {

    private ContainerEnvironment() {
    }

    static Map<String, String> of(Manifests manifests, Map<String, Object> container) {
        Map<String, String> environment = new LinkedHashMap<>();
        for (Map<String, Object> source : Tree.maps(container.get("envFrom"))) {
            Object configMap = Tree.at(source, "configMapRef", "name");
            if (configMap != null) {
                environment.putAll(configMapData(manifests, (String) configMap));
            }
        }
        for (Map<String, Object> variable : Tree.maps(container.get("env"))) {
            value(manifests, variable).ifPresent(value -> environment.put((String) variable.get("name"), value));
        }
        return environment;
    }

    private static Optional<String> value(Manifests manifests, Map<String, Object> variable) {
        if (variable.containsKey("value")) {
            return Optional.of(String.valueOf(variable.get("value")));
        }
        Map<String, Object> configMapKey = Tree.map(Tree.at(variable, "valueFrom", "configMapKeyRef"));
        if (!configMapKey.isEmpty()) {
            Map<String, String> data = configMapData(manifests, (String) configMapKey.get("name"));
            return Optional.ofNullable(data.get(configMapKey.get("key")));
        }
        Map<String, Object> secretKey = Tree.map(Tree.at(variable, "valueFrom", "secretKeyRef"));
        return secretData(manifests, (String) secretKey.get("name")).map(data -> data.get(secretKey.get("key")));
    }

    static Map<String, String> configMapData(Manifests manifests, String name) {
        return manifests.find("ConfigMap", name).map(configMap -> Tree.stringMap(configMap.at("data"))).orElse(Map.of());
    }

    /** The decoded values of a rendered Secret; empty when the operator provides it. */
    static Optional<Map<String, String>> secretData(Manifests manifests, String name) {
        return manifests.find("Secret", name).map(secret -> {
            Map<String, String> decoded = new LinkedHashMap<>(Tree.stringMap(secret.at("stringData")));
            Tree.stringMap(secret.at("data")).forEach((key, value) ->
                    decoded.put(key, new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8)));
            return decoded;
        });
    }
}
