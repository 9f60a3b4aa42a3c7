package org.plenum.gateway.engine;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLCompositeType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;

import java.util.ArrayList;
import java.util.List;

/**
 * Operations that select every root query and mutation field of an API schema once (required arguments as
 * variables, {@code __typename} below composite fields): planning them shows that a supergraph can serve each entry
 * point before it replaces a working one.
 */
final class SmokeOperations {

    private SmokeOperations() {
    }

    static List<String> of(GraphQLSchema schema) {
        List<String> operations = new ArrayList<>();
        add(operations, "query", schema.getQueryType());
        add(operations, "mutation", schema.getMutationType());
        return operations;
    }

    private static void add(List<String> operations, String keyword, GraphQLObjectType root) {
        if (root == null || root.getFieldDefinitions().isEmpty()) {
            return;
        }
        List<String> variables = new ArrayList<>();
        StringBuilder selections = new StringBuilder();
        int fieldIndex = 0;
        for (GraphQLFieldDefinition field : root.getFieldDefinitions()) {
            selections.append(" f").append(fieldIndex++).append(": ").append(field.getName());
            List<String> arguments = new ArrayList<>();
            for (GraphQLArgument argument : field.getArguments()) {
                if (GraphQLTypeUtil.isNonNull(argument.getType()) && !argument.hasSetDefaultValue()) {
                    String variable = "v" + variables.size();
                    variables.add("$" + variable + ": " + GraphQLTypeUtil.simplePrint(argument.getType()));
                    arguments.add(argument.getName() + ": $" + variable);
                }
            }
            if (!arguments.isEmpty()) {
                selections.append('(').append(String.join(", ", arguments)).append(')');
            }
            if (GraphQLTypeUtil.unwrapAll(field.getType()) instanceof GraphQLCompositeType) {
                selections.append(" { __typename }");
            }
        }
        operations.add(keyword + " Smoke" + (variables.isEmpty() ? "" : "(" + String.join(", ", variables) + ")")
                + " {" + selections + " }");
    }
}
