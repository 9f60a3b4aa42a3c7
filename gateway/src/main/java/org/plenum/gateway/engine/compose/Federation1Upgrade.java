package org.plenum.gateway.engine.compose;

import org.plenum.gateway.engine.sdl.TypeRefs;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a Federation 1 subgraph the way Federation 2 composition does: type extensions become plain
 * definitions, {@code @external} on key fields of extensions and on interface fields goes away, keys and
 * requires/provides on interfaces are dropped, unused external fields are removed, and every field counts as
 * shareable (value types and fields resolved elsewhere were implicitly shared in Federation 1).
 */
final class Federation1Upgrade {

    private Federation1Upgrade() {
    }

    /** Upgrades {@code subgraph}; {@code all} (every subgraph, as read) tells the keys other subgraphs declare. */
    static void apply(Subgraph subgraph, List<Subgraph> all) {
        for (SubgraphType type : subgraph.types().values()) {
            type.externalType = false;
            if (type.kind == TypeKind.INTERFACE) {
                type.keys.clear();
                type.fields.values().forEach(field -> {
                    field.external = false;
                    field.requires = null;
                    field.provides = null;
                });
            }
            if (type.kind.hasFields() && (type.definedAsExtensionOnly || type.extendsDirective)) {
                removeExternalOnKeyFields(subgraph, type, all);
            }
            List<SubgraphType.Key> keys = new ArrayList<>(type.keys);
            type.keys.clear();
            keys.forEach(key -> type.keys.add(new SubgraphType.Key(key.fields(), key.resolvable(), false)));
            for (SubgraphField field : type.kind == TypeKind.OBJECT ? type.fields.values() : List.<SubgraphField>of()) {
                SubgraphType target = subgraph.type(TypeRefs.baseName(field.type));
                if (target == null || !(target.kind.hasFields() || target.kind == TypeKind.UNION)) {
                    field.provides = null;
                }
            }
        }
        subgraph.analyse();
        removeUnusedExternals(subgraph);
        subgraph.analyse();
    }

    /**
     * An extension's key fields are its own, not external: the keys it declares, or without any, the first key of
     * the type in each other subgraph.
     */
    private static void removeExternalOnKeyFields(Subgraph subgraph, SubgraphType type, List<Subgraph> all) {
        if (!type.keys.isEmpty()) {
            for (SubgraphType.Key key : type.keys) {
                FieldSets.targets(subgraph, type.name, key.fields(), false).stream()
                        .filter(target -> target.type().equals(type.name))
                        .forEach(target -> type.field(target.field()).external = false);
            }
            return;
        }
        for (Subgraph other : all) {
            SubgraphType typeInOther = other.type(type.name);
            if (other == subgraph || typeInOther == null || typeInOther.keys.isEmpty()) {
                continue;
            }
            FieldSets.targets(other, type.name, typeInOther.keys.get(0).fields(), false).stream()
                    .filter(target -> target.type().equals(type.name) && type.field(target.field()) != null)
                    .forEach(target -> type.field(target.field()).external = false);
        }
    }

    private static void removeUnusedExternals(Subgraph subgraph) {
        List<String> emptied = new ArrayList<>();
        for (SubgraphType type : subgraph.types().values()) {
            if (!type.kind.hasFields() || type.fields.isEmpty()) {
                continue;
            }
            type.fields.values().removeIf(field -> subgraph.isExternal(type, field) && !subgraph.isUsed(type, field));
            if (type.fields.isEmpty() && !type.name.equals("Query")) {
                emptied.add(type.name);
            }
        }
        emptied.forEach(subgraph.types()::remove);
    }
}
