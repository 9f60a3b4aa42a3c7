package org.plenum.gateway.config;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Tracing is off unless an OTLP endpoint is configured: without this, the OpenTelemetry SDK would keep trying to
 * export to its default {@code localhost:4317} and log every failure. An explicit {@code quarkus.otel.sdk.disabled}
 * anywhere (properties, environment) still wins: this source has a low ordinal.
 */
public class TracingConfigSourceFactory implements ConfigSourceFactory {

    static final String SDK_DISABLED = "quarkus.otel.sdk.disabled";
    private static final List<String> ENDPOINTS = List.of(
            "quarkus.otel.exporter.otlp.endpoint", "quarkus.otel.exporter.otlp.traces.endpoint");

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        boolean endpointConfigured = ENDPOINTS.stream()
                .map(context::getValue)
                .anyMatch(TracingConfigSourceFactory::setByOperator);
        return List.of(new PropertiesConfigSource(
                Map.of(SDK_DISABLED, Boolean.toString(!endpointConfigured)), "plenum-tracing-default", 110));
    }

    /** Set in a real source, not just the extension's built-in default (localhost:4317), which has a negative ordinal. */
    private static boolean setByOperator(ConfigValue value) {
        return value.getValue() != null && !value.getValue().isBlank() && value.getConfigSourceOrdinal() > 0;
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(110);
    }
}
