package org.plenum.gateway.api;

import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;

import java.util.List;

/** Finds an operation's type before execution: GET may only run queries, so a mutation must be refused unexecuted. */
final class OperationTypes {

    private OperationTypes() {
    }

    /** @return true when the document's selected operation is a mutation (syntax errors are left to the engine) */
    static boolean isMutation(String query, String operationName) {
        List<OperationDefinition> operations;
        try {
            operations = Parser.parse(query).getDefinitionsOfType(OperationDefinition.class);
        } catch (InvalidSyntaxException e) {
            return false;
        }
        return operations.stream()
                .filter(operation -> operationName == null ? operations.size() == 1 : operationName.equals(operation.getName()))
                .anyMatch(operation -> operation.getOperation() == OperationDefinition.Operation.MUTATION);
    }
}
