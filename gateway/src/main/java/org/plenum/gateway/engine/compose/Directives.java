package org.plenum.gateway.engine.compose;

import graphql.language.AstPrinter;
import graphql.language.StringValue;

import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.stream.Collectors;

/** Renders directive applications such as {@code @join__field(graph: A, requires: "x")}, skipping null arguments. */
final class Directives {

    /** An enum value argument, printed without quotes. */
    record EnumArg(String value) {
    }

    /** An input object argument, printed with its fields in the given order. */
    record ObjectArg(Map<String, Object> fields) {
    }

    private Directives() {
    }

    /** {@code arguments} alternates names and values; null values are left out. */
    static String apply(String name, Object... arguments) {
        StringJoiner joined = new StringJoiner(", ", "(", ")").setEmptyValue("");
        for (int i = 0; i < arguments.length; i += 2) {
            Object value = arguments[i + 1];
            if (value != null) {
                joined.add(arguments[i] + ": " + literal(value));
            }
        }
        return "@" + name + joined;
    }

    private static String literal(Object value) {
        if (value instanceof String string) {
            return AstPrinter.printAst(StringValue.of(string));
        }
        if (value instanceof EnumArg enumArg) {
            return enumArg.value();
        }
        if (value instanceof ObjectArg object) {
            return object.fields().entrySet().stream().map(field -> field.getKey() + ": " + literal(field.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        if (value instanceof List<?> list) {
            return list.stream().map(Directives::literal).collect(Collectors.joining(", ", "[", "]"));
        }
        return String.valueOf(value);
    }
}
