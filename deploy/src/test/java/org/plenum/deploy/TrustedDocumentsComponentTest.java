package org.plenum.deploy;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The optional trusted-documents component: the gateway refuses documents outside the manifest it mounts. */
class TrustedDocumentsComponentTest {

    @Test
    void anOverlayWithTheComponentMountsTheManifestWhereTheGatewayReadsIt() {
        Manifests manifests = Kustomize.buildOperatorOverlay("with-trusted-documents", """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources:
                  - ../external-databases
                components:
                  - ../../components/trusted-documents
                """);
        Workload gateway = manifests.workload("gateway");
        Map<String, String> environment = ContainerEnvironment.of(manifests, gateway.container());
        assertEquals("refuse", environment.get("PLENUM_GATEWAY_PERSISTED_DOCUMENTS_MODE"));
        assertEquals("kubernetes", environment.get("QUARKUS_PROFILE"), "the gateway keeps its own configuration");
        String manifestFile = environment.get("PLENUM_GATEWAY_PERSISTED_DOCUMENTS_MANIFEST_FILE");

        Map<String, Object> mount = Tree.maps(gateway.container().get("volumeMounts")).stream()
                .filter(candidate -> "persisted-documents".equals(candidate.get("name"))).findFirst().orElseThrow();
        assertEquals(Boolean.TRUE, mount.get("readOnly"));
        String directory = (String) mount.get("mountPath");
        assertTrue(manifestFile.startsWith(directory + "/"), manifestFile + " is in " + directory);

        Map<String, Object> volume = Tree.maps(gateway.podSpec().get("volumes")).stream()
                .filter(candidate -> "persisted-documents".equals(candidate.get("name"))).findFirst().orElseThrow();
        K8sObject configMap = manifests.get("ConfigMap", (String) Tree.at(volume, "configMap", "name"));
        String fileName = manifestFile.substring(directory.length() + 1);
        assertTrue(((String) Tree.map(configMap.at("data")).get(fileName)).contains("\"apollo-persisted-query-manifest\""),
                "the ConfigMap holds " + fileName);
        assertTrue(Tree.maps(gateway.podSpec().get("volumes")).stream().anyMatch(v -> "tmp".equals(v.get("name"))),
                "the conventions' /tmp volume stays");
    }
}
