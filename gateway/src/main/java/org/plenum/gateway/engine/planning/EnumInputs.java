package org.plenum.gateway.engine.planning;

import graphql.language.Argument;
import graphql.language.ArrayValue;
import graphql.language.EnumValue;
import graphql.language.NullValue;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.Type;
import graphql.language.VariableReference;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import org.plenum.gateway.engine.sdl.TypeRefs;
import org.plenum.gateway.engine.supergraph.EnumValues;
import org.plenum.gateway.engine.supergraph.FieldMeta;
import org.plenum.gateway.engine.supergraph.Supergraph;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The enum values a field's arguments carry (literals or variable values, in input objects and lists too), checked
 * against a subgraph that would be sent them: a subgraph rejects a request with a value its enum lacks.
 */
public final class EnumInputs {

    private final Supergraph supergraph;
    private final EnumValues enumValues;
    private final Map<String, Object> variables;

    EnumInputs(Supergraph supergraph, Map<String, Object> variables) {
        this.supergraph = supergraph;
        this.enumValues = supergraph.enumValues();
        this.variables = variables;
    }

    /**
     * Whether a variable of this type can carry an enum value some subgraph lacks: then the plan depends on its value.
     */
    public static boolean shapesPlans(Supergraph supergraph, Type<?> variableType) {
        return supergraph.enumValues().anyPartial()
                && carriesPartialEnum(supergraph, supergraph.apiSchema().getType(TypeRefs.baseName(variableType)), new HashSet<>());
    }

    private static boolean carriesPartialEnum(Supergraph supergraph, GraphQLType type, Set<String> seen) {
        if (type instanceof GraphQLEnumType enumType) {
            return supergraph.enumValues().isPartial(enumType.getName());
        }
        if (type instanceof GraphQLInputObjectType object && seen.add(object.getName())) {
            for (GraphQLInputObjectField field : object.getFieldDefinitions()) {
                if (carriesPartialEnum(supergraph, GraphQLTypeUtil.unwrapAll(field.getType()), seen)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether the subgraph defines every enum value the field's arguments carry. */
    boolean acceptedBy(String graph, FieldMeta field, List<Argument> arguments) {
        return lackedBy(graph, field, arguments) == null;
    }

    /** @return an enum value the arguments carry that the subgraph lacks, as "Enum.VALUE", or null */
    String lackedBy(String graph, FieldMeta field, List<Argument> arguments) {
        if (arguments.isEmpty() || !enumValues.anyPartial()
                || !(supergraph.apiSchema().getType(field.parentType()) instanceof GraphQLFieldsContainer parent)) {
            return null;
        }
        GraphQLFieldDefinition definition = parent.getFieldDefinition(field.name());
        if (definition == null) {
            return null;
        }
        for (Argument argument : arguments) {
            GraphQLArgument declared = definition.getArgument(argument.getName());
            String lacked = declared == null ? null : lackedBy(graph, declared.getType(), argument.getValue());
            if (lacked != null) {
                return lacked;
            }
        }
        return null;
    }

    /** @param value a literal of the operation, or a variable's coerced value (enum values as their names) */
    private String lackedBy(String graph, GraphQLInputType type, Object value) {
        Object given = value instanceof VariableReference variable ? variables.get(variable.getName()) : value;
        if (given == null || given instanceof NullValue) {
            return null;
        }
        GraphQLType unwrapped = GraphQLTypeUtil.unwrapNonNull(type);
        if (unwrapped instanceof GraphQLList list) {
            // a single value where a list is declared stands for a list of one
            Collection<?> items = given instanceof ArrayValue array ? array.getValues()
                    : given instanceof Collection<?> collection ? collection : List.of(given);
            for (Object item : items) {
                String lacked = lackedBy(graph, (GraphQLInputType) list.getWrappedType(), item);
                if (lacked != null) {
                    return lacked;
                }
            }
        } else if (unwrapped instanceof GraphQLEnumType enumType) {
            String name = given instanceof EnumValue literal ? literal.getName() : String.valueOf(given);
            return enumValues.definedIn(enumType.getName(), name, graph) ? null : enumType.getName() + "." + name;
        } else if (unwrapped instanceof GraphQLInputObjectType object) {
            return lackedByFields(graph, object, given);
        }
        return null;
    }

    private String lackedByFields(String graph, GraphQLInputObjectType object, Object given) {
        if (given instanceof ObjectValue literal) {
            for (ObjectField field : literal.getObjectFields()) {
                String lacked = lackedByField(graph, object, field.getName(), field.getValue());
                if (lacked != null) {
                    return lacked;
                }
            }
        } else if (given instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String lacked = lackedByField(graph, object, String.valueOf(entry.getKey()), entry.getValue());
                if (lacked != null) {
                    return lacked;
                }
            }
        }
        return null;
    }

    private String lackedByField(String graph, GraphQLInputObjectType object, String name, Object value) {
        GraphQLInputObjectField field = object.getField(name);
        return field == null ? null : lackedBy(graph, field.getType(), value);
    }
}
