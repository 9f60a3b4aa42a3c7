package org.plenum.gateway.shell;

import graphql.ExecutionInput;
import graphql.GraphQL;
import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.ArrayValue;
import graphql.language.BooleanValue;
import graphql.language.EnumValue;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.NullValue;
import graphql.language.ObjectValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLScalarType;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeRuntimeWiring;
import io.vertx.core.MultiMap;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A real, small Federation 2 subgraph executed by graphql-java: it answers {@code _service { sdl }} with its SDL
 * and {@code _entities} through a lookup, so the gateway under test talks to it exactly as to a production subgraph.
 */
final class TestSubgraph {

    static final String HEADERS = "headers";
    private static final Pattern ENTITY = Pattern.compile("type (\\w+) @key");

    private final String sdl;
    private final GraphQL graphQL;

    /**
     * @param rootFields data fetchers of Query and Mutation fields, keyed "Query.books"
     * @param entities   representation -> entity (a map with {@code __typename}) or null when unknown
     */
    TestSubgraph(String sdlResource, Map<String, DataFetcher<?>> rootFields,
                 Function<Map<String, Object>, Map<String, Object>> entities) {
        this.sdl = read(sdlResource);
        List<String> entityTypes = ENTITY.matcher(sdl).results().map(match -> match.group(1)).toList();
        String queryKeyword = sdl.contains("type Query") ? "extend type Query" : "type Query";
        String executable = sdl.replaceFirst("extend schema @link[^\n]*\n", "") + """
                scalar _Any
                type _Service { sdl: String! }
                directive @key(fields: String!, resolvable: Boolean = true) repeatable on OBJECT | INTERFACE
                union _Entity = %s
                %s { _service: _Service! _entities(representations: [_Any!]!): [_Entity]! }
                """.formatted(String.join(" | ", entityTypes), queryKeyword);

        RuntimeWiring.Builder wiring = RuntimeWiring.newRuntimeWiring()
                .scalar(GraphQLScalarType.newScalar().name("_Any").coercing(new AnyCoercing()).build())
                .type(TypeRuntimeWiring.newTypeWiring("_Entity").typeResolver(env ->
                        env.getSchema().getObjectType((String) ((Map<?, ?>) env.getObject()).get("__typename"))));
        Map<String, DataFetcher<?>> fetchers = new HashMap<>(rootFields);
        fetchers.put("Query._service", env -> Map.of("sdl", sdl));
        fetchers.put("Query._entities", env -> {
            List<Map<String, Object>> representations = env.getArgument("representations");
            return representations.stream().map(entities).toList();
        });
        fetchers.forEach((coordinate, fetcher) -> {
            String[] parts = coordinate.split("\\.");
            wiring.type(TypeRuntimeWiring.newTypeWiring(parts[0]).dataFetcher(parts[1], fetcher));
        });
        this.graphQL = GraphQL.newGraphQL(new SchemaGenerator().makeExecutableSchema(
                new SchemaParser().parse(executable), wiring.build())).build();
    }

    Map<String, Object> execute(Map<String, Object> request, MultiMap headers) {
        @SuppressWarnings("unchecked")
        Map<String, Object> variables = (Map<String, Object>) request.getOrDefault("variables", Map.of());
        ExecutionInput input = ExecutionInput.newExecutionInput()
                .query((String) request.get("query"))
                .operationName((String) request.get("operationName"))
                .variables(variables == null ? Map.of() : variables)
                .graphQLContext(Map.of(HEADERS, headers))
                .build();
        return graphQL.execute(input).toSpecification();
    }

    static String read(String resource) {
        try (InputStream in = TestSubgraph.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code _Any}: representations pass through as plain maps, whether sent as variables or inline. */
    private static final class AnyCoercing implements Coercing<Object, Object> {

        @Override
        public Object serialize(Object result, GraphQLContext context, Locale locale) {
            return result;
        }

        @Override
        public Object parseValue(Object input, GraphQLContext context, Locale locale) {
            return input;
        }

        @Override
        public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
            return literal(input, variables);
        }

        private static Object literal(Value<?> value, CoercedVariables variables) {
            if (value instanceof ObjectValue object) {
                Map<String, Object> map = new LinkedHashMap<>();
                object.getObjectFields().forEach(field -> map.put(field.getName(), literal(field.getValue(), variables)));
                return map;
            }
            if (value instanceof ArrayValue array) {
                return array.getValues().stream().map(item -> literal(item, variables)).toList();
            }
            if (value instanceof StringValue string) {
                return string.getValue();
            }
            if (value instanceof IntValue integer) {
                return integer.getValue().intValue();
            }
            if (value instanceof FloatValue decimal) {
                return decimal.getValue().doubleValue();
            }
            if (value instanceof BooleanValue bool) {
                return bool.isValue();
            }
            if (value instanceof EnumValue enumValue) {
                return enumValue.getName();
            }
            if (value instanceof VariableReference reference) {
                return variables.get(reference.getName());
            }
            if (value instanceof NullValue) {
                return null;
            }
            throw new CoercingParseLiteralException("Unsupported _Any literal " + value);
        }
    }

}
