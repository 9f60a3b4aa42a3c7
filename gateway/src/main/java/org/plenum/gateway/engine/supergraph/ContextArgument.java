package org.plenum.gateway.engine.supergraph;

import graphql.language.ArrayValue;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.SelectionSet;
import graphql.language.StringValue;
import graphql.language.Value;

import java.util.ArrayList;
import java.util.List;

/**
 * An argument that a subgraph's field takes from the nearest ancestor in the response whose type carries the context
 * ({@code @fromContext}, join v0.5 {@code contextArguments}), never from the client: the API schema lacks it.
 *
 * @param name      the argument's name
 * @param type      its type in the subgraph, as printed (e.g. "String!")
 * @param context   the context's name as composed (prefixed with the subgraph's name)
 * @param selection what is selected on the ancestor: one field, perhaps under type conditions
 */
public record ContextArgument(String name, String type, String context, SelectionSet selection) {

    /** Reads a {@code [join__ContextArgument!]} value of a {@code @join__field}. */
    static List<ContextArgument> readAll(Value<?> value, String where) {
        List<ContextArgument> arguments = new ArrayList<>();
        List<Value> items = value instanceof ArrayValue array ? array.getValues() : List.of(value);
        for (Value<?> item : items) {
            if (!(item instanceof ObjectValue object)) {
                throw new SupergraphException("Invalid contextArguments on " + where);
            }
            String name = field(object, "name", where);
            String selection = field(object, "selection", where).trim();
            // written as " { field }" (after the $context name), or as type conditions " ... on T { field }"
            if (selection.startsWith("{") && selection.endsWith("}")) {
                selection = selection.substring(1, selection.length() - 1);
            }
            arguments.add(new ContextArgument(name, field(object, "type", where), field(object, "context", where),
                    FieldSets.parse(selection, "@fromContext of " + where + "(" + name + ":)")));
        }
        return List.copyOf(arguments);
    }

    private static String field(ObjectValue object, String name, String where) {
        for (ObjectField field : object.getObjectFields()) {
            if (field.getName().equals(name) && field.getValue() instanceof StringValue string) {
                return string.getValue();
            }
        }
        throw new SupergraphException("A contextArguments entry on " + where + " has no " + name);
    }
}
