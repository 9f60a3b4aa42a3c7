package org.plenum.gateway.engine.cost;

import graphql.execution.MergedField;
import graphql.language.OperationDefinition;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLNamedOutputType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLTypeUtil;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cost of what a response returned, with the weights of the estimate: lists count the items they hold and
 * null values cost nothing. Abstract values are costed as their {@code __typename}, or as the most expensive
 * possible type when it was not selected.
 */
final class ActualCost {

    /** What every value of one selected field shares: worked out once, however many items its lists hold. */
    private static final class FieldCost {
        final double weight;
        final GraphQLNamedOutputType type;
        final Map<String, Map<String, MergedField>> selections = new HashMap<>();

        FieldCost(double weight, GraphQLNamedOutputType type) {
            this.weight = weight;
            this.type = type;
        }
    }

    private final CostModel model;
    private final CostModel.Request request;
    private final Map<MergedField, FieldCost> fieldCosts = new IdentityHashMap<>();
    private final Map<MergedField, Double> argumentCosts = new IdentityHashMap<>();
    /**
     * Costs of objects in the data already measured, by the object and then its parent type and selecting fields.
     * Without a __typename, an object below an abstract position is measured as each possible type; its children
     * would be measured again for each, so a chain of interface-typed fields would cost types to the power of its depth.
     */
    private final Map<Object, Map<List<Object>, Double>> measured = new IdentityHashMap<>();

    private ActualCost(CostModel model, CostModel.Request request) {
        this.model = model;
        this.request = request;
    }

    static double measure(CostModel model, OperationDefinition operation, CostModel.Request request, Map<?, ?> data) {
        GraphQLObjectType root = model.rootType(operation);
        double cost = model.operationCost(operation);
        return data == null ? cost
                : cost + new ActualCost(model, request).selection(model.collect(operation.getSelectionSet(), root, request), root, data);
    }

    private double selection(Map<String, MergedField> fields, GraphQLObjectType type, Map<?, ?> data) {
        double cost = 0;
        for (Map.Entry<String, MergedField> entry : fields.entrySet()) {
            GraphQLFieldDefinition definition = CostModel.definition(type, entry.getValue().getName());
            if (definition != null && data.containsKey(entry.getKey())) {
                MergedField field = entry.getValue();
                Double arguments = argumentCosts.get(field);
                if (arguments == null) {
                    arguments = model.argumentsCost(type, definition, model.arguments(definition, field, request));
                    argumentCosts.put(field, arguments);
                }
                cost += arguments + value(data.get(entry.getKey()), type, definition, field);
            }
        }
        return cost;
    }

    private double value(Object value, GraphQLObjectType parent, GraphQLFieldDefinition definition, MergedField field) {
        if (value == null) {
            return 0;
        }
        if (!(value instanceof Map<?, ?>)) {
            return measure(value, parent, definition, field);
        }
        Map<List<Object>, Double> known = measured.computeIfAbsent(value, object -> new HashMap<>());
        List<Object> question = List.of(parent.getName(), field.getFields());
        Double cost = known.get(question);
        if (cost == null) {
            cost = measure(value, parent, definition, field);
            known.put(question, cost);
        }
        return cost;
    }

    private double measure(Object value, GraphQLObjectType parent, GraphQLFieldDefinition definition, MergedField field) {
        FieldCost cost = fieldCosts.computeIfAbsent(field, key -> new FieldCost(model.weight(parent, definition),
                GraphQLTypeUtil.unwrapAll(definition.getType()) instanceof GraphQLNamedOutputType named ? named : null));
        return value(value, cost, field);
    }

    private double value(Object value, FieldCost cost, MergedField field) {
        if (value == null) {
            return 0;
        }
        if (value instanceof List<?> items) {
            double sum = 0;
            for (Object item : items) {
                sum += value(item, cost, field);
            }
            return sum;
        }
        if (!(value instanceof Map<?, ?> object) || cost.type == null) {
            return cost.weight;
        }
        GraphQLObjectType runtime = cost.type instanceof GraphQLObjectType concrete ? concrete
                : object.get("__typename") instanceof String name && model.schema.getType(name) instanceof GraphQLObjectType named
                ? named : null;
        if (runtime != null) {
            return cost.weight + selection(selections(cost, field, runtime), runtime, object);
        }
        double max = 0;
        for (GraphQLObjectType possible : model.possibleTypes(cost.type)) {
            max = Math.max(max, selection(selections(cost, field, possible), possible, object));
        }
        return cost.weight + max;
    }

    private Map<String, MergedField> selections(FieldCost cost, MergedField field, GraphQLObjectType type) {
        return cost.selections.computeIfAbsent(type.getName(), name -> model.collect(field, type, request));
    }
}
