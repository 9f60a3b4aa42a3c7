package org.plenum.gateway.engine.supergraph;

import graphql.language.ArrayValue;
import graphql.language.BooleanValue;
import graphql.language.Definition;
import graphql.language.Directive;
import graphql.language.DirectivesContainer;
import graphql.language.Document;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.IntValue;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.NamedNode;
import graphql.language.ObjectTypeDefinition;
import graphql.language.StringValue;
import graphql.language.Value;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The demand-control directives of the cost spec (https://specs.apollo.dev/cost/v0.1) as the supergraph applies
 * them: {@code @cost(weight:)} on types, fields, arguments and input fields, {@code @listSize} on fields.
 */
public final class CostDirectives {

    /** {@code @listSize} of one field; absent arguments are null (requireOneSlicingArgument defaults to true). */
    public record ListSize(Integer assumedSize, List<String> slicingArguments, Set<String> sizedFields,
                           boolean requireOneSlicingArgument) {
    }

    static final CostDirectives NONE = new CostDirectives();

    /** type name, "Type.field", "Type.field(argument:)" or "Input.field" -> weight */
    private final Map<String, Integer> weights = new HashMap<>();
    /** "Type.field" -> its @listSize */
    private final Map<String, ListSize> listSizes = new HashMap<>();

    private CostDirectives() {
    }

    static CostDirectives read(Document supergraph, LinkedSpecs specs) {
        if (!specs.has("cost")) {
            return NONE;
        }
        CostDirectives directives = new CostDirectives();
        String cost = specs.directiveName("cost", "cost");
        String listSize = specs.directiveName("cost", "listSize");
        for (Definition<?> definition : supergraph.getDefinitions()) {
            if (definition instanceof DirectivesContainer<?> type && definition instanceof NamedNode<?> named) {
                directives.weigh(named.getName(), type, cost);
            }
            List<FieldDefinition> fields = definition instanceof ObjectTypeDefinition object ? object.getFieldDefinitions()
                    : definition instanceof InterfaceTypeDefinition itf ? itf.getFieldDefinitions() : List.of();
            String typeName = definition instanceof NamedNode<?> named ? named.getName() : null;
            for (FieldDefinition field : fields) {
                String key = typeName + "." + field.getName();
                directives.weigh(key, field, cost);
                field.getInputValueDefinitions().forEach(arg -> directives.weigh(key + "(" + arg.getName() + ":)", arg, cost));
                field.getDirectives(listSize).stream().findFirst()
                        .ifPresent(directive -> directives.listSizes.put(key, listSize(directive)));
            }
            if (definition instanceof InputObjectTypeDefinition input) {
                input.getInputValueDefinitions().forEach(field -> directives.weigh(typeName + "." + field.getName(), field, cost));
            }
        }
        return directives;
    }

    private void weigh(String key, DirectivesContainer<?> element, String cost) {
        element.getDirectives(cost).stream().findFirst()
                .map(directive -> directive.getArgument("weight"))
                .filter(argument -> argument.getValue() instanceof IntValue)
                .ifPresent(argument -> weights.put(key, ((IntValue) argument.getValue()).getValue().intValue()));
    }

    private static ListSize listSize(Directive directive) {
        Value<?> assumed = value(directive, "assumedSize");
        Value<?> require = value(directive, "requireOneSlicingArgument");
        List<String> slicing = strings(value(directive, "slicingArguments"));
        List<String> sized = strings(value(directive, "sizedFields"));
        return new ListSize(assumed instanceof IntValue size ? size.getValue().intValue() : null,
                slicing, sized == null ? null : Set.copyOf(sized), !(require instanceof BooleanValue b) || b.isValue());
    }

    private static Value<?> value(Directive directive, String argument) {
        return directive.getArgument(argument) == null ? null : directive.getArgument(argument).getValue();
    }

    private static List<String> strings(Value<?> value) {
        if (value instanceof StringValue single) {
            return List.of(single.getValue());
        }
        return value instanceof ArrayValue array ? array.getValues().stream()
                .filter(StringValue.class::isInstance).map(v -> ((StringValue) v).getValue()).toList() : null;
    }

    /** The @cost weight of an object, enum or scalar type, or null. */
    public Integer typeWeight(String type) {
        return weights.get(type);
    }

    /** The @cost weight of a field of an object or interface, or of an input object's field; or null. */
    public Integer fieldWeight(String type, String field) {
        return weights.get(type + "." + field);
    }

    /** The @cost weight of a field's argument, or null. */
    public Integer argumentWeight(String type, String field, String argument) {
        return weights.get(type + "." + field + "(" + argument + ":)");
    }

    /** The field's @listSize, or null. */
    public ListSize listSize(String type, String field) {
        return listSizes.get(type + "." + field);
    }

    /** Whether any @cost or @listSize is applied. */
    public boolean isEmpty() {
        return weights.isEmpty() && listSizes.isEmpty();
    }
}
