package org.plenum.gateway.engine;

/** Told, for each request whose operation a progressive @override label concerns, whether the label was active. */
@FunctionalInterface
public interface OverrideLabelListener {

    OverrideLabelListener NONE = (label, active) -> {
    };

    void decided(String label, boolean active);
}
