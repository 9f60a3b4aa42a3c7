package org.plenum.gateway.engine;

import graphql.language.Document;
import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;
import graphql.language.VariableDefinition;
import org.plenum.gateway.engine.plan.OperationPlan;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A document parsed, checked against the limits and validated once: its operations, fragments and the plans made
 * for it (per operation, per values of the variables that @skip/@include use and more: see {@code Gateway.planKey}).
 */
final class PreparedDocument {

    /** Errors found parsing or validating: the document is rejected whatever the operation. */
    final List<Map<String, Object>> errors;
    final Document document;
    final Map<String, FragmentDefinition> fragments;
    final Map<List<Object>, OperationPlan> plans = new ConcurrentHashMap<>();
    /** per operation: the variables its @skip/@include use */
    final Map<String, Set<String>> conditions = new ConcurrentHashMap<>();
    /** per operation: the variables that can carry enum values some subgraphs lack */
    final Map<String, List<VariableDefinition>> enumVariables = new ConcurrentHashMap<>();
    /** per operation: the progressive @override labels its plans depend on */
    final Map<String, Set<String>> overrideLabels = new ConcurrentHashMap<>();

    PreparedDocument(Document document, Map<String, FragmentDefinition> fragments) {
        this.errors = null;
        this.document = document;
        this.fragments = fragments;
    }

    PreparedDocument(List<Map<String, Object>> errors) {
        this.errors = errors;
        this.document = null;
        this.fragments = Map.of();
    }

    List<OperationDefinition> operations() {
        return document.getDefinitionsOfType(OperationDefinition.class);
    }
}
