package org.plenum.deploy;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every rendered object is one the Kubernetes API would accept. */
class KubernetesSchemaTest {

    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    @ForEachOverlay
    void everyObjectIsValidAgainstTheKubernetesOpenApiModels(Manifests manifests) {
        assertFalse(manifests.objects().isEmpty(), manifests + " renders nothing");
        List<String> problems = new ArrayList<>();
        for (K8sObject object : manifests.objects()) {
            try {
                OpenApiSchema.validate(object);
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        assertEquals(List.of(), problems);
    }

    @ForEachOverlay
    void everyObjectHasAUniqueValidNameInTheApplicationNamespace(Manifests manifests) {
        Set<String> seen = new HashSet<>();
        for (K8sObject object : manifests.objects()) {
            assertTrue(object.name() != null && DNS_LABEL.matcher(object.name()).matches(), object + ": name is no DNS label");
            assertTrue(seen.add(object.toString()), object + " is rendered twice");
            if (!"Namespace".equals(object.kind())) {
                assertEquals("plenum", object.namespace(), object + " namespace");
            }
        }
    }

    @Test
    void schemaValidationRejectsAMisspelledField() {
        K8sObject deployment = parse("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: broken}
                spec:
                  selector: {matchLabels: {app: broken}}
                  template:
                    metadata: {labels: {app: broken}}
                    spec:
                      containers:
                        - name: broken
                          image: broken:1
                          readinesProbe: {httpGet: {path: /q/health/ready, port: 8080}}
                """);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> OpenApiSchema.validate(deployment));
        assertTrue(error.getMessage().contains("readinesProbe"), error.getMessage());
    }

    @Test
    void schemaValidationRejectsAMissingRequiredField() {
        K8sObject service = parse("""
                apiVersion: v1
                kind: Service
                metadata: {name: broken}
                spec:
                  ports:
                    - name: http
                      targetPort: http
                """);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> OpenApiSchema.validate(service));
        assertTrue(error.getMessage().contains("port"), error.getMessage());
    }

    @Test
    void schemaValidationRejectsAKindInTheWrongApiGroup() {
        K8sObject ingress = parse("""
                apiVersion: extensions/v1beta1
                kind: Ingress
                metadata: {name: old}
                """);
        assertThrows(IllegalArgumentException.class, () -> OpenApiSchema.validate(ingress));
    }

    private static K8sObject parse(String yaml) {
        return Kustomize.parse(yaml).get(0);
    }
}
