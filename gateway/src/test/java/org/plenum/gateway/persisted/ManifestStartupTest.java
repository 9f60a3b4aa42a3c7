package org.plenum.gateway.persisted;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.runtime.configuration.PathConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plenum.gateway.config.GatewayConfig;
import org.plenum.gateway.config.GatewayStartupException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A gateway that is to check documents against a manifest does not start without a usable one. */
class ManifestStartupTest {

    @TempDir
    Path directory;

    @Test
    void logAndRefuseModesNeedAManifest() {
        for (String mode : new String[] {"log", "refuse"}) {
            String message = assertThrows(GatewayStartupException.class,
                    () -> start(Map.of("plenum.gateway.persisted-documents.mode", mode))).getMessage();
            assertThat(message, containsString("mode=" + mode + " needs a manifest"));
        }
    }

    @Test
    void anUnusableManifestStopsTheStart() throws IOException {
        Path broken = Files.writeString(directory.resolve("broken.json"), "{\"a1\": ");
        assertThat(assertThrows(GatewayStartupException.class, () -> start(Map.of(
                "plenum.gateway.persisted-documents.manifest-file", broken.toString()))).getMessage(),
                containsString("not valid JSON"));

        Path large = Files.writeString(directory.resolve("large.json"), "{\"a1\": \"{ books { title } }\"}");
        assertThat(assertThrows(GatewayStartupException.class, () -> start(Map.of(
                "plenum.gateway.persisted-documents.manifest-file", large.toString(),
                "plenum.gateway.persisted-documents.max-manifest-bytes", "10"))).getMessage(),
                containsString("larger than 10 bytes"));

        assertThat(assertThrows(GatewayStartupException.class, () -> start(Map.of(
                "plenum.gateway.persisted-documents.mode", "refuse",
                "plenum.gateway.persisted-documents.manifest-file", directory.resolve("missing.json").toString()))).getMessage(),
                containsString("cannot be read"));
    }

    @Test
    void aUsableManifestIsInUseFromTheStart() throws IOException {
        Path manifest = Files.writeString(directory.resolve("manifest.json"), "{\"a1\": \"{ books { title } }\"}");

        TrustedDocuments trusted = start(Map.of("plenum.gateway.persisted-documents.mode", "refuse",
                "plenum.gateway.persisted-documents.manifest-file", manifest.toString()));

        assertEquals("{ books { title } }", trusted.current().byId("a1").body());
    }

    /** Starts the manifest's holder as the application would, with polling off (no scheduler needed). */
    private static TrustedDocuments start(Map<String, String> properties) {
        Map<String, String> all = new HashMap<>(properties);
        all.put("plenum.gateway.persisted-documents.manifest-poll-interval", "0s");
        GatewayConfig config = new SmallRyeConfigBuilder()
                .withMapping(GatewayConfig.class)
                // Quarkus' own forms: "10s", file paths
                .withConverter(Duration.class, 200, new DurationConverter())
                .withConverter(Path.class, 200, new PathConverter())
                .withSources(new PropertiesConfigSource(all, "test", 500))
                .build()
                .getConfigMapping(GatewayConfig.class);
        TrustedDocuments trusted = new TrustedDocuments(config, new ObjectMapper(), null, new SimpleMeterRegistry());
        trusted.onStart(null);
        return trusted;
    }
}
