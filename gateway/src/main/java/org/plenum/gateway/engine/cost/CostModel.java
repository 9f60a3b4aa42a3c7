package org.plenum.gateway.engine.cost;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.execution.FieldCollector;
import graphql.execution.FieldCollectorParameters;
import graphql.execution.MergedField;
import graphql.execution.ValuesResolver;
import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;
import graphql.language.SelectionSet;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLCompositeType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLNamedOutputType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.GraphQLUnionType;
import org.plenum.gateway.engine.supergraph.CostDirectives;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The weights both estimates and measurements use, after Apollo's demand control: a field's value weighs its
 * {@code @cost}, else its type's, else 1 for objects, interfaces and unions and 0 for scalars and enums; arguments
 * add their {@code @cost} and that of the input fields they set; a mutation adds 10.
 */
final class CostModel {

    static final double MUTATION_COST = 10;
    private static final FieldCollector COLLECTOR = new FieldCollector();

    /** The operation's fragments and coerced variables: what collecting fields and reading arguments need. */
    record Request(Map<String, FragmentDefinition> fragments, CoercedVariables variables) {
    }

    final GraphQLSchema schema;
    final CostDirectives directives;
    final int defaultListSize;

    CostModel(GraphQLSchema schema, CostDirectives directives, int defaultListSize) {
        this.schema = schema;
        this.directives = directives;
        this.defaultListSize = defaultListSize;
    }

    GraphQLObjectType rootType(OperationDefinition operation) {
        return switch (operation.getOperation()) {
            case MUTATION -> schema.getMutationType();
            case SUBSCRIPTION -> schema.getSubscriptionType();
            default -> schema.getQueryType();
        };
    }

    double operationCost(OperationDefinition operation) {
        return operation.getOperation() == OperationDefinition.Operation.MUTATION ? MUTATION_COST : 0;
    }

    /** The fields a selection set selects on an object type, by response key (@skip/@include applied). */
    Map<String, MergedField> collect(SelectionSet selectionSet, GraphQLObjectType type, Request request) {
        return COLLECTOR.collectFields(parameters(type, request), selectionSet).getSubFields();
    }

    /** The fields the sub-selections of a (merged) field select on an object type, by response key. */
    Map<String, MergedField> collect(MergedField field, GraphQLObjectType type, Request request) {
        return COLLECTOR.collectFields(parameters(type, request), field).getSubFields();
    }

    private FieldCollectorParameters parameters(GraphQLObjectType type, Request request) {
        return FieldCollectorParameters.newParameters().schema(schema).objectType(type)
                .fragments(request.fragments()).variables(request.variables().toMap())
                .graphQLContext(GraphQLContext.getDefault()).build();
    }

    /** The object types a composite type may be at run time. */
    List<GraphQLObjectType> possibleTypes(GraphQLNamedOutputType type) {
        if (type instanceof GraphQLObjectType object) {
            return List.of(object);
        }
        if (type instanceof GraphQLInterfaceType itf) {
            return schema.getImplementations(itf);
        }
        return type instanceof GraphQLUnionType union
                ? union.getTypes().stream().filter(GraphQLObjectType.class::isInstance).map(GraphQLObjectType.class::cast).toList()
                : List.of();
    }

    /** The field's definition on the type, null for introspection fields (which cost nothing). */
    static GraphQLFieldDefinition definition(GraphQLObjectType parent, String name) {
        return name.startsWith("__") ? null : parent.getFieldDefinition(name);
    }

    /** The weight of one value of the field: its @cost, else its type's @cost, else 1 for composite types and 0 for leaves. */
    double weight(GraphQLObjectType parent, GraphQLFieldDefinition field) {
        Integer weight = directives.fieldWeight(parent.getName(), field.getName());
        if (weight == null) {
            weight = interfaceField(parent, field.getName(), directives::fieldWeight);
        }
        GraphQLNamedType type = GraphQLTypeUtil.unwrapAll(field.getType());
        if (weight == null) {
            weight = directives.typeWeight(type.getName());
        }
        if (weight != null) {
            return weight;
        }
        return type instanceof GraphQLCompositeType ? 1 : 0;
    }

    /** The field's @listSize, on the object type or else on an interface it implements; null when none. */
    CostDirectives.ListSize listSize(GraphQLObjectType parent, String field) {
        CostDirectives.ListSize listSize = directives.listSize(parent.getName(), field);
        return listSize != null ? listSize : interfaceField(parent, field, directives::listSize);
    }

    private static <T> T interfaceField(GraphQLObjectType parent, String field, BiFunction<String, String, T> lookup) {
        for (GraphQLNamedOutputType itf : parent.getInterfaces()) {
            T found = lookup.apply(itf.getName(), field);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    static boolean isList(GraphQLOutputType type) {
        return GraphQLTypeUtil.isList(GraphQLTypeUtil.unwrapNonNull(type));
    }

    /** The field's argument values, defaults included, coerced as execution would. */
    Map<String, Object> arguments(GraphQLFieldDefinition definition, MergedField field, Request request) {
        if (definition.getArguments().isEmpty()) {
            return Map.of();
        }
        return ValuesResolver.getArgumentValues(schema.getCodeRegistry(), definition.getArguments(),
                field.getArguments(), request.variables(), GraphQLContext.getDefault(), Locale.ENGLISH);
    }

    /**
     * The list size the slicing arguments give (the largest value given), null when none is given.
     *
     * @throws CostEstimateException when @listSize requires exactly one slicing argument and not one is given
     */
    static Integer slicedSize(CostDirectives.ListSize listSize, Map<String, Object> arguments, String where) {
        if (listSize == null || listSize.slicingArguments() == null || listSize.slicingArguments().isEmpty()) {
            return null;
        }
        Integer size = null;
        int given = 0;
        for (String name : listSize.slicingArguments()) {
            if (arguments.get(name) instanceof Number value) {
                given++;
                size = size == null ? value.intValue() : Math.max(size, value.intValue());
            }
        }
        if (listSize.requireOneSlicingArgument() && given != 1) {
            throw new CostEstimateException("Exactly one slicing argument (" + String.join(", ", listSize.slicingArguments())
                    + ") must be given for " + where + "; " + given + " were given");
        }
        return size == null ? null : Math.max(size, 0);
    }

    /** What the arguments add: an argument's @cost, else the @cost of the input fields its value sets. */
    double argumentsCost(GraphQLObjectType parent, GraphQLFieldDefinition field, Map<String, Object> arguments) {
        double cost = 0;
        for (GraphQLArgument argument : field.getArguments()) {
            if (!arguments.containsKey(argument.getName())) {
                continue;
            }
            Integer weight = directives.argumentWeight(parent.getName(), field.getName(), argument.getName());
            cost += weight != null ? weight : inputCost(argument.getType(), arguments.get(argument.getName()));
        }
        return cost;
    }

    private double inputCost(GraphQLInputType type, Object value) {
        if (value instanceof List<?> list) {
            GraphQLType item = GraphQLTypeUtil.unwrapOne(GraphQLTypeUtil.unwrapNonNull(type));
            double cost = 0;
            for (Object element : list) {
                cost += item instanceof GraphQLInputType itemType ? inputCost(itemType, element) : 0;
            }
            return cost;
        }
        if (!(GraphQLTypeUtil.unwrapAll(type) instanceof GraphQLInputObjectType input) || !(value instanceof Map<?, ?> fields)) {
            return 0;
        }
        double cost = 0;
        for (GraphQLInputObjectField field : input.getFieldDefinitions()) {
            if (fields.containsKey(field.getName())) {
                Integer weight = directives.fieldWeight(input.getName(), field.getName());
                cost += weight != null ? weight : inputCost(field.getType(), fields.get(field.getName()));
            }
        }
        return cost;
    }
}
