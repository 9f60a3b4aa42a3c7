package org.plenum.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** Every overlay under deploy/overlays, each rendered once and shared by all test classes. */
final class Overlays {

    private static final Map<String, Manifests> RENDERED = new ConcurrentHashMap<>();

    private Overlays() {
    }

    /** Source for parameterized tests: a new overlay directory is covered without touching the tests. */
    static Stream<Manifests> rendered() {
        return names().map(Overlays::rendered);
    }

    static Manifests rendered(String overlay) {
        return RENDERED.computeIfAbsent(overlay, Kustomize::build);
    }

    static Stream<String> names() {
        try (Stream<Path> directories = Files.list(Kustomize.DEPLOY_DIR.resolve("overlays"))) {
            return directories
                    .filter(directory -> Files.exists(directory.resolve("kustomization.yaml")))
                    .map(directory -> directory.getFileName().toString())
                    .sorted()
                    .toList()
                    .stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
