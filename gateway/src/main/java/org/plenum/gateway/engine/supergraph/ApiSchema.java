package org.plenum.gateway.engine.supergraph;

import graphql.language.Definition;
import graphql.language.Directive;
import graphql.language.DirectiveDefinition;
import graphql.language.DirectivesContainer;
import graphql.language.Document;
import graphql.language.EnumTypeDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.ScalarTypeDefinition;
import graphql.language.SchemaDefinition;
import graphql.language.Type;
import graphql.language.TypeDefinition;
import graphql.language.UnionTypeDefinition;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.SchemaPrinter;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import graphql.schema.idl.errors.SchemaProblem;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The schema clients see: the supergraph without spec (join, link, ...) elements and without @inaccessible ones. */
record ApiSchema(GraphQLSchema schema, String sdl) {

    static ApiSchema build(Document supergraph, LinkedSpecs specs) {
        String inaccessible = specs.inaccessibleDirective();
        Set<String> removedTypes = new HashSet<>();
        for (Definition<?> definition : supergraph.getDefinitions()) {
            if (definition instanceof TypeDefinition<?> type
                    && (specs.isSpecElement(type.getName()) || hasDirective(type, inaccessible))) {
                removedTypes.add(type.getName());
            }
        }
        Stripper stripper = new Stripper(specs, inaccessible, removedTypes);
        List<Definition> kept = new ArrayList<>();
        for (Definition<?> definition : supergraph.getDefinitions()) {
            Definition<?> api = stripper.strip(definition);
            if (api != null) {
                kept.add(api);
            }
        }
        Document apiDocument = Document.newDocument().definitions(kept).build();
        GraphQLSchema schema;
        try {
            schema = UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().buildRegistry(apiDocument));
        } catch (SchemaProblem e) {
            throw new SupergraphException("The supergraph's API schema is invalid: " + e.getMessage(), e);
        }
        String sdl = new SchemaPrinter(SchemaPrinter.Options.defaultOptions()
                .includeDirectives(name -> !isBuiltInDirective(name))
                .includeDirectiveDefinitions(true)
                .includeScalarTypes(true)
                .includeSchemaDefinition(false))
                .print(schema);
        return new ApiSchema(schema, sdl);
    }

    private static boolean isBuiltInDirective(String name) {
        return switch (name) {
            case "include", "skip", "deprecated", "specifiedBy", "oneOf", "defer", "experimental_disableErrorPropagation" -> true;
            default -> false;
        };
    }

    static boolean hasDirective(DirectivesContainer<?> element, String name) {
        return !element.getDirectives(name).isEmpty();
    }

    private record Stripper(LinkedSpecs specs, String inaccessible, Set<String> removedTypes) {

        Definition<?> strip(Definition<?> definition) {
            if (definition instanceof DirectiveDefinition directive) {
                return specs.isSpecElement(directive.getName()) ? null : directive;
            }
            if (definition instanceof SchemaDefinition schema) {
                return schema.transform(b -> b.directives(directives(schema)));
            }
            if (definition instanceof TypeDefinition<?> type && removedTypes.contains(type.getName())) {
                return null;
            }
            if (definition instanceof ObjectTypeDefinition object) {
                return object.transform(b -> b.directives(directives(object)).implementz(types(object.getImplements()))
                        .fieldDefinitions(fields(object.getFieldDefinitions())));
            }
            if (definition instanceof InterfaceTypeDefinition itf) {
                return itf.transform(b -> b.directives(directives(itf)).implementz(types(itf.getImplements()))
                        .definitions(fields(itf.getFieldDefinitions())));
            }
            if (definition instanceof UnionTypeDefinition union) {
                return union.transform(b -> b.directives(directives(union)).memberTypes(types(union.getMemberTypes())));
            }
            if (definition instanceof EnumTypeDefinition enumType) {
                return enumType.transform(b -> b.directives(directives(enumType)).enumValueDefinitions(
                        enumType.getEnumValueDefinitions().stream().filter(v -> !hasDirective(v, inaccessible))
                                .map(v -> v.transform(vb -> vb.directives(directives(v)))).toList()));
            }
            if (definition instanceof InputObjectTypeDefinition input) {
                return input.transform(b -> b.directives(directives(input))
                        .inputValueDefinitions(inputValues(input.getInputValueDefinitions())));
            }
            if (definition instanceof ScalarTypeDefinition scalar) {
                return scalar.transform(b -> b.directives(directives(scalar)));
            }
            return definition;
        }

        private List<Directive> directives(DirectivesContainer<?> element) {
            return element.getDirectives().stream().filter(d -> !specs.isSpecElement(d.getName())).toList();
        }

        private List<Type> types(List<Type> types) {
            return types.stream().filter(t -> !removedTypes.contains(Supergraph.typeName(t))).toList();
        }

        private List<FieldDefinition> fields(List<FieldDefinition> fields) {
            return fields.stream().filter(f -> !hasDirective(f, inaccessible))
                    .map(f -> f.transform(b -> b.directives(directives(f)).inputValueDefinitions(inputValues(f.getInputValueDefinitions()))))
                    .toList();
        }

        private List<InputValueDefinition> inputValues(List<InputValueDefinition> values) {
            return values.stream().filter(v -> !hasDirective(v, inaccessible))
                    .map(v -> v.transform(b -> b.directives(directives(v)))).toList();
        }
    }
}
