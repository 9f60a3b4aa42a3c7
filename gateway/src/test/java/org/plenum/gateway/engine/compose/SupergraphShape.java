package org.plenum.gateway.engine.compose;

import graphql.language.Argument;
import graphql.language.AstPrinter;
import graphql.language.Definition;
import graphql.language.DescribedNode;
import graphql.language.Directive;
import graphql.language.DirectiveDefinition;
import graphql.language.EnumTypeDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.SchemaDefinition;
import graphql.language.TypeDefinition;
import graphql.language.TypeName;
import graphql.language.UnionTypeDefinition;
import graphql.parser.Parser;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The meaning of a supergraph SDL, independent of ordering and formatting: one entry per schema element
 * (schema, directive definition, type, field, argument, input field, enum value) describing its kind, type,
 * default value, implemented interfaces / union members, the set of directives applied to it and its description.
 */
public final class SupergraphShape {

    private SupergraphShape() {
    }

    public static Map<String, String> of(String sdl) {
        Map<String, String> shape = new TreeMap<>();
        for (Definition<?> definition : Parser.parse(sdl).getDefinitions()) {
            if (definition instanceof SchemaDefinition schema) {
                shape.put("schema", schema.getOperationTypeDefinitions().stream()
                        .map(op -> op.getName() + ": " + op.getTypeName().getName()).sorted().toList()
                        + " " + directives(schema.getDirectives()));
            } else if (definition instanceof DirectiveDefinition directive) {
                shape.put("@" + directive.getName(), (directive.isRepeatable() ? "repeatable " : "")
                        + directive.getDirectiveLocations().stream().map(l -> l.getName()).sorted().toList());
                directive.getInputValueDefinitions().forEach(arg ->
                        shape.put("@" + directive.getName() + "(" + arg.getName() + ":)", inputValue(arg)));
            } else if (definition instanceof TypeDefinition<?> type) {
                addType(shape, type);
            }
        }
        return shape;
    }

    private static void addType(Map<String, String> shape, TypeDefinition<?> type) {
        String name = type.getName();
        String kind = type.getClass().getSimpleName().replace("TypeDefinition", "");
        String extra = "";
        if (type instanceof ObjectTypeDefinition object) {
            extra = " implements " + typeNames(object.getImplements());
            object.getFieldDefinitions().forEach(field -> addField(shape, name, field));
        } else if (type instanceof InterfaceTypeDefinition itf) {
            extra = " implements " + typeNames(itf.getImplements());
            itf.getFieldDefinitions().forEach(field -> addField(shape, name, field));
        } else if (type instanceof UnionTypeDefinition union) {
            extra = " = " + typeNames(union.getMemberTypes());
        } else if (type instanceof EnumTypeDefinition enumType) {
            enumType.getEnumValueDefinitions().forEach(value -> shape.put(name + "." + value.getName(),
                    "value " + directives(value.getDirectives()) + description(value)));
        } else if (type instanceof InputObjectTypeDefinition input) {
            input.getInputValueDefinitions().forEach(field -> shape.put(name + "." + field.getName(), inputValue(field)));
        }
        shape.put(name, kind + extra + " " + directives(type.getDirectives()) + description((DescribedNode<?>) type));
    }

    private static void addField(Map<String, String> shape, String typeName, FieldDefinition field) {
        String coordinate = typeName + "." + field.getName();
        shape.put(coordinate, AstPrinter.printAst(field.getType()) + " " + directives(field.getDirectives()) + description(field));
        field.getInputValueDefinitions().forEach(arg -> shape.put(coordinate + "(" + arg.getName() + ":)", inputValue(arg)));
    }

    private static String inputValue(InputValueDefinition value) {
        return AstPrinter.printAst(value.getType())
                + (value.getDefaultValue() == null ? "" : " = " + AstPrinter.printAst(value.getDefaultValue()))
                + " " + directives(value.getDirectives()) + description(value);
    }

    private static String description(DescribedNode<?> node) {
        return node.getDescription() == null ? "" : " \"\"\"" + node.getDescription().getContent() + "\"\"\"";
    }

    private static String typeNames(List<? extends graphql.language.Type> types) {
        return types.stream().map(type -> ((TypeName) type).getName()).sorted().toList().toString();
    }

    /** The applied directives as a sorted list, each with its arguments sorted by name. */
    private static String directives(List<Directive> directives) {
        return directives.stream()
                .map(directive -> "@" + directive.getName() + directive.getArguments().stream()
                        .sorted(Comparator.comparing(Argument::getName))
                        .map(arg -> arg.getName() + ": " + AstPrinter.printAst(arg.getValue()))
                        .collect(Collectors.joining(", ", "(", ")")))
                .sorted()
                .toList()
                .toString();
    }
}
