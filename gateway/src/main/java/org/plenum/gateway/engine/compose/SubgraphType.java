package org.plenum.gateway.engine.compose;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A named type of one subgraph, with its extensions folded in and federation directives resolved. */
final class SubgraphType {

    /**
     * One {@code @key}; {@code resolvable} as written (null when absent: composition passes it on only when given);
     * {@code extension} when it sits on a type extension or an {@code @extends} type.
     */
    record Key(String fields, Boolean resolvable, boolean extension) {
    }

    /** An enum value with the directives composition carries. */
    record EnumValue(String name, String description, List<AppliedDirectives.Applied> applied) {
    }

    final String name;
    TypeKind kind;
    String description;
    boolean interfaceObject;
    boolean extendsDirective;
    boolean definedAsExtensionOnly = true;
    /** Type-level {@code @shareable}: per application, whether it sits on an extension. */
    final List<Boolean> shareableOnExtension = new ArrayList<>();
    boolean externalType;
    final List<Key> keys = new ArrayList<>();
    final Set<String> interfaces = new LinkedHashSet<>();
    final Map<String, SubgraphField> fields = new LinkedHashMap<>();
    final Set<String> unionMembers = new LinkedHashSet<>();
    final Map<String, EnumValue> enumValues = new LinkedHashMap<>();
    final List<AppliedDirectives.Applied> applied = new ArrayList<>();
    /** The contexts the type sets for fields below it ({@code @context(name:)}), as named in the subgraph. */
    final List<String> contexts = new ArrayList<>();
    AccessDirectives.Access access = new AccessDirectives.Access();

    SubgraphType(String name, TypeKind kind) {
        this.name = name;
        this.kind = kind;
    }

    /** The kind this type has in the supergraph: an {@code @interfaceObject} stands for an interface. */
    TypeKind supergraphKind() {
        return interfaceObject ? TypeKind.INTERFACE : kind;
    }

    SubgraphField field(String fieldName) {
        return fields.get(fieldName);
    }
}
