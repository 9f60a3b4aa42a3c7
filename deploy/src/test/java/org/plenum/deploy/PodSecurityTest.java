package org.plenum.deploy;

import io.kubernetes.client.custom.Quantity;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every pod meets the "restricted" Pod Security Standard and has bounded resources. */
class PodSecurityTest {

    private static final List<String> QUARKUS_SERVICES = List.of("gateway", "topics-service", "speakers-service");
    /** The user of Jib's Quarkus base images. */
    private static final int JIB_USER = 185;

    @ForEachOverlay
    void everyContainerRunsUnprivilegedOnAReadOnlyRoot(Manifests manifests) {
        for (Workload workload : manifests.workloads()) {
            Map<String, Object> pod = Tree.map(workload.podSpec().get("securityContext"));
            assertEquals(false, workload.podSpec().get("automountServiceAccountToken"), workload + " service account token");
            assertEquals(false, workload.podSpec().get("enableServiceLinks"), workload + " service links in the environment");
            for (Map<String, Object> container : workload.containers()) {
                String where = workload + " container " + container.get("name");
                Map<String, Object> own = Tree.map(container.get("securityContext"));
                assertEquals(true, effective("runAsNonRoot", own, pod), where + " runAsNonRoot");
                assertNotEquals(0, effective("runAsUser", own, pod), where + " runAsUser");
                assertTrue(effective("runAsUser", own, pod) instanceof Integer, where + " runAsUser must be numeric");
                assertEquals("RuntimeDefault", Tree.at(effective("seccompProfile", own, pod), "type"), where + " seccomp");
                assertEquals(false, own.get("allowPrivilegeEscalation"), where + " allowPrivilegeEscalation");
                assertEquals(true, own.get("readOnlyRootFilesystem"), where + " readOnlyRootFilesystem");
                assertEquals(List.of("ALL"), Tree.at(own, "capabilities", "drop"), where + " dropped capabilities");
                assertEquals(null, Tree.at(own, "capabilities", "add"), where + " added capabilities");
                assertEquals(null, own.get("privileged"), where + " privileged");
            }
        }
    }

    @ForEachOverlay
    void theNamespaceEnforcesTheRestrictedPodSecurityStandard(Manifests manifests) {
        Map<String, String> labels = manifests.get("Namespace", "plenum").labels();
        assertEquals("restricted", labels.get("pod-security.kubernetes.io/enforce"));
    }

    @ForEachOverlay
    void quarkusServicesRunAsTheJibUserWithAWritableTmp(Manifests manifests) {
        for (String name : QUARKUS_SERVICES) {
            Workload workload = manifests.workload(name);
            assertEquals(JIB_USER, Tree.at(workload.podSpec(), "securityContext", "runAsUser"), name + " runAsUser");
            Map<String, Object> tmpMount = Tree.maps(workload.container().get("volumeMounts")).stream()
                    .filter(mount -> "/tmp".equals(mount.get("mountPath")))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(name + " mounts nothing at /tmp"));
            boolean emptyDir = Tree.maps(workload.podSpec().get("volumes")).stream()
                    .anyMatch(volume -> volume.get("name").equals(tmpMount.get("name")) && volume.containsKey("emptyDir"));
            assertTrue(emptyDir, name + " /tmp must be an emptyDir");
        }
    }

    @ForEachOverlay
    void everyContainerRequestsAndIsLimitedInCpuAndMemory(Manifests manifests) {
        for (Workload workload : manifests.workloads()) {
            for (Map<String, Object> container : workload.containers()) {
                for (String resource : List.of("cpu", "memory")) {
                    String where = workload + " container " + container.get("name") + " " + resource;
                    Object request = Tree.at(container, "resources", "requests", resource);
                    Object limit = Tree.at(container, "resources", "limits", resource);
                    assertTrue(request != null && limit != null, where + " needs a request and a limit");
                    assertTrue(quantity(request).compareTo(quantity(limit)) <= 0, where + " request exceeds limit");
                }
            }
        }
    }

    @ForEachOverlay
    void everyImageHasAFixedTag(Manifests manifests) {
        for (Workload workload : manifests.workloads()) {
            for (Map<String, Object> container : workload.containers()) {
                String image = (String) container.get("image");
                String tag = image.substring(image.lastIndexOf('/') + 1).replaceFirst("^[^:]*:?", "");
                assertTrue(!tag.isEmpty() && !tag.equals("latest"), workload + " image " + image + " needs a fixed tag");
            }
        }
    }

    private static Object effective(String field, Map<String, Object> container, Map<String, Object> pod) {
        return container.containsKey(field) ? container.get(field) : pod.get(field);
    }

    private static BigDecimal quantity(Object value) {
        return new Quantity(String.valueOf(value)).getNumber();
    }
}
