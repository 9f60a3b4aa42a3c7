package org.plenum.topics.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.plenum.subgraph.protection.testing.TestTokens;
import org.plenum.topics.embedded.EmbeddedPostgresServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A fresh real PostgreSQL (the same embedded server the service uses locally) and a stand-in for
 * speakers-service, shared by all {@code @QuarkusTest} classes through one application start.
 */
public class EmbeddedPostgresTestResource implements QuarkusTestResourceLifecycleManager {

    static final Path DATA_DIR = Path.of("target", "test-postgres");

    private EmbeddedPostgresServer postgres;

    @Override
    public Map<String, String> start() {
        deleteRecursively(DATA_DIR);
        postgres = EmbeddedPostgresServer.start(DATA_DIR.toAbsolutePath());
        Map<String, String> config = new HashMap<>(postgres.datasourceProperties());
        config.putAll(TestTokens.config());
        config.put("plenum.speakers-service.url", SpeakersServiceStandIn.start().url());
        return config;
    }

    @Override
    public void stop() {
        SpeakersServiceStandIn.instance().stop();
        if (postgres != null) {
            postgres.close();
        }
    }

    public static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
