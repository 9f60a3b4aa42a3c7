package org.plenum.gateway.engine.compose;

import graphql.language.Field;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import org.plenum.gateway.engine.sdl.TypeRefs;

import java.util.ArrayList;
import java.util.List;

/** Resolves a field set ({@code @key}, {@code @requires}, {@code @provides}) to the subgraph fields it selects. */
final class FieldSets {

    /** A selected field: {@code type.field}. */
    record Target(String type, String field) {
    }

    private FieldSets() {
    }

    /**
     * The fields a field set selects from {@code parentType} in {@code subgraph}, nested selections included.
     * With {@code includeImplementations}, a field selected on an interface also counts for each implementation.
     * Unknown types or fields are skipped: validating field sets is the subgraph's job.
     */
    static List<Target> targets(Subgraph subgraph, String parentType, String fieldSet, boolean includeImplementations) {
        List<Target> targets = new ArrayList<>();
        SelectionSet selections = parse(fieldSet);
        if (selections != null) {
            collect(subgraph, parentType, selections, includeImplementations, targets);
        }
        return targets;
    }

    private static SelectionSet parse(String fieldSet) {
        try {
            var document = Parser.parse("{" + fieldSet + "}");
            return ((OperationDefinition) document.getDefinitions().get(0)).getSelectionSet();
        } catch (InvalidSyntaxException | ClassCastException e) {
            return null;
        }
    }

    private static void collect(Subgraph subgraph, String typeName, SelectionSet selections,
            boolean includeImplementations, List<Target> targets) {
        SubgraphType type = subgraph.type(typeName);
        if (type == null) {
            return;
        }
        for (Selection<?> selection : selections.getSelections()) {
            if (selection instanceof Field field) {
                SubgraphField definition = type.field(field.getName());
                if (definition == null) {
                    continue;
                }
                targets.add(new Target(typeName, field.getName()));
                if (includeImplementations && type.kind == TypeKind.INTERFACE) {
                    for (SubgraphType implementation : subgraph.implementations(typeName)) {
                        if (implementation.field(field.getName()) != null) {
                            targets.add(new Target(implementation.name, field.getName()));
                        }
                    }
                }
                if (field.getSelectionSet() != null) {
                    collect(subgraph, TypeRefs.baseName(definition.type), field.getSelectionSet(),
                            includeImplementations, targets);
                }
            } else if (selection instanceof InlineFragment fragment) {
                String condition = fragment.getTypeCondition() == null ? typeName : fragment.getTypeCondition().getName();
                collect(subgraph, condition, fragment.getSelectionSet(), includeImplementations, targets);
            }
        }
    }
}
