package org.plenum.subgraph.protection;

import com.apollographql.federation.graphqljava.tracing.FederatedTracingInstrumentation;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.validation.ValidationError;
import io.smallrye.graphql.execution.QueryCache;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

/** What the limits put in place of SmallRye's instrumentation chain, on an engine set up as SmallRye sets it up. */
class LimitsEventingServiceTest {

    private static final GraphQLSchema SCHEMA = new SchemaGenerator().makeExecutableSchema(
            new SchemaParser().parse("type Query { id: ID }"),
            RuntimeWiring.newRuntimeWiring().type("Query", type -> type.dataFetcher("id", environment -> "1")).build());

    /** Counts the validations graphql-java runs (it skips them for documents the cache already validated). */
    private static final class Validations extends SimplePerformantInstrumentation {
        final AtomicInteger count = new AtomicInteger();

        @Override
        public InstrumentationContext<List<ValidationError>> beginValidation(InstrumentationValidationParameters parameters,
                InstrumentationState state) {
            count.incrementAndGet();
            return null;
        }
    }

    @Test
    void theLimitsReplaceTheChainWithoutFederatedTracing() {
        Instrumentation engines = limitedEngine(new QueryCache(), new FederatedTracingInstrumentation())
                .getInstrumentation();
        assertInstanceOf(RequestLimitsInstrumentation.class, engines);
    }

    @Test
    void otherInstrumentationsStayAfterTheLimits() {
        Validations other = new Validations();
        Instrumentation engines = limitedEngine(new QueryCache(), new FederatedTracingInstrumentation(), other)
                .getInstrumentation();
        List<Instrumentation> chain = assertInstanceOf(ChainedInstrumentation.class, engines).getInstrumentations();
        assertEquals(2, chain.size());
        assertInstanceOf(RequestLimitsInstrumentation.class, chain.get(0));
        assertSame(other, chain.get(1));
    }

    @Test
    void aValidatedDocumentIsServedFromTheCacheWithoutValidatingItAgain() {
        Validations validations = new Validations();
        GraphQL engine = limitedEngine(new QueryCache(), new FederatedTracingInstrumentation(), validations);
        assertEquals(List.of(), engine.execute("{ id }").getErrors());
        // SmallRye's cache validates a document a second time as it stores it
        int validatedBeforeStored = validations.count.get();
        for (int i = 0; i < 3; i++) {
            assertEquals(List.of(), engine.execute("{ id }").getErrors());
        }
        assertEquals(validatedBeforeStored, validations.count.get());
    }

    /** An engine built as SmallRye builds it (its chain, its cache also the document provider), then given the limits. */
    private static GraphQL limitedEngine(QueryCache cache, Instrumentation... others) {
        List<Instrumentation> smallRyes = new ArrayList<>(List.of(cache));
        smallRyes.addAll(List.of(others));
        GraphQL.Builder builder = GraphQL.newGraphQL(SCHEMA)
                .instrumentation(new ChainedInstrumentation(smallRyes))
                .preparsedDocumentProvider(cache);
        return new LimitsEventingService().beforeGraphQLBuild(builder).build();
    }
}
