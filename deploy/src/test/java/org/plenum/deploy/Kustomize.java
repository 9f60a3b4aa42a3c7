package org.plenum.deploy;

import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs the real kustomize binary (pinned in package.json, installed by the Maven build) on a copy of
 * deploy/ in which each git-ignored password file is made from its committed *.example, as the
 * README tells an operator to do.
 */
final class Kustomize {

    static final Path DEPLOY_DIR = Path.of(System.getProperty("deploy.dir", ".")).toAbsolutePath();
    private static final Path WORK_TREE = Path.of(System.getProperty("render.dir", "target/render")).toAbsolutePath();
    private static final String EXAMPLE_SUFFIX = ".example";
    private static boolean copied;

    private Kustomize() {
    }

    static synchronized Manifests build(String overlay) {
        try {
            copyDeployTreeOnce();
            Path output = WORK_TREE.resolve(overlay + ".yaml");
            Path errors = WORK_TREE.resolve(overlay + ".err");
            Process kustomize = new ProcessBuilder(binary(), "build", WORK_TREE.resolve("overlays").resolve(overlay).toString())
                    .redirectOutput(output.toFile())
                    .redirectError(errors.toFile())
                    .start();
            if (!kustomize.waitFor(2, TimeUnit.MINUTES) || kustomize.exitValue() != 0) {
                kustomize.destroyForcibly();
                throw new IllegalStateException("kustomize build overlays/" + overlay + " failed: " + Files.readString(errors));
            }
            return new Manifests(overlay, parse(Files.readString(output)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Renders an overlay written by the test, as an operator would write one next to ours. */
    static synchronized Manifests buildOperatorOverlay(String name, String kustomization) {
        try {
            copyDeployTreeOnce();
            Path directory = Files.createDirectories(WORK_TREE.resolve("overlays").resolve(name));
            Files.writeString(directory.resolve("kustomization.yaml"), kustomization);
            return build(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<K8sObject> parse(String yamlDocuments) {
        List<K8sObject> objects = new ArrayList<>();
        for (Object document : new Yaml().loadAll(yamlDocuments)) {
            if (document != null) {
                objects.add(new K8sObject(Tree.map(document)));
            }
        }
        return objects;
    }

    private static String binary() {
        String binary = System.getProperty("kustomize.binary", "kustomize");
        if (binary.contains("/") && !Files.isExecutable(Path.of(binary))) {
            throw new IllegalStateException("No kustomize at " + binary
                    + ": the build installs it with `npm ci` (linux-x64);"
                    + " elsewhere pass -Dkustomize.binary=/path/to/kustomize");
        }
        return binary;
    }

    private static void copyDeployTreeOnce() throws IOException {
        if (copied) {
            return;
        }
        copied = true;
        if (Files.exists(WORK_TREE)) {
            try (Stream<Path> stale = Files.walk(WORK_TREE)) {
                for (Path path : stale.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        for (String part : List.of("base", "components", "overlays")) {
            Path source = DEPLOY_DIR.resolve(part);
            try (Stream<Path> paths = Files.walk(source)) {
                for (Path path : paths.toList()) {
                    copy(path, WORK_TREE.resolve(part).resolve(source.relativize(path).toString()));
                }
            }
        }
    }

    /** Copies a file, except a developer's real password file: those are made from the examples instead. */
    private static void copy(Path source, Path target) throws IOException {
        String fileName = source.getFileName().toString();
        if (Files.isDirectory(source)) {
            Files.createDirectories(target);
        } else if (fileName.endsWith(EXAMPLE_SUFFIX)) {
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
            Path secretFile = target.resolveSibling(fileName.substring(0, fileName.length() - EXAMPLE_SUFFIX.length()));
            Files.copy(source, secretFile, StandardCopyOption.REPLACE_EXISTING);
        } else if (!Files.exists(source.resolveSibling(fileName + EXAMPLE_SUFFIX))) {
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static Map<String, Object> readYaml(Path file) {
        try {
            return Tree.map(new Yaml().load(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
