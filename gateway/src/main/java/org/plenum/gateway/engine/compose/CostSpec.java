package org.plenum.gateway.engine.compose;

import graphql.language.ArrayValue;
import graphql.language.BooleanValue;
import graphql.language.Directive;
import graphql.language.IntValue;
import graphql.language.StringValue;
import graphql.language.Value;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The demand-control directives subgraphs import from federation v2.9 ({@code @cost}, {@code @listSize}) and
 * composition carries into the supergraph under the cost spec (https://specs.apollo.dev/cost/v0.1), by their
 * spec names.
 */
final class CostSpec {

    static final String COST = "cost";
    static final String LIST_SIZE = "listSize";
    private static final String COST_DEFINITION = "directive @cost(weight: Int!) on ARGUMENT_DEFINITION | ENUM | FIELD_DEFINITION"
            + " | INPUT_FIELD_DEFINITION | OBJECT | SCALAR";
    private static final String LIST_SIZE_ARGUMENTS = "(assumedSize: Int, slicingArguments: [String!], sizedFields: [String!],"
            + " requireOneSlicingArgument: Boolean = true) on FIELD_DEFINITION";

    private CostSpec() {
    }

    static boolean isCostDirective(String canonical) {
        return COST.equals(canonical) || LIST_SIZE.equals(canonical);
    }

    /** The schema's {@code @link} to the cost spec, importing {@code @listSize} when it is applied. */
    static String link(boolean listSizeApplied) {
        return "@link(url: \"https://specs.apollo.dev/cost/v0.1\"" + (listSizeApplied ? ", import: [\"@listSize\"])" : ")");
    }

    /** The spec's directive definitions by name; {@code @listSize} keeps its prefixed name when not imported. */
    static Map<String, String> definitions(boolean listSizeApplied) {
        String listSize = listSizeApplied ? LIST_SIZE : "cost__listSize";
        return Map.of(COST, COST_DEFINITION, listSize, "directive @" + listSize + LIST_SIZE_ARGUMENTS);
    }

    /**
     * Several subgraphs' applications on one element, merged as composition merges them: the highest weight; for
     * {@code @listSize} the largest assumedSize, the slicing arguments and sized fields of all, and
     * requireOneSlicingArgument only when all require it. One application stays as written.
     */
    static String merge(String name, List<AppliedDirectives.Applied> applications) {
        if (applications.size() == 1) {
            return applications.get(0).text();
        }
        List<Directive> directives = applications.stream().map(AppliedDirectives.Applied::directive).toList();
        if (name.equals(COST)) {
            int weight = directives.stream().mapToInt(d -> intValue(d, "weight") == null ? 0 : intValue(d, "weight")).max().orElse(0);
            return Directives.apply(COST, "weight", weight);
        }
        Integer assumed = directives.stream().map(d -> intValue(d, "assumedSize")).filter(Objects::nonNull)
                .max(Integer::compare).orElse(null);
        boolean requireOne = directives.stream().allMatch(d -> !(value(d, "requireOneSlicingArgument") instanceof BooleanValue b) || b.isValue());
        return Directives.apply(LIST_SIZE, "assumedSize", assumed, "slicingArguments", union(directives, "slicingArguments"),
                "sizedFields", union(directives, "sizedFields"), "requireOneSlicingArgument", requireOne);
    }

    /** The values all applications list, null when none gives the argument. */
    private static List<String> union(List<Directive> directives, String argument) {
        Set<String> all = new LinkedHashSet<>();
        boolean given = false;
        for (Directive directive : directives) {
            Value<?> value = value(directive, argument);
            given |= value != null;
            if (value instanceof ArrayValue array) {
                array.getValues().stream().filter(StringValue.class::isInstance).forEach(v -> all.add(((StringValue) v).getValue()));
            } else if (value instanceof StringValue single) {
                all.add(single.getValue());
            }
        }
        return given ? List.copyOf(all) : null;
    }

    private static Integer intValue(Directive directive, String argument) {
        return value(directive, argument) instanceof IntValue i ? i.getValue().intValue() : null;
    }

    private static Value<?> value(Directive directive, String argument) {
        return directive.getArgument(argument) == null ? null : directive.getArgument(argument).getValue();
    }
}
