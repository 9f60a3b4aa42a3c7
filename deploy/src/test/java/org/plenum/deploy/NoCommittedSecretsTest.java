package org.plenum.deploy;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Credentials reach the cluster from the operator's files or Secrets, never from the repository. */
class NoCommittedSecretsTest {

    @Test
    void noManifestInTheRepositoryIsASecret() throws IOException {
        for (Path file : manifestFiles()) {
            for (K8sObject object : Kustomize.parse(Files.readString(file))) {
                assertFalse("Secret".equals(object.kind()), file + " commits a Secret");
            }
        }
    }

    @Test
    void everyFileASecretIsGeneratedFromIsGitIgnoredAndHasACommittedExample() throws Exception {
        List<Path> secretSources = new ArrayList<>();
        for (Path file : manifestFiles()) {
            if (file.getFileName().toString().equals("kustomization.yaml")) {
                for (Map<String, Object> generator : Tree.maps(Kustomize.readYaml(file).get("secretGenerator"))) {
                    Stream.of("envs", "files")
                            .flatMap(field -> generator.get(field) instanceof List<?> list ? list.stream() : Stream.empty())
                            .forEach(source -> secretSources.add(file.resolveSibling(String.valueOf(source))));
                }
            }
        }
        assertFalse(secretSources.isEmpty(), "the embedded-databases overlay generates its Secrets from files");
        for (Path source : secretSources) {
            assertTrue(Files.exists(Path.of(source + ".example")), source + " has no committed .example");
            assertEquals(0, gitCheckIgnore(source), source + " is not git-ignored");
        }
    }

    private static int gitCheckIgnore(Path file) throws IOException, InterruptedException {
        Process git = new ProcessBuilder("git", "check-ignore", "--quiet", "--no-index", file.toString())
                .directory(Kustomize.DEPLOY_DIR.toFile())
                .redirectErrorStream(true)
                .start();
        git.getInputStream().readAllBytes();
        if (!git.waitFor(1, TimeUnit.MINUTES)) {
            git.destroyForcibly();
            throw new IllegalStateException("git check-ignore did not finish");
        }
        return git.exitValue();
    }

    private static List<Path> manifestFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String part : List.of("base", "components", "overlays")) {
            try (Stream<Path> paths = Files.walk(Kustomize.DEPLOY_DIR.resolve(part))) {
                paths.filter(path -> path.toString().endsWith(".yaml")).forEach(files::add);
            }
        }
        return files;
    }
}
