package org.plenum.deploy;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every ConfigMap and Secret a pod needs is rendered, or documented as one the operator creates. */
class ConfigReferencesTest {

    private static final String OPERATOR_SECRETS_HEADING = "## Secrets the operator creates";
    private static final Pattern TABLE_ROW = Pattern.compile("^\\|\\s*`([^`]+)`\\s*\\|\\s*`([^`]+)`\\s*\\|");

    @ForEachOverlay
    void everyConfigMapReferenceIsRenderedWithItsKey(Manifests manifests) {
        for (Workload workload : manifests.workloads()) {
            for (ConfigReference reference : ConfigReference.all(workload)) {
                if (reference.kind().equals("ConfigMap")) {
                    K8sObject configMap = manifests.get("ConfigMap", reference.name());
                    assertTrue(reference.key() == null || Tree.map(configMap.at("data")).containsKey(reference.key()),
                            workload + " needs " + reference);
                }
            }
        }
    }

    @ForEachOverlay
    void everySecretReferenceIsRenderedWithItsKeyOrDocumentedForTheOperator(Manifests manifests) throws IOException {
        Set<String> documented = operatorSecretKeysInReadme();
        for (String missing : secretKeysNotRendered(manifests)) {
            assertTrue(documented.contains(missing), manifests + ": " + missing
                    + " is neither rendered nor listed under '" + OPERATOR_SECRETS_HEADING + "' in deploy/README.md");
        }
    }

    @Test
    void theReadmeListsExactlyTheSecretKeysThatSomeOverlayLeavesToTheOperator() throws IOException {
        Set<String> leftToOperator = new TreeSet<>();
        Overlays.rendered().forEach(manifests -> leftToOperator.addAll(secretKeysNotRendered(manifests)));
        assertFalse(leftToOperator.isEmpty(), "the external-databases overlay expects the operator's Secrets");
        assertEquals(leftToOperator, new TreeSet<>(operatorSecretKeysInReadme()));
    }

    @Test
    void theEmbeddedDatabasesOverlayNeedsNoSecretFromTheOperator() {
        assertEquals(Set.of(), secretKeysNotRendered(Overlays.rendered("embedded-databases")));
    }

    /** "secret-name/key" of each Secret value a pod reads that the overlay does not render. */
    private static Set<String> secretKeysNotRendered(Manifests manifests) {
        Set<String> missing = new LinkedHashSet<>();
        for (Workload workload : manifests.workloads()) {
            for (ConfigReference reference : ConfigReference.all(workload)) {
                if (reference.kind().equals("Secret")) {
                    Optional<Map<String, String>> data = ContainerEnvironment.secretData(manifests, reference.name());
                    assertTrue(reference.key() != null, workload + " takes a whole Secret: name each key it needs");
                    if (data.isEmpty()) {
                        missing.add(reference.name() + "/" + reference.key());
                    } else {
                        assertTrue(data.get().containsKey(reference.key()), workload + " needs " + reference);
                    }
                }
            }
        }
        return missing;
    }

    /** "secret-name/key" of each row in the README's table of Secrets the operator creates. */
    private static Set<String> operatorSecretKeysInReadme() throws IOException {
        Set<String> documented = new LinkedHashSet<>();
        boolean inSection = false;
        for (String line : Files.readAllLines(Kustomize.DEPLOY_DIR.resolve("README.md"))) {
            if (line.startsWith("## ")) {
                inSection = line.startsWith(OPERATOR_SECRETS_HEADING);
            }
            Matcher row = TABLE_ROW.matcher(line);
            if (inSection && row.find()) {
                documented.add(row.group(1) + "/" + row.group(2));
            }
        }
        return documented;
    }
}
