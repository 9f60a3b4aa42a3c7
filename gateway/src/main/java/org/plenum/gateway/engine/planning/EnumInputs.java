package org.plenum.gateway.engine.planning;

import graphql.language.Argument;
import graphql.language.ArrayValue;
import graphql.language.EnumValue;
import graphql.language.NullValue;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.Type;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import org.plenum.gateway.engine.sdl.TypeRefs;
import org.plenum.gateway.engine.supergraph.EnumValues;
import org.plenum.gateway.engine.supergraph.FieldMeta;
import org.plenum.gateway.engine.supergraph.Supergraph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The enum values a field's arguments carry (literals or variable values, in input objects and lists too), checked
 * against a subgraph that would be sent them: a subgraph rejects a request with a value its enum lacks. Only enums
 * with values some of their subgraphs lack matter.
 */
public final class EnumInputs {

    /** One value of an enum some subgraphs lack values of. */
    private record Carried(String enumName, String value) {
        @Override
        public String toString() {
            return enumName + "." + value;
        }
    }

    private final Supergraph supergraph;
    private final EnumValues enumValues;
    private final Map<String, Object> variables;

    EnumInputs(Supergraph supergraph, Map<String, Object> variables) {
        this.supergraph = supergraph;
        this.enumValues = supergraph.enumValues();
        this.variables = variables;
    }

    /** Whether a variable of this type can carry an enum value some subgraph lacks: then plans depend on its value. */
    public static boolean shapesPlans(Supergraph supergraph, Type<?> variableType) {
        return supergraph.enumValues().anyPartial()
                && carriesPartialEnum(supergraph, supergraph.apiSchema().getType(TypeRefs.baseName(variableType)), new HashSet<>());
    }

    /**
     * What of a variable's coerced value plans depend on: the values it carries of enums some subgraphs lack, as
     * "Enum.VALUE" in order (not the whole value, so that plans do not multiply with values that do not matter).
     */
    public static Set<String> planRelevantValues(Supergraph supergraph, Type<?> variableType, Object value) {
        List<Carried> carried = new ArrayList<>();
        new EnumInputs(supergraph, Map.of()).collect(supergraph.apiSchema().getType(TypeRefs.baseName(variableType)),
                value, carried);
        return carried.stream().map(Carried::toString).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Whether the subgraph defines every enum value a literal of the type (a variable's default, say) carries. */
    static boolean literalAcceptedBy(Supergraph supergraph, String graph, Type<?> type, Value<?> literal) {
        if (!supergraph.enumValues().anyPartial()) {
            return true;
        }
        List<Carried> carried = new ArrayList<>();
        new EnumInputs(supergraph, Map.of()).collect(supergraph.apiSchema().getType(TypeRefs.baseName(type)), literal, carried);
        return carried.stream().allMatch(one -> supergraph.enumValues().definedIn(one.enumName(), one.value(), graph));
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
        List<Carried> carried = new ArrayList<>();
        for (Argument argument : arguments) {
            GraphQLArgument declared = definition.getArgument(argument.getName());
            if (declared != null) {
                collect(GraphQLTypeUtil.unwrapAll(declared.getType()), argument.getValue(), carried);
            }
        }
        return carried.stream().filter(one -> !enumValues.definedIn(one.enumName(), one.value(), graph))
                .map(Carried::toString).findFirst().orElse(null);
    }

    /**
     * Adds the values of partial enums that a value of the named type carries. Input was validated: a list value
     * stands for a list type (and a single value where a list is declared for a list of one), so the value's shape
     * says which.
     *
     * @param value a literal of the operation, or a variable's coerced value (enum values as their names)
     */
    private void collect(GraphQLType namedType, Object value, List<Carried> carried) {
        Object given = value instanceof VariableReference variable ? variables.get(variable.getName()) : value;
        if (given == null || given instanceof NullValue) {
            return;
        }
        if (given instanceof ArrayValue array) {
            array.getValues().forEach(item -> collect(namedType, item, carried));
        } else if (given instanceof Collection<?> items) {
            items.forEach(item -> collect(namedType, item, carried));
        } else if (namedType instanceof GraphQLEnumType enumType && enumValues.isPartial(enumType.getName())) {
            carried.add(new Carried(enumType.getName(), given instanceof EnumValue literal ? literal.getName() : String.valueOf(given)));
        } else if (namedType instanceof GraphQLInputObjectType object) {
            if (given instanceof ObjectValue literal) {
                for (ObjectField field : literal.getObjectFields()) {
                    collectField(object, field.getName(), field.getValue(), carried);
                }
            } else if (given instanceof Map<?, ?> map) {
                map.forEach((name, fieldValue) -> collectField(object, String.valueOf(name), fieldValue, carried));
            }
        }
    }

    private void collectField(GraphQLInputObjectType object, String name, Object value, List<Carried> carried) {
        GraphQLInputObjectField field = object.getField(name);
        if (field != null) {
            collect(GraphQLTypeUtil.unwrapAll(field.getType()), value, carried);
        }
    }
}
