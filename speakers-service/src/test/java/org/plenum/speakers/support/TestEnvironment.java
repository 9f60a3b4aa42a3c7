package org.plenum.speakers.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.plenum.subgraph.protection.testing.TestTokens;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * One environment for all tests (one application start): the embedded database in a fresh directory, a
 * {@link FakeTopicsService} as topics-service, and the test issuer ({@link TestTokens}) as the trusted one.
 */
public class TestEnvironment implements QuarkusTestResourceLifecycleManager {

    public static final String FAKE_TOPICS_URL = "plenum.topics-service.url";

    private FakeTopicsService topicsService;

    @Override
    public Map<String, String> start() {
        try {
            Path dataDir = Files.createTempDirectory("speakers-test-data");
            topicsService = new FakeTopicsService();
            Map<String, String> config = new HashMap<>(TestTokens.config());
            config.putAll(Map.of(
                    "plenum.embedded.data-dir", dataDir.toString(),
                    FAKE_TOPICS_URL, topicsService.url(),
                    "plenum.topics-service.token", FakeTopicsService.SERVICE_TOKEN,
                    "plenum.speaker-deletions.retry-interval", "1s",
                    "plenum.speaker-deletions.resolvable-for", "1s"));
            return config;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot prepare the test environment", e);
        }
    }

    @Override
    public void stop() {
        try {
            topicsService.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
