package org.plenum.gateway.engine.plan;

import graphql.language.Argument;
import graphql.language.AstPrinter;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A selection set being built for a subgraph fetch: fields by response key, then inline fragments by type. */
public final class FetchSelection {

    /** One field of a subgraph selection; {@code sub} is null for leaves. */
    public static final class FieldSelection {
        private final String responseKey;
        private final String name;
        private final List<Argument> arguments;
        private FetchSelection sub;

        FieldSelection(String responseKey, String name, List<Argument> arguments) {
            this.responseKey = responseKey;
            this.name = name;
            this.arguments = arguments;
        }

        public String responseKey() {
            return responseKey;
        }

        public String name() {
            return name;
        }

        public FetchSelection sub() {
            return sub;
        }

        FetchSelection subOrCreate() {
            if (sub == null) {
                sub = new FetchSelection();
            }
            return sub;
        }
    }

    private final Map<String, FieldSelection> fields = new LinkedHashMap<>();
    private final Map<String, FetchSelection> fragments = new LinkedHashMap<>();

    FieldSelection field(String responseKey, String name, List<Argument> arguments) {
        return fields.computeIfAbsent(responseKey, k -> new FieldSelection(responseKey, name, arguments));
    }

    FetchSelection fragment(String typeCondition) {
        return fragments.computeIfAbsent(typeCondition, t -> new FetchSelection());
    }

    /** Adds everything {@code other} selects. */
    void mergeFrom(FetchSelection other) {
        for (FieldSelection field : other.fields.values()) {
            FieldSelection mine = field(field.responseKey, field.name, field.arguments);
            if (field.sub != null) {
                mine.subOrCreate().mergeFrom(field.sub);
            }
        }
        for (Map.Entry<String, FetchSelection> fragment : other.fragments.entrySet()) {
            fragment(fragment.getKey()).mergeFrom(fragment.getValue());
        }
    }

    public Collection<FieldSelection> fields() {
        return fields.values();
    }

    public Map<String, FetchSelection> fragments() {
        return fragments;
    }

    boolean isEmpty() {
        return fields.isEmpty() && fragments.values().stream().allMatch(FetchSelection::isEmpty);
    }

    /** Appends "{ a b { c } ... on T { d } }"; an empty composite selection gets __typename to stay valid. */
    void print(StringBuilder out) {
        out.append('{');
        for (FieldSelection field : fields.values()) {
            out.append(' ');
            if (!field.responseKey.equals(field.name)) {
                out.append(field.responseKey).append(": ");
            }
            out.append(field.name);
            if (!field.arguments.isEmpty()) {
                out.append('(');
                for (int i = 0; i < field.arguments.size(); i++) {
                    out.append(i == 0 ? "" : ", ").append(AstPrinter.printAstCompact(field.arguments.get(i)));
                }
                out.append(')');
            }
            if (field.sub != null) {
                out.append(' ');
                field.sub.printOrTypename(out);
            }
        }
        for (Map.Entry<String, FetchSelection> fragment : fragments.entrySet()) {
            if (!fragment.getValue().isEmpty()) {
                out.append(" ... on ").append(fragment.getKey()).append(' ');
                fragment.getValue().print(out);
            }
        }
        out.append(" }");
    }

    private void printOrTypename(StringBuilder out) {
        if (isEmpty()) {
            out.append("{ __typename }");
        } else {
            print(out);
        }
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        print(out);
        return out.toString();
    }
}
