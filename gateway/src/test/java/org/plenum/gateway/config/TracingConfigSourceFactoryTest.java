package org.plenum.gateway.config;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Tracing is off unless an OTLP endpoint is configured, and an explicit setting always wins. */
class TracingConfigSourceFactoryTest {

    @Test
    void offWithoutEndpoint() {
        assertEquals(true, sdkDisabled(Map.of()));
    }

    @Test
    void offWithOnlyTheBuiltInDefaultEndpoint() {
        boolean disabled = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(Map.of("quarkus.otel.exporter.otlp.endpoint", "http://localhost:4317/"),
                        "defaults", Integer.MIN_VALUE))
                .withSources(new TracingConfigSourceFactory())
                .build()
                .getValue(TracingConfigSourceFactory.SDK_DISABLED, Boolean.class);
        assertEquals(true, disabled);
    }

    @Test
    void onWithAnEndpoint() {
        assertEquals(false, sdkDisabled(Map.of("quarkus.otel.exporter.otlp.endpoint", "http://collector:4317")));
        assertEquals(false, sdkDisabled(Map.of("quarkus.otel.exporter.otlp.traces.endpoint", "http://collector:4317")));
    }

    @Test
    void explicitSettingWins() {
        assertEquals(false, sdkDisabled(Map.of(TracingConfigSourceFactory.SDK_DISABLED, "false")));
        assertEquals(true, sdkDisabled(Map.of(TracingConfigSourceFactory.SDK_DISABLED, "true",
                "quarkus.otel.exporter.otlp.endpoint", "http://collector:4317")));
    }

    private static boolean sdkDisabled(Map<String, String> properties) {
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "application.properties", 250))
                .withSources(new TracingConfigSourceFactory())
                .build()
                .getValue(TracingConfigSourceFactory.SDK_DISABLED, Boolean.class);
    }
}
