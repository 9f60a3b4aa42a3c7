package org.plenum.gateway.engine.supergraph;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.language.SelectionSet;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;

/** Parses the join__FieldSet strings of keys, requires and provides into selection sets, once per schema. */
public final class FieldSets {

    private FieldSets() {
    }

    public static SelectionSet parse(String fieldSet, String where) {
        try {
            Document document = Parser.parse("{" + fieldSet + "}");
            return document.getFirstDefinitionOfType(OperationDefinition.class).orElseThrow().getSelectionSet();
        } catch (InvalidSyntaxException e) {
            throw new SupergraphException(
                    "Invalid field set \"" + fieldSet + "\" on " + where + ": " + e.getMessage(), e);
        }
    }
}
