package org.plenum.gateway.engine.cost;

import graphql.GraphQLContext;
import graphql.ParseAndValidate;
import graphql.execution.RawVariables;
import graphql.execution.ValuesResolver;
import graphql.language.Document;
import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import graphql.validation.ValidationError;
import org.plenum.gateway.engine.supergraph.Supergraph;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Demand control over a supergraph fixture composed by @apollo/composition (a test resource). */
record CostFixture(Supergraph supergraph) {

    /** A parsed operation with its fragments and coerced variables. */
    record Operation(OperationDefinition definition, Map<String, FragmentDefinition> fragments, Map<String, Object> variables) {
    }

    /** The supergraph of {@code supergraphs/<scenario>}. */
    static CostFixture of(String scenario) {
        return at("/supergraphs/" + scenario + "/supergraph.graphql");
    }

    static CostFixture at(String supergraphResource) {
        return new CostFixture(Supergraph.parse(resource(supergraphResource)));
    }

    DemandControl demandControl(DemandControlOptions options) {
        return new DemandControl(supergraph, options);
    }

    /** The estimate of a validated operation. */
    double estimate(DemandControl demandControl, String query, Map<String, Object> variables) {
        Operation operation = operation(query, variables);
        return demandControl.estimate(operation.definition(), operation.fragments(), operation.variables()).estimated();
    }

    Operation operation(String query, Map<String, Object> variables) {
        List<ValidationError> errors = ParseAndValidate.validate(supergraph.apiSchema(), Parser.parse(query), Locale.ENGLISH);
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("Invalid test operation: " + errors);
        }
        return unvalidated(query, variables);
    }

    /** For documents whose validation alone would take long (graphql-java's rules expand fragments). */
    Operation unvalidated(String query, Map<String, Object> variables) {
        Document document = Parser.parse(query);
        Map<String, FragmentDefinition> fragments = new LinkedHashMap<>();
        document.getDefinitionsOfType(FragmentDefinition.class).forEach(fragment -> fragments.put(fragment.getName(), fragment));
        OperationDefinition definition = document.getDefinitionsOfType(OperationDefinition.class).get(0);
        Map<String, Object> coerced = ValuesResolver.coerceVariableValues(supergraph.apiSchema(), definition.getVariableDefinitions(),
                RawVariables.of(variables), GraphQLContext.getDefault(), Locale.ENGLISH).toMap();
        return new Operation(definition, fragments, coerced);
    }

    private static String resource(String path) {
        try (InputStream in = CostFixture.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
