package org.plenum.deploy;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import io.kubernetes.client.openapi.JSON;

import java.lang.reflect.InvocationTargetException;
import java.util.Map;

/**
 * Validates objects with the model classes that the official Kubernetes Java client generates from the
 * Kubernetes OpenAPI spec: unknown fields, missing required fields and wrong JSON types are rejected,
 * and typed values (quantities, int-or-string ports) must parse.
 */
final class OpenApiSchema {

    /** The API group of each kind the manifests use; a new kind must be added here to pass. */
    private static final Map<String, String> GROUPS = Map.ofEntries(
            Map.entry("Namespace", ""),
            Map.entry("ConfigMap", ""),
            Map.entry("Secret", ""),
            Map.entry("Service", ""),
            Map.entry("Deployment", "apps"),
            Map.entry("StatefulSet", "apps"),
            Map.entry("Ingress", "networking.k8s.io"),
            Map.entry("NetworkPolicy", "networking.k8s.io"),
            Map.entry("HorizontalPodAutoscaler", "autoscaling"),
            Map.entry("PodDisruptionBudget", "policy"));
    private static final String MODELS = "io.kubernetes.client.openapi.models.";
    private static final Gson PLAIN = new Gson();

    private OpenApiSchema() {
    }

    /** @throws IllegalArgumentException naming what is wrong */
    static void validate(K8sObject object) {
        String apiVersion = String.valueOf(object.apiVersion());
        int slash = apiVersion.lastIndexOf('/');
        String group = slash < 0 ? "" : apiVersion.substring(0, slash);
        String version = apiVersion.substring(slash + 1);
        if (!group.equals(GROUPS.get(object.kind()))) {
            throw new IllegalArgumentException(
                    object + ": kind " + object.kind() + " is not served by API group '" + group + "'");
        }
        Class<?> model = modelClass(object, version);
        JsonElement json = PLAIN.toJsonTree(object.raw());
        try {
            model.getMethod("validateJsonElement", JsonElement.class).invoke(null, json);
            JSON.getGson().fromJson(json, model);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException(object + ": " + e.getCause().getMessage(), e.getCause());
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalArgumentException(object + ": " + e.getMessage(), e);
        }
    }

    private static Class<?> modelClass(K8sObject object, String version) {
        String className = MODELS + Character.toUpperCase(version.charAt(0)) + version.substring(1) + object.kind();
        try {
            return Class.forName(className);
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException(
                    object + ": no Kubernetes API has " + object.apiVersion() + " " + object.kind(), e);
        }
    }
}
