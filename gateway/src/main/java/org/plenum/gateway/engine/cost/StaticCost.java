package org.plenum.gateway.engine.cost;

import graphql.execution.MergedField;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLNamedOutputType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLTypeUtil;
import org.plenum.gateway.engine.supergraph.CostDirectives;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The estimated cost of an operation before it runs (Apollo's static estimate): each field costs its weight plus
 * its selections' cost, times the list size for list fields; the list size is the slicing argument's value, else
 * {@code @listSize(assumedSize:)}, else what the parent's {@code @listSize(sizedFields:)} gives, else the
 * configured default. Where a value may be one of several object types, the most expensive counts.
 * <p>
 * Fields are merged as execution merges them (each fragment collected once per selection), and the cost of a
 * selection for a type is computed once, so the work stays linear in the document, not in its expansion.
 */
final class StaticCost {

    /** The list size a parent's @listSize(sizedFields:) gives to those of its child fields. */
    private record Sizing(double size, Set<String> fields) {
    }

    private record Key(List<Field> fields, String type, Sizing sizing) {
    }

    private final CostModel model;
    private final CostModel.Request request;
    private final Map<Key, Double> selectionCosts = new HashMap<>();

    private StaticCost(CostModel model, CostModel.Request request) {
        this.model = model;
        this.request = request;
    }

    static double estimate(CostModel model, OperationDefinition operation, CostModel.Request request) {
        GraphQLObjectType root = model.rootType(operation);
        StaticCost cost = new StaticCost(model, request);
        return model.operationCost(operation) + cost.selection(model.collect(operation.getSelectionSet(), root, request), root, null);
    }

    private double selection(Map<String, MergedField> fields, GraphQLObjectType type, Sizing sizing) {
        double cost = 0;
        for (MergedField field : fields.values()) {
            cost += field(field, type, sizing);
        }
        return cost;
    }

    private double field(MergedField field, GraphQLObjectType parent, Sizing sizing) {
        GraphQLFieldDefinition definition = CostModel.definition(parent, field.getName());
        if (definition == null) {
            return 0;
        }
        Map<String, Object> arguments = model.arguments(definition, field, request);
        CostDirectives.ListSize listSize = model.listSize(parent, field.getName());
        Integer sliced = CostModel.slicedSize(listSize, arguments, parent.getName() + "." + field.getName());
        double expected = sliced != null ? sliced
                : listSize != null && listSize.assumedSize() != null ? listSize.assumedSize() : model.defaultListSize;
        double count = 1;
        if (CostModel.isList(definition.getType())) {
            count = sizing != null && sizing.fields().contains(field.getName()) && sliced == null ? sizing.size() : expected;
        }
        Sizing childSizing = listSize != null && listSize.sizedFields() != null ? new Sizing(expected, listSize.sizedFields()) : null;
        double each = model.weight(parent, definition) + children(field, definition, childSizing);
        return count * each + model.argumentsCost(parent, definition, arguments);
    }

    /** The selections' cost: for an abstract type, that of its most expensive possible type. */
    private double children(MergedField field, GraphQLFieldDefinition definition, Sizing sizing) {
        if (!(GraphQLTypeUtil.unwrapAll(definition.getType()) instanceof GraphQLNamedOutputType type)) {
            return 0;
        }
        double max = 0;
        for (GraphQLObjectType possible : model.possibleTypes(type)) {
            Key key = new Key(field.getFields(), possible.getName(), sizing);
            Double cost = selectionCosts.get(key);
            if (cost == null) {
                cost = selection(model.collect(field, possible, request), possible, sizing);
                selectionCosts.put(key, cost);
            }
            max = Math.max(max, cost);
        }
        return max;
    }
}
