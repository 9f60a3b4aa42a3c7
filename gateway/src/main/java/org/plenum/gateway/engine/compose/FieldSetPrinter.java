package org.plenum.gateway.engine.compose;

import graphql.language.Field;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;

import java.util.ArrayList;
import java.util.List;

/** Prints a field set on one line, as Apollo's messages quote keys: {@code id organization { id }}. */
final class FieldSetPrinter {

    private FieldSetPrinter() {
    }

    static String print(SelectionSet selections) {
        List<String> parts = new ArrayList<>();
        for (Selection<?> selection : selections.getSelections()) {
            if (selection instanceof Field field) {
                parts.add(field.getSelectionSet() == null ? field.getName()
                        : field.getName() + " { " + print(field.getSelectionSet()) + " }");
            } else if (selection instanceof InlineFragment fragment) {
                String condition = fragment.getTypeCondition() == null ? "" : " on " + fragment.getTypeCondition().getName();
                parts.add("..." + condition + " { " + print(fragment.getSelectionSet()) + " }");
            }
        }
        return String.join(" ", parts);
    }
}
