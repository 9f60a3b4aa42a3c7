package org.plenum.gateway.engine.compose;

import org.plenum.gateway.engine.sdl.TypeRefs;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks that every type a subgraph refers to (field, argument and input field types, implemented interfaces,
 * union members) is defined there, that types are not empty and that implementations have their interfaces'
 * fields, so that a broken subgraph fails composition instead of yielding a supergraph that does not build.
 */
final class TypeReferenceCheck {

    private static final Set<String> BUILT_IN_SCALARS = Set.of("String", "Int", "Float", "Boolean", "ID");

    private TypeReferenceCheck() {
    }

    /** Adds an error per unknown or wrong-kind reference; returns whether there was none. */
    static boolean check(String subgraph, Map<String, SubgraphType> types, List<String> errors) {
        int before = errors.size();
        for (SubgraphType type : types.values()) {
            if (isEmpty(type) && !type.name.equals("Query")) {
                errors.add("[" + subgraph + "] Type " + type.name + " must define one or more "
                        + (type.kind == TypeKind.ENUM ? "values." : type.kind == TypeKind.UNION ? "member types." : "fields."));
            }
            for (SubgraphField field : type.fields.values()) {
                String coordinate = type.name + "." + field.name;
                checkExists(subgraph, types, TypeRefs.baseName(field.type), coordinate, errors);
                field.arguments.values().forEach(arg -> checkExists(subgraph, types, TypeRefs.baseName(arg.type),
                        coordinate + "(" + arg.name + ":)", errors));
            }
            type.interfaces.forEach(itf -> checkKind(subgraph, types, itf, TypeKind.INTERFACE, type.name, errors));
            type.interfaces.stream().map(types::get)
                    .filter(itf -> itf != null && itf.kind == TypeKind.INTERFACE)
                    .forEach(itf -> itf.fields.keySet().stream()
                            .filter(field -> type.field(field) == null)
                            .forEach(field -> errors.add("[" + subgraph + "] Interface field " + itf.name + "." + field
                                    + " expected but " + type.name + " does not provide it.")));
            type.unionMembers.forEach(member -> checkKind(subgraph, types, member, TypeKind.OBJECT, type.name, errors));
        }
        return errors.size() == before;
    }

    private static boolean isEmpty(SubgraphType type) {
        return switch (type.kind) {
            case OBJECT, INTERFACE, INPUT_OBJECT -> type.fields.isEmpty();
            case ENUM -> type.enumValues.isEmpty();
            case UNION -> type.unionMembers.isEmpty();
            case SCALAR -> false;
        };
    }

    private static void checkExists(String subgraph, Map<String, SubgraphType> types, String typeName,
            String usedBy, List<String> errors) {
        if (!types.containsKey(typeName) && !BUILT_IN_SCALARS.contains(typeName)) {
            errors.add("[" + subgraph + "] Unknown type " + typeName + " (used by \"" + usedBy + "\")");
        }
    }

    private static void checkKind(String subgraph, Map<String, SubgraphType> types, String typeName, TypeKind kind,
            String usedBy, List<String> errors) {
        SubgraphType type = types.get(typeName);
        if (type == null) {
            errors.add("[" + subgraph + "] Unknown type " + typeName + " (used by \"" + usedBy + "\")");
        } else if (type.kind != kind) {
            errors.add("[" + subgraph + "] Type \"" + usedBy + "\" refers to " + typeName + ", which is not an "
                    + kind.displayName());
        }
    }
}
