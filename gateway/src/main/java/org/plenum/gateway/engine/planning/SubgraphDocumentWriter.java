package org.plenum.gateway.engine.planning;

import graphql.language.AstPrinter;
import graphql.language.NonNullType;
import graphql.language.OperationDefinition;
import graphql.language.Type;
import graphql.language.VariableDefinition;
import org.plenum.gateway.engine.plan.FetchNode;
import org.plenum.gateway.engine.plan.FetchSelection;
import org.plenum.gateway.engine.plan.PathSegment;
import org.plenum.gateway.engine.plan.ResponseKeys;
import org.plenum.gateway.engine.supergraph.SubgraphInfo;
import org.plenum.gateway.engine.supergraph.Supergraph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Writes the subgraph request of a batch of fetch groups: one document, its variables and representations. */
final class SubgraphDocumentWriter {

    private final Supergraph supergraph;
    private final OperationDefinition operation;
    private final boolean mutation;

    SubgraphDocumentWriter(Supergraph supergraph, OperationDefinition operation) {
        this.supergraph = supergraph;
        this.operation = operation;
        this.mutation = operation.getOperation() == OperationDefinition.Operation.MUTATION;
    }

    FetchNode fetchNode(List<FetchGroup> batch) {
        FetchGroup group = batch.get(0);
        FetchSelection selection = group.selection;
        Set<String> usedVariables = new LinkedHashSet<>(group.variables);
        List<List<PathSegment>> mergeAt = new ArrayList<>();
        Map<String, FetchNode.Representation> representations = group.entity ? new LinkedHashMap<>() : null;
        for (FetchGroup member : batch) {
            if (member != group) {
                selection = merged(selection, member.selection);
                usedVariables.addAll(member.variables);
            }
            if (!mergeAt.contains(member.mergeAt)) {
                mergeAt.add(member.mergeAt);
            }
            if (group.entity) {
                member.representations.forEach((type, builder) -> representations.merge(type,
                        new FetchNode.Representation(builder.typename, builder.key, builder.required),
                        (a, b) -> new FetchNode.Representation(a.typename(), merged(a.key(), b.key()), merged(a.required(), b.required()))));
            }
        }
        boolean renamed = selection.separateConflictingFields();
        boolean mutationFetch = mutation && !group.entity;
        StringBuilder document = new StringBuilder(mutationFetch ? "mutation" : "query");
        List<String> variableNames = new ArrayList<>();
        List<String> definitions = new ArrayList<>();
        if (group.entity) {
            definitions.add("$representations: [_Any!]!");
        }
        for (VariableDefinition variable : operation.getVariableDefinitions()) {
            if (usedVariables.contains(variable.getName())) {
                variableNames.add(variable.getName());
                definitions.add(AstPrinter.printAstCompact(definitionFor(group.graph, variable)));
            }
        }
        List<FetchNode.ContextValue> contextValues = new ArrayList<>();
        batch.forEach(member -> contextValues.addAll(member.contextValues));
        for (FetchNode.ContextValue context : contextValues) {
            definitions.add("$" + context.variable() + ": " + context.type());
        }
        if (!definitions.isEmpty()) {
            document.append('(').append(String.join(", ", definitions)).append(')');
        }
        document.append(' ');
        if (group.entity) {
            document.append("{ _entities(representations: $representations) ");
            selection.print(document);
            document.append(" }");
        } else {
            selection.print(document);
        }
        SubgraphInfo subgraph = supergraph.subgraph(group.graph);
        return new FetchNode(group.id, group.graph, subgraph.name(), subgraph.url(), mergeAt, mutationFetch,
                document.toString(), variableNames, representations, renamed ? selection : null,
                group.entity ? List.of() : selection.fields().stream()
                        .map(field -> (String) ResponseKeys.clientSegment(field.responseKey())).toList(),
                List.copyOf(contextValues));
    }

    /**
     * A default with an enum value the subgraph lacks would fail its validation: it is left out, which is safe since the
     * plan sends the variable there only when the request gave another value; non-null then, so that it stays valid
     * where the default made a nullable variable acceptable for a non-null argument.
     */
    private VariableDefinition definitionFor(String graph, VariableDefinition variable) {
        if (variable.getDefaultValue() == null
                || EnumInputs.literalAcceptedBy(supergraph, graph, variable.getType(), variable.getDefaultValue())) {
            return variable;
        }
        Type<?> given = variable.getType() instanceof NonNullType ? variable.getType() : new NonNullType(variable.getType());
        return variable.transform(builder -> builder.defaultValue(null).type(given));
    }

    private static FetchSelection merged(FetchSelection a, FetchSelection b) {
        FetchSelection merged = new FetchSelection();
        merged.mergeFrom(a);
        merged.mergeFrom(b);
        return merged;
    }
}
