package org.plenum.gateway.engine.compose;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A supergraph type being composed: its shape plus the join/composed directives, already rendered. */
final class MergedType {

    final String name;
    final TypeKind kind;
    String description;
    final List<String> directives = new ArrayList<>();
    final Set<String> interfaces = new LinkedHashSet<>();
    final Map<String, MergedField> fields = new LinkedHashMap<>();
    final Set<String> unionMembers = new LinkedHashSet<>();

    MergedType(String name, TypeKind kind) {
        this.name = name;
        this.kind = kind;
    }
}
