package org.plenum.gateway.ops;

import graphql.language.AstPrinter;
import graphql.language.Document;
import graphql.language.OperationTypeDefinition;
import graphql.language.SchemaDefinition;
import graphql.language.TypeName;
import graphql.parser.Parser;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.GraphQLUnionType;
import graphql.schema.diff.DiffCategory;
import graphql.schema.diff.DiffEvent;
import graphql.schema.diff.DiffLevel;
import graphql.schema.diff.SchemaDiff;
import graphql.schema.diff.SchemaDiffSet;
import graphql.schema.diff.reporting.CapturingReporter;
import graphql.schema.idl.ScalarInfo;
import org.plenum.gateway.engine.supergraph.Supergraph;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The changes between two supergraphs' API schemas (what clients see), classified as graphql-java's
 * {@link SchemaDiff} does: breaking (removed or retyped fields, arguments and enum values, stricter nullability,
 * new required arguments and input fields), dangerous (default value changes, enum values and union members added,
 * deprecations) and safe (additions). It is run from every object type it does not reach from the root types too
 * (implementations seen only through an interface); the types removed, added or changed in kind and the optional
 * arguments and input fields added are listed here.
 */
public final class SchemaCheck {

    public enum Severity { BREAKING, DANGEROUS, SAFE }

    /** @param location the type, {@code Type.field} or what the message names */
    public record Change(Severity severity, String location, String message) {
    }

    private SchemaCheck() {
    }

    /** @return the changes, breaking first, each kind ordered by location */
    public static List<Change> compare(Supergraph current, Supergraph proposed) {
        Set<Change> changes = new LinkedHashSet<>(typeChanges(current.apiSchema(), proposed.apiSchema()));
        changes.addAll(optionalAdditions(current.apiSchema(), proposed.apiSchema()));
        Set<String> examined = new HashSet<>();
        diff(current.apiSchemaSdl(), proposed.apiSchemaSdl(), changes, examined);
        for (GraphQLNamedType type : current.apiSchema().getAllTypesAsList()) {
            if (type instanceof GraphQLObjectType && !examined.contains(type.getName()) && !type.getName().startsWith("__")
                    && proposed.apiSchema().getType(type.getName()) instanceof GraphQLObjectType) {
                diff(rootedAt(current.apiSchemaSdl(), type.getName()), rootedAt(proposed.apiSchemaSdl(), type.getName()),
                        changes, examined);
            }
        }
        List<Change> sorted = new ArrayList<>(changes);
        sorted.sort(Comparator.comparing(Change::severity).thenComparing(Change::location));
        return sorted;
    }

    /** Types removed, added or of another kind: also those SchemaDiff does not reach or skips (e.g. a BigInteger scalar). */
    private static List<Change> typeChanges(GraphQLSchema current, GraphQLSchema proposed) {
        List<Change> changes = new ArrayList<>();
        for (GraphQLNamedType type : current.getAllTypesAsList()) {
            if (isBuiltIn(type)) {
                continue;
            }
            GraphQLNamedType now = proposed.getType(type.getName()) instanceof GraphQLNamedType named ? named : null;
            if (now == null) {
                changes.add(new Change(Severity.BREAKING, type.getName(), kind(type) + " '" + type.getName() + "' was removed"));
            } else if (!kind(now).equals(kind(type))) {
                changes.add(new Change(Severity.BREAKING, type.getName(), "'" + type.getName() + "' changed from "
                        + kind(type) + " to " + kind(now)));
            }
        }
        for (GraphQLNamedType type : proposed.getAllTypesAsList()) {
            if (!isBuiltIn(type) && current.getType(type.getName()) == null) {
                changes.add(new Change(Severity.SAFE, type.getName(), kind(type) + " '" + type.getName() + "' was added"));
            }
        }
        return changes;
    }

    private static void diff(String currentSdl, String proposedSdl, Set<Change> changes, Set<String> examined) {
        CapturingReporter reporter = new CapturingReporter();
        new SchemaDiff().diffSchema(SchemaDiffSet.diffSetFromSdl(currentSdl, proposedSdl), reporter);
        for (DiffEvent event : reporter.getEvents()) {
            if (event.getCategory() == null) {
                if (event.getFieldName() == null && event.getTypeName() != null) {
                    examined.add(event.getTypeName()); // "Examining type ..." and the like: progress, not changes
                }
                continue;
            }
            if (event.getFieldName() == null && event.getTypeKind() != graphql.language.TypeKind.Operation
                    && (event.getCategory() == DiffCategory.MISSING && event.getComponents().isEmpty()
                    || event.getCategory() == DiffCategory.INVALID)) {
                continue; // a type removed or changed in kind: listed by typeChanges
            }
            changes.add(new Change(severity(event.getLevel()), location(event), event.getReasonMsg().strip()));
        }
    }

    /** {@code Type}, {@code Type.field}, {@code Type.field(argument:)} or {@code Enum.VALUE}, as the event's parts say. */
    private static String location(DiffEvent event) {
        List<String> parts = event.getComponents();
        if (event.getFieldName() == null) {
            return event.getTypeKind() == graphql.language.TypeKind.Enum && parts.size() == 1
                    ? event.getTypeName() + "." + parts.get(0) : event.getTypeName();
        }
        String field = event.getTypeName() + "." + event.getFieldName();
        return parts.size() == 1 ? field + "(" + parts.get(0) + ":)" : field; // two parts: old and new type
    }

    /**
     * Optional arguments and input fields added to what both schemas have: safe, and not reported by SchemaDiff (which
     * reports new non-null ones as breaking).
     */
    private static List<Change> optionalAdditions(GraphQLSchema current, GraphQLSchema proposed) {
        List<Change> changes = new ArrayList<>();
        for (GraphQLNamedType type : proposed.getAllTypesAsList()) {
            GraphQLNamedType before = current.getType(type.getName()) instanceof GraphQLNamedType named ? named : null;
            if (type instanceof GraphQLFieldsContainer fields && before instanceof GraphQLFieldsContainer beforeFields) {
                for (GraphQLFieldDefinition field : fields.getFieldDefinitions()) {
                    GraphQLFieldDefinition beforeField = beforeFields.getFieldDefinition(field.getName());
                    if (beforeField == null) {
                        continue;
                    }
                    for (GraphQLArgument argument : field.getArguments()) {
                        if (beforeField.getArgument(argument.getName()) == null && GraphQLTypeUtil.isNullable(argument.getType())) {
                            String location = type.getName() + "." + field.getName() + "(" + argument.getName() + ":)";
                            changes.add(new Change(Severity.SAFE, location, "Optional argument '" + location + "' was added"));
                        }
                    }
                }
            } else if (type instanceof GraphQLInputObjectType input && before instanceof GraphQLInputObjectType beforeInput) {
                for (GraphQLInputObjectField field : input.getFieldDefinitions()) {
                    if (beforeInput.getFieldDefinition(field.getName()) == null && GraphQLTypeUtil.isNullable(field.getType())) {
                        String location = type.getName() + "." + field.getName();
                        changes.add(new Change(Severity.SAFE, location, "Optional input field '" + location + "' was added"));
                    }
                }
            }
        }
        return changes;
    }

    /** The SDL with {@code type} as its only root: SchemaDiff walks from the root types. */
    private static String rootedAt(String sdl, String type) {
        Document document = Parser.parse(sdl);
        List<graphql.language.Definition> definitions = new ArrayList<>(document.getDefinitions());
        definitions.removeIf(definition -> definition instanceof SchemaDefinition);
        definitions.add(SchemaDefinition.newSchemaDefinition()
                .operationTypeDefinition(new OperationTypeDefinition("query", new TypeName(type)))
                .build());
        return AstPrinter.printAst(document.transform(builder -> builder.definitions(definitions)));
    }

    private static Severity severity(DiffLevel level) {
        return switch (level) {
            case BREAKING -> Severity.BREAKING;
            case DANGEROUS -> Severity.DANGEROUS;
            case INFO -> Severity.SAFE;
        };
    }

    private static boolean isBuiltIn(GraphQLNamedType type) {
        return type.getName().startsWith("__") || ScalarInfo.isGraphqlSpecifiedScalar(type.getName());
    }

    /** e.g. "Object type", "Enum" */
    private static String kind(GraphQLNamedType type) {
        if (type instanceof GraphQLObjectType) {
            return "Object type";
        }
        if (type instanceof GraphQLInterfaceType) {
            return "Interface";
        }
        if (type instanceof GraphQLUnionType) {
            return "Union";
        }
        if (type instanceof GraphQLEnumType) {
            return "Enum";
        }
        return type instanceof GraphQLInputObjectType ? "Input type" : "Scalar";
    }
}
