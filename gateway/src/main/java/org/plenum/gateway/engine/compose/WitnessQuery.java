package org.plenum.gateway.engine.compose;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLScalarType;

import java.util.ArrayList;
import java.util.List;

/**
 * The query composition shows for an unsatisfiable path: one selection per step, arguments given made-up values,
 * printed as graphql-js prints it (Apollo's satisfiability error quotes it that way).
 */
final class WitnessQuery {

    /**
     * One step of the path: a field, or a type condition ({@code field} null); {@code composite} when it leads to an
     * object, interface or union type (the last one then shows an elided selection, {@code { ... }}).
     */
    record Step(GraphQLFieldDefinition field, String castType, boolean composite) {
    }

    private static final int MAX_LINE_LENGTH = 80;

    private WitnessQuery() {
    }

    /** @param operation "query", "mutation" or "subscription" */
    static String print(String operation, List<Step> steps) {
        String selections = block(selection(steps, 0));
        return operation.equals("query") ? selections : operation + " " + selections;
    }

    private static String selection(List<Step> steps, int index) {
        Step step = steps.get(index);
        String head = step.field() == null ? "... on " + step.castType() : field(step.field());
        if (index + 1 < steps.size()) {
            return head + " " + block(selection(steps, index + 1));
        }
        return step.composite() ? head + " " + block("...") : head;
    }

    private static String field(GraphQLFieldDefinition field) {
        if (field.getArguments().isEmpty()) {
            return field.getName();
        }
        List<String> arguments = new ArrayList<>();
        for (GraphQLArgument argument : field.getArguments()) {
            arguments.add(argument.getName() + ": " + value(argument.getType()));
        }
        String line = field.getName() + "(" + String.join(", ", arguments) + ")";
        return line.length() <= MAX_LINE_LENGTH ? line
                : field.getName() + "(\n" + indent(String.join("\n", arguments)) + "\n)";
    }

    /** Apollo's made-up argument values: a fixed one per scalar, an enum's first value, only required input fields. */
    private static String value(GraphQLInputType type) {
        if (type instanceof GraphQLNonNull nonNull) {
            return value((GraphQLInputType) nonNull.getWrappedType());
        }
        if (type instanceof GraphQLList) {
            return "[]";
        }
        if (type instanceof GraphQLEnumType enumType) {
            return enumType.getValues().get(0).getName();
        }
        if (type instanceof GraphQLInputObjectType input) {
            List<String> fields = new ArrayList<>();
            for (GraphQLInputObjectField field : input.getFieldDefinitions()) {
                if (field.getType() instanceof GraphQLNonNull && !field.hasSetDefaultValue()) {
                    fields.add(field.getName() + ": " + value(field.getType()));
                }
            }
            return "{" + String.join(", ", fields) + "}";
        }
        return switch (((GraphQLScalarType) type).getName()) {
            case "Int" -> "0";
            case "Float" -> "3.14";
            case "Boolean" -> "true";
            case "String" -> "\"A string value\"";
            case "ID" -> "\"<any id>\"";
            default -> "\"<some value>\"";
        };
    }

    private static String block(String content) {
        return "{\n" + indent(content) + "\n}";
    }

    private static String indent(String text) {
        return "  " + text.replace("\n", "\n  ");
    }
}
