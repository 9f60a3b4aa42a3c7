package org.plenum.gateway.engine.compose;

import org.plenum.gateway.engine.sdl.TypeRefs;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One subgraph as composition sees it: its types, plus the facts derived from its federation directives
 * (which fields are external, provided, shareable, or used by a key/requires/provides).
 */
final class Subgraph {

    private final String name;
    private final String url;
    private final int federationMinorVersion;
    private final Map<String, SubgraphType> types;
    private final Map<String, SubgraphDirective> directives;
    private final Map<String, ComposedDirective> composedDirectives;
    private final Set<FieldSets.Target> fakeExternals = new HashSet<>();
    private final Set<FieldSets.Target> provided = new HashSet<>();
    private final Set<FieldSets.Target> shareable = new HashSet<>();
    private final Set<FieldSets.Target> used = new HashSet<>();

    Subgraph(String name, String url, int federationMinorVersion, Map<String, SubgraphType> types,
            Map<String, SubgraphDirective> directives, Map<String, ComposedDirective> composedDirectives) {
        this.name = name;
        this.url = url;
        this.federationMinorVersion = federationMinorVersion;
        this.types = types;
        this.directives = directives;
        this.composedDirectives = composedDirectives;
    }

    /** The subgraph's own directive definitions, by name. */
    Map<String, SubgraphDirective> directives() {
        return directives;
    }

    /** The directives it asks to keep with {@code @composeDirective}, by name. */
    Map<String, ComposedDirective> composedDirectives() {
        return composedDirectives;
    }

    String name() {
        return name;
    }

    String url() {
        return url;
    }

    boolean isFederation2() {
        return federationMinorVersion >= 0;
    }

    int federationMinorVersion() {
        return federationMinorVersion;
    }

    Map<String, SubgraphType> types() {
        return types;
    }

    SubgraphType type(String typeName) {
        return types.get(typeName);
    }

    List<SubgraphType> implementations(String interfaceName) {
        return types.values().stream()
                .filter(type -> type.kind.hasFields() && type.interfaces.contains(interfaceName))
                .toList();
    }

    /** Computes the derived facts; call once the types are final. */
    void analyse() {
        fakeExternals.clear();
        provided.clear();
        shareable.clear();
        used.clear();
        for (SubgraphType type : types.values()) {
            for (SubgraphType.Key key : type.keys) {
                List<FieldSets.Target> keyFields = FieldSets.targets(this, type.name, key.fields(), false);
                used.addAll(keyFields);
                shareable.addAll(FieldSets.targets(this, type.name, key.fields(), true));
                if (key.extension() || type.extendsDirective) {
                    keyFields.stream().filter(this::hasExternalDirective).forEach(fakeExternals::add);
                }
            }
            for (SubgraphField field : type.kind.hasFields() ? type.fields.values() : List.<SubgraphField>of()) {
                if (field.requires != null) {
                    used.addAll(FieldSets.targets(this, type.name, field.requires, false));
                }
                if (field.provides != null) {
                    String target = TypeRefs.baseName(field.type);
                    used.addAll(FieldSets.targets(this, target, field.provides, false));
                    provided.addAll(FieldSets.targets(this, target, field.provides, true));
                }
            }
            if (type.kind == TypeKind.INTERFACE) {
                for (SubgraphType implementation : implementations(type.name)) {
                    type.fields.keySet().stream()
                            .filter(fieldName -> implementation.field(fieldName) != null)
                            .forEach(fieldName -> used.add(new FieldSets.Target(implementation.name, fieldName)));
                }
            }
        }
        for (SubgraphType type : types.values()) {
            if (type.kind != TypeKind.OBJECT) {
                continue;
            }
            for (SubgraphField field : type.fields.values()) {
                FieldSets.Target target = new FieldSets.Target(type.name, field.name);
                boolean shareableOnType = type.shareableOnExtension.stream().anyMatch(ext -> ext == field.fromExtension);
                if (!isFederation2() || field.shareable || shareableOnType
                        || (provided.contains(target) && isExternal(type, field))) {
                    shareable.add(target);
                }
            }
        }
    }

    private boolean hasExternalDirective(FieldSets.Target target) {
        SubgraphType type = types.get(target.type());
        SubgraphField field = type == null ? null : type.field(target.field());
        return field != null && (field.external || (isFederation2() && type.externalType));
    }

    /** {@code @external} here (on the field, or on the type in Federation 2), except key fields of extensions. */
    boolean isExternal(SubgraphType type, SubgraphField field) {
        FieldSets.Target target = new FieldSets.Target(type.name, field.name);
        return hasExternalDirective(target) && !fakeExternals.contains(target);
    }

    /** External and not provided by any {@code @provides}: this subgraph never resolves it. */
    boolean isFullyExternal(SubgraphType type, SubgraphField field) {
        return isExternal(type, field) && !provided.contains(new FieldSets.Target(type.name, field.name));
    }

    boolean isShareable(SubgraphType type, SubgraphField field) {
        return shareable.contains(new FieldSets.Target(type.name, field.name));
    }

    /** Used by a key, requires or provides of this subgraph, or implementing an interface field. */
    boolean isUsed(SubgraphType type, SubgraphField field) {
        return used.contains(new FieldSets.Target(type.name, field.name));
    }
}
