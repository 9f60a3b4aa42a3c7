package org.plenum.gateway.engine.cost;

import graphql.GraphQLContext;
import graphql.execution.RawVariables;
import graphql.execution.ValuesResolver;
import graphql.language.Document;
import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import graphql.validation.ValidationError;
import graphql.ParseAndValidate;
import org.plenum.gateway.engine.supergraph.Supergraph;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Demand control over the {@code demand-control} supergraph fixture (composed by @apollo/composition). */
final class CostFixture {

    static final Supergraph SUPERGRAPH = Supergraph.parse(resource("/supergraphs/demand-control/supergraph.graphql"));

    /** A parsed, validated operation with its fragments and coerced variables. */
    record Operation(OperationDefinition definition, Map<String, FragmentDefinition> fragments, Map<String, Object> variables) {
    }

    private CostFixture() {
    }

    static DemandControl demandControl(DemandControlOptions.Mode mode, long maxCost, int listSize) {
        return new DemandControl(SUPERGRAPH, new DemandControlOptions(mode, maxCost, listSize));
    }

    static Operation operation(String query, Map<String, Object> variables) {
        List<ValidationError> errors = ParseAndValidate.validate(SUPERGRAPH.apiSchema(), Parser.parse(query), Locale.ENGLISH);
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("Invalid test operation: " + errors);
        }
        return unvalidated(query, variables);
    }

    /** For documents whose validation alone would take long (graphql-java's rules expand fragments). */
    static Operation unvalidated(String query, Map<String, Object> variables) {
        Document document = Parser.parse(query);
        Map<String, FragmentDefinition> fragments = new LinkedHashMap<>();
        document.getDefinitionsOfType(FragmentDefinition.class).forEach(fragment -> fragments.put(fragment.getName(), fragment));
        OperationDefinition definition = document.getDefinitionsOfType(OperationDefinition.class).get(0);
        Map<String, Object> coerced = ValuesResolver.coerceVariableValues(SUPERGRAPH.apiSchema(), definition.getVariableDefinitions(),
                RawVariables.of(variables), GraphQLContext.getDefault(), Locale.ENGLISH).toMap();
        return new Operation(definition, fragments, coerced);
    }

    static String resource(String path) {
        try (InputStream in = CostFixture.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
