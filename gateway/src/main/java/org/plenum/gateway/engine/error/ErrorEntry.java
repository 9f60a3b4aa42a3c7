package org.plenum.gateway.engine.error;

import graphql.language.SourceLocation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds one entry of a response's {@code errors}: message, locations, path and extensions, in the spec's order. */
public final class ErrorEntry {

    private final String message;
    private List<Map<String, Object>> locations;
    private List<?> path;
    private final Map<String, Object> extensions = new LinkedHashMap<>();

    private ErrorEntry(String message) {
        this.message = message;
    }

    public static ErrorEntry message(String message) {
        return new ErrorEntry(message);
    }

    public ErrorEntry locations(List<SourceLocation> sourceLocations) {
        if (sourceLocations != null && !sourceLocations.isEmpty()) {
            locations = new ArrayList<>();
            for (SourceLocation location : sourceLocations) {
                locations.add(Map.of("line", location.getLine(), "column", location.getColumn()));
            }
        }
        return this;
    }

    public ErrorEntry path(List<?> responsePath) {
        this.path = responsePath;
        return this;
    }

    public ErrorEntry code(String code) {
        return extension("code", code);
    }

    /** Adds an extension; a null value adds nothing. */
    public ErrorEntry extension(String key, Object value) {
        if (value != null) {
            extensions.put(key, value);
        }
        return this;
    }

    /** Adds an extension unless one of that key is there already. */
    public ErrorEntry extensionIfAbsent(String key, Object value) {
        return extensions.containsKey(key) ? this : extension(key, value);
    }

    public ErrorEntry extensions(Map<?, ?> more) {
        if (more != null) {
            more.forEach((key, value) -> extension(String.valueOf(key), value));
        }
        return this;
    }

    public Map<String, Object> build() {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        if (locations != null) {
            error.put("locations", locations);
        }
        if (path != null) {
            error.put("path", path);
        }
        if (!extensions.isEmpty()) {
            error.put("extensions", extensions);
        }
        return error;
    }
}
