package org.plenum.gateway.engine.planning;

import graphql.Scalars;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.GraphQLUnionType;
import org.plenum.gateway.engine.plan.ResponseKeys;
import org.plenum.gateway.engine.plan.ResponseShape;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Compiles the client's operation into a {@link ResponseShape} against the API schema. */
final class ShapeCompiler {

    private static final GraphQLOutputType TYPENAME_TYPE = GraphQLNonNull.nonNull(Scalars.GraphQLString);

    private final GraphQLSchema schema;
    private final FieldCollector collector;
    /**
     * Shapes compiled in this operation, by type and selections: each implementation of an interface shares its
     * children's shape, so a chain of interface-typed fields stays one shape per level, not one per type path.
     */
    private final Map<List<Object>, ResponseShape> compiled = new HashMap<>();

    ShapeCompiler(GraphQLSchema schema, FieldCollector collector) {
        this.schema = schema;
        this.collector = collector;
    }

    ResponseShape compile(OperationDefinition operation) {
        GraphQLObjectType root = switch (operation.getOperation()) {
            case QUERY -> schema.getQueryType();
            case MUTATION -> schema.getMutationType();
            case SUBSCRIPTION -> schema.getSubscriptionType();
        };
        return shape(root, operation.getSelectionSet().getSelections());
    }

    private ResponseShape shape(GraphQLNamedType type, List<Selection> selections) {
        List<Object> question = List.of(type.getName(), List.copyOf(selections));
        ResponseShape known = compiled.get(question);
        if (known == null) {
            known = compileShape(type, selections);
            compiled.put(question, known);
        }
        return known;
    }

    private ResponseShape compileShape(GraphQLNamedType type, List<Selection> selections) {
        if (type instanceof GraphQLObjectType object) {
            ResponseShape.Field[] fields = fields(object, selections);
            return new ResponseShape(object.getName(), false, Map.of(object.getName(), fields), fields);
        }
        Map<String, ResponseShape.Field[]> byType = new LinkedHashMap<>();
        List<GraphQLObjectType> possibleTypes = type instanceof GraphQLInterfaceType itf ? schema.getImplementations(itf)
                : ((GraphQLUnionType) type).getTypes().stream().map(GraphQLObjectType.class::cast).toList();
        for (GraphQLObjectType possible : possibleTypes) {
            byType.put(possible.getName(), fields(possible, selections));
        }
        ResponseShape.Field[] fallback = type instanceof GraphQLFieldsContainer container ? fields(container, selections)
                : typenameOnly(selections, type.getName());
        return new ResponseShape(type.getName(), true, byType, fallback);
    }

    private ResponseShape.Field[] fields(GraphQLFieldsContainer type, List<Selection> selections) {
        List<ResponseShape.Field> fields = new ArrayList<>();
        for (Map.Entry<String, List<Field>> entry : collector.collect(type.getName(), selections).entrySet()) {
            String name = entry.getValue().get(0).getName();
            if (name.equals("__typename")) {
                fields.add(new ResponseShape.Field(entry.getKey(), entry.getKey(), name, ResponseShape.Kind.TYPENAME, TYPENAME_TYPE, null));
            } else if (name.equals("__schema") || name.equals("__type")) {
                fields.add(new ResponseShape.Field(entry.getKey(), entry.getKey(), name, ResponseShape.Kind.INTROSPECTION, null, null));
            } else {
                GraphQLOutputType fieldType = type.getFieldDefinition(name).getType();
                GraphQLNamedType named = (GraphQLNamedType) GraphQLTypeUtil.unwrapAll(fieldType);
                ResponseShape sub = named instanceof graphql.schema.GraphQLCompositeType
                        ? shape(named, FieldCollector.subSelections(entry.getValue())) : null;
                fields.add(new ResponseShape.Field(entry.getKey(), ResponseKeys.dataKey(entry.getKey(), name), name, ResponseShape.Kind.FIELD, fieldType, sub));
            }
        }
        return fields.toArray(ResponseShape.Field[]::new);
    }

    private ResponseShape.Field[] typenameOnly(List<Selection> selections, String unionName) {
        List<ResponseShape.Field> fields = new ArrayList<>();
        for (Map.Entry<String, List<Field>> entry : collector.collect(unionName, selections).entrySet()) {
            if (entry.getValue().get(0).getName().equals("__typename")) {
                fields.add(new ResponseShape.Field(entry.getKey(), entry.getKey(), "__typename", ResponseShape.Kind.TYPENAME, TYPENAME_TYPE, null));
            }
        }
        return fields.toArray(ResponseShape.Field[]::new);
    }
}
