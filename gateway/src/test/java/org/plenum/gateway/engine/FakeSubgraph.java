package org.plenum.gateway.engine;

import graphql.ExecutionInput;
import graphql.GraphQL;
import graphql.schema.Coercing;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.TypeResolver;
import graphql.schema.idl.FieldWiringEnvironment;
import graphql.schema.idl.InterfaceWiringEnvironment;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.ScalarInfo;
import graphql.schema.idl.ScalarWiringEnvironment;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnionWiringEnvironment;
import graphql.schema.idl.WiringFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A subgraph for tests: its own SDL executed by graphql-java over in-memory rows, with a real
 * {@code _entities} field that finds rows by the representation's key fields.
 */
final class FakeSubgraph {

    private static final String FEDERATION_DEFINITIONS = """
            directive @key(fields: String!, resolvable: Boolean = true) repeatable on OBJECT | INTERFACE
            directive @shareable repeatable on OBJECT | FIELD_DEFINITION
            directive @external on OBJECT | FIELD_DEFINITION
            directive @requires(fields: String!) on FIELD_DEFINITION
            directive @provides(fields: String!) on FIELD_DEFINITION
            directive @override(from: String!, label: String) on FIELD_DEFINITION
            directive @inaccessible on FIELD_DEFINITION | OBJECT | INTERFACE | UNION | ARGUMENT_DEFINITION | SCALAR | ENUM | ENUM_VALUE | INPUT_OBJECT | INPUT_FIELD_DEFINITION
            directive @interfaceObject on OBJECT
            directive @context(name: String!) repeatable on OBJECT | INTERFACE | UNION
            directive @fromContext(field: String) on ARGUMENT_DEFINITION
            directive @extends on OBJECT | INTERFACE
            directive @authenticated on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM
            directive @requiresScopes(scopes: [[String!]!]!) on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM
            directive @policy(policies: [[String!]!]!) on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM
            directive @cost(weight: Int!) on ARGUMENT_DEFINITION | ENUM | FIELD_DEFINITION | INPUT_FIELD_DEFINITION | OBJECT | SCALAR
            directive @cacheTag(format: String!) repeatable on OBJECT | FIELD_DEFINITION
            directive @listSize(assumedSize: Int, slicingArguments: [String!], sizedFields: [String!], requireOneSlicingArgument: Boolean = true) on FIELD_DEFINITION
            scalar _Any
            """;

    private final GraphQL graphQL;

    /**
     * @param rows     entity type (as in representations' __typename) -> its rows; each row has __typename
     * @param root     values of the root fields without arguments
     * @param fetchers "Type.field" -> data fetcher (root fields with arguments, computed @requires fields, errors)
     */
    FakeSubgraph(String sdl, Map<String, List<Map<String, Object>>> rows, Map<String, Object> root,
                 Map<String, DataFetcher<?>> fetchers) {
        String body = sdl.replaceAll("(?s)extend schema\\s*@link\\(.*?\\]\\)", "");
        List<String> entities = new ArrayList<>();
        Matcher keyed = Pattern.compile("(?:extend )?type (\\w+)[^{]*@key").matcher(body);
        while (keyed.find()) {
            entities.add(keyed.group(1));
        }
        body = body.replace("extend type", "type");
        String queryType = body.contains("type Query") ? "extend type Query" : "type Query";
        // a subgraph without entities has no _entities field
        String full = FEDERATION_DEFINITIONS + body + (entities.isEmpty() ? "" : "\nunion _Entity = "
                + String.join(" | ", entities) + "\n" + queryType + " { _entities(representations: [_Any!]!): [_Entity]! }\n");
        TypeDefinitionRegistry registry = new SchemaParser().parse(full);
        Map<String, DataFetcher<?>> all = new LinkedHashMap<>(fetchers);
        all.put("Query._entities", env -> {
            List<Map<String, Object>> representations = env.getArgument("representations");
            List<Object> found = new ArrayList<>();
            for (Map<String, Object> representation : representations) {
                found.add(find(rows.getOrDefault((String) representation.get("__typename"), List.of()), representation));
            }
            return found;
        });
        RuntimeWiring.Builder wiring = RuntimeWiring.newRuntimeWiring().wiringFactory(new Wiring(all));
        // _Any and the subgraph's own scalars pass values through
        registry.scalars().keySet().stream().filter(name -> !ScalarInfo.isGraphqlSpecifiedScalar(name))
                .forEach(name -> wiring.scalar(GraphQLScalarType.newScalar().name(name).coercing(new PassThrough()).build()));
        GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(registry, wiring.build());
        this.graphQL = GraphQL.newGraphQL(schema).build();
        this.rootValue = root;
    }

    private final Map<String, Object> rootValue;

    Map<String, Object> execute(String query, Map<String, Object> variables) {
        return graphQL.execute(ExecutionInput.newExecutionInput(query).variables(variables).root(rootValue).build())
                .toSpecification();
    }

    private static Map<String, Object> find(List<Map<String, Object>> rows, Map<String, Object> representation) {
        for (Map<String, Object> row : rows) {
            if (matches(row, representation)) {
                Map<String, Object> entity = new LinkedHashMap<>(representation);
                entity.putAll(row);
                return entity;
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static boolean matches(Map<String, Object> row, Map<String, Object> representation) {
        for (Map.Entry<String, Object> entry : representation.entrySet()) {
            if (entry.getKey().equals("__typename") || !row.containsKey(entry.getKey())) {
                continue;
            }
            Object value = row.get(entry.getKey());
            if (value instanceof Map<?, ?> map && entry.getValue() instanceof Map<?, ?> wanted) {
                if (!matches((Map<String, Object>) map, (Map<String, Object>) wanted)) {
                    return false;
                }
            } else if (!String.valueOf(value).equals(String.valueOf(entry.getValue()))) {
                return false;
            }
        }
        return true;
    }

    private static final class PassThrough implements Coercing<Object, Object> {
        @Override
        public Object serialize(Object dataFetcherResult) {
            return dataFetcherResult;
        }

        @Override
        public Object parseValue(Object input) {
            return input;
        }
    }

    private record Wiring(Map<String, DataFetcher<?>> fetchers) implements WiringFactory {
        private static final TypeResolver BY_TYPENAME = env -> {
            Object typename = ((Map<?, ?>) env.getObject()).get("__typename");
            GraphQLObjectType type = env.getSchema().getObjectType(String.valueOf(typename));
            return type;
        };

        @Override
        public boolean providesTypeResolver(InterfaceWiringEnvironment environment) {
            return true;
        }

        @Override
        public TypeResolver getTypeResolver(InterfaceWiringEnvironment environment) {
            return BY_TYPENAME;
        }

        @Override
        public boolean providesTypeResolver(UnionWiringEnvironment environment) {
            return true;
        }

        @Override
        public TypeResolver getTypeResolver(UnionWiringEnvironment environment) {
            return BY_TYPENAME;
        }

        @Override
        public boolean providesScalar(ScalarWiringEnvironment environment) {
            return !ScalarInfo.isGraphqlSpecifiedScalar(environment.getScalarTypeDefinition().getName());
        }

        /** The subgraph's own scalars pass values through as they are. */
        @Override
        public GraphQLScalarType getScalar(ScalarWiringEnvironment environment) {
            return GraphQLScalarType.newScalar().name(environment.getScalarTypeDefinition().getName())
                    .coercing(new PassThrough()).build();
        }

        @Override
        public boolean providesDataFetcher(FieldWiringEnvironment environment) {
            return fetchers.containsKey(environment.getParentType().getName() + "." + environment.getFieldDefinition().getName());
        }

        @Override
        public DataFetcher<?> getDataFetcher(FieldWiringEnvironment environment) {
            return fetchers.get(environment.getParentType().getName() + "." + environment.getFieldDefinition().getName());
        }
    }
}
