package org.plenum.gateway.engine.cost;

import graphql.execution.MergedField;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.schema.GraphQLCompositeType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLNamedOutputType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The cost of what a response returned, with the weights of the estimate: lists count the items they hold and
 * null values cost nothing. Abstract values are costed as their {@code __typename}, or as the most expensive
 * possible type when it was not selected. Made once per operation (and its variables) and then used for each of its
 * responses: the selections below each field are collected the first time a response holds one, and kept.
 */
final class ActualCost {

    /** What every value of one selected field shares: worked out once, however many items its lists hold. */
    private static final class FieldCost {
        final MergedField field;
        final double arguments;
        final double weight;
        final GraphQLNamedOutputType type;
        /** below a field of an abstract type: the selection by the object's type */
        final Map<String, Selection> selections = new ConcurrentHashMap<>();
        /** below a field of an object type: its selection */
        volatile Selection ofType;

        FieldCost(MergedField field, double arguments, double weight, GraphQLNamedOutputType type) {
            this.field = field;
            this.arguments = arguments;
            this.weight = weight;
            this.type = type;
        }
    }

    /**
     * The fields of one selection on one type that can cost something, by key: not __typename, not introspection, not
     * leaves that weigh nothing (most scalars and enums), whose values the walk would only add zeros for.
     */
    private record Selection(String[] keys, FieldCost[] fields) {
    }

    /** An object of the data measured as one possible type below the fields selecting it. */
    private record Measured(String type, List<Field> fields) {
    }

    private final CostModel model;
    private final CostModel.Request request;
    private final double operationCost;
    private final Selection root;

    ActualCost(CostModel model, OperationDefinition operation, CostModel.Request request) {
        this.model = model;
        this.request = request;
        this.operationCost = model.operationCost(operation);
        GraphQLObjectType rootType = model.rootType(operation);
        this.root = compile(model.collect(operation.getSelectionSet(), rootType, request), rootType);
    }

    /** @param data the response's data, null when it has none */
    double measure(Map<?, ?> data) {
        return data == null ? operationCost : operationCost + new Walk().cost(root, data);
    }

    /** Compiling is a function of its arguments: two requests that race compile the same twice, and either is kept. */
    private Selection compile(Map<String, MergedField> fields, GraphQLObjectType type) {
        List<String> keys = new ArrayList<>(fields.size());
        List<FieldCost> costs = new ArrayList<>(fields.size());
        fields.forEach((key, field) -> {
            GraphQLFieldDefinition definition = CostModel.definition(type, field.getName());
            if (definition != null) {
                double arguments = model.argumentsCost(type, definition, model.arguments(definition, field, request));
                double weight = model.weight(type, definition);
                GraphQLType named = GraphQLTypeUtil.unwrapAll(definition.getType());
                if (arguments != 0 || weight != 0 || named instanceof GraphQLCompositeType) {
                    keys.add(key);
                    costs.add(new FieldCost(field, arguments, weight,
                            named instanceof GraphQLNamedOutputType output ? output : null));
                }
            }
        });
        return new Selection(keys.toArray(String[]::new), costs.toArray(FieldCost[]::new));
    }

    private Selection ofType(FieldCost cost, GraphQLObjectType type) {
        Selection selection = cost.ofType;
        if (selection == null) {
            selection = compile(model.collect(cost.field, type, request), type);
            cost.ofType = selection;
        }
        return selection;
    }

    private Selection asType(FieldCost cost, GraphQLObjectType type) {
        Selection selection = cost.selections.get(type.getName());
        if (selection == null) {
            selection = compile(model.collect(cost.field, type, request), type);
            cost.selections.put(type.getName(), selection);
        }
        return selection;
    }

    /** One response measured. */
    private final class Walk {
        /**
         * Costs of objects without a __typename below abstract positions, measured as each possible type: their
         * children would otherwise be measured again for each, so a chain of interface-typed fields would cost types
         * to the power of its depth. Keyed by the object and then the type and the selecting fields; made when first
         * needed (most responses have none).
         */
        private Map<Object, Map<Measured, Double>> measured;

        double cost(Selection selection, Map<?, ?> data) {
            double cost = 0;
            String[] keys = selection.keys();
            FieldCost[] fields = selection.fields();
            for (int i = 0; i < keys.length; i++) {
                Object value = data.get(keys[i]);
                if (value != null || data.containsKey(keys[i])) {
                    cost += fields[i].arguments + value(value, fields[i]);
                }
            }
            return cost;
        }

        private double value(Object value, FieldCost cost) {
            if (value == null) {
                return 0;
            }
            if (value instanceof List<?> items) {
                double sum = 0;
                for (Object item : items) {
                    sum += value(item, cost);
                }
                return sum;
            }
            if (!(value instanceof Map<?, ?> object) || cost.type == null) {
                return cost.weight;
            }
            if (cost.type instanceof GraphQLObjectType concrete) {
                return cost.weight + cost(ofType(cost, concrete), object);
            }
            if (object.get("__typename") instanceof String name && model.schema.getType(name) instanceof GraphQLObjectType runtime) {
                return cost.weight + cost(asType(cost, runtime), object);
            }
            double max = 0;
            for (GraphQLObjectType possible : model.possibleTypes(cost.type)) {
                max = Math.max(max, measuredAs(object, possible, cost));
            }
            return cost.weight + max;
        }

        private double measuredAs(Map<?, ?> object, GraphQLObjectType type, FieldCost cost) {
            if (measured == null) {
                measured = new IdentityHashMap<>();
            }
            Map<Measured, Double> known = measured.computeIfAbsent(object, ignored -> new HashMap<>());
            Measured question = new Measured(type.getName(), cost.field.getFields());
            Double result = known.get(question);
            if (result == null) {
                result = cost(asType(cost, type), object);
                known.put(question, result);
            }
            return result;
        }
    }
}
