package org.plenum.gateway.engine.cost;

import graphql.execution.MergedField;
import graphql.language.Field;
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

    private record Key(List<Field> fields, String type) {
    }

    private final CostModel model;
    private final CostModel.Request request;
    private final Map<Key, Map<String, MergedField>> collected = new HashMap<>();
    private final Map<MergedField, Double> argumentCosts = new IdentityHashMap<>();

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
        if (value instanceof List<?> items) {
            double cost = 0;
            for (Object item : items) {
                cost += value(item, parent, definition, field);
            }
            return cost;
        }
        double weight = model.weight(parent, definition);
        if (!(value instanceof Map<?, ?> object)
                || !(GraphQLTypeUtil.unwrapAll(definition.getType()) instanceof GraphQLNamedOutputType type)) {
            return weight;
        }
        GraphQLObjectType runtime = object.get("__typename") instanceof String name
                && model.schema.getType(name) instanceof GraphQLObjectType named ? named : null;
        double max = 0;
        for (GraphQLObjectType possible : runtime != null ? List.of(runtime) : model.possibleTypes(type)) {
            Map<String, MergedField> fields = collected.computeIfAbsent(new Key(field.getFields(), possible.getName()),
                    key -> model.collect(field, possible, request));
            max = Math.max(max, selection(fields, possible, object));
        }
        return weight + max;
    }
}
