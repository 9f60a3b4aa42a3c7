package org.plenum.gateway.engine.plan;

import graphql.language.Argument;
import graphql.language.AstPrinter;

import java.util.ArrayList;
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
        /** the field's type in the subgraph, to detect sibling fragments selecting differently typed fields */
        private String subgraphType;
        /** the key sent to the subgraph when it differs from the merge key (conflicting sibling fields) */
        private String sentKey;

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

        /** The key the field is sent under when it differs from {@link #responseKey()}, else null. */
        public String sentKey() {
            return sentKey;
        }

        public void subgraphType(String type) {
            if (subgraphType == null) {
                subgraphType = type;
            }
        }

        public FetchSelection subOrCreate() {
            if (sub == null) {
                sub = new FetchSelection();
            }
            return sub;
        }
    }

    private final Map<String, FieldSelection> fields = new LinkedHashMap<>();
    private final Map<String, FetchSelection> fragments = new LinkedHashMap<>();

    public FieldSelection field(String responseKey, String name, List<Argument> arguments) {
        return fields.computeIfAbsent(responseKey, k -> new FieldSelection(responseKey, name, arguments));
    }

    public FetchSelection fragment(String typeCondition) {
        return fragments.computeIfAbsent(typeCondition, t -> new FetchSelection());
    }

    /** Adds everything {@code other} selects. */
    public void mergeFrom(FetchSelection other) {
        for (FieldSelection field : other.fields.values()) {
            FieldSelection mine = field(field.responseKey, field.name, field.arguments);
            mine.subgraphType(field.subgraphType);
            if (field.sub != null) {
                mine.subOrCreate().mergeFrom(field.sub);
            }
        }
        for (Map.Entry<String, FetchSelection> fragment : other.fragments.entrySet()) {
            fragment(fragment.getKey()).mergeFrom(fragment.getValue());
        }
    }

    /**
     * Subgraphs reject sibling fields under one response key with different types (e.g. ID and ID! in two
     * type fragments): such fields get their own key in the request.
     *
     * @return whether any field got one
     */
    public boolean separateConflictingFields() {
        return separate(List.of(this), new int[]{0});
    }

    private static boolean separate(List<FetchSelection> sameObject, int[] counter) {
        Map<String, List<FieldSelection>> byKey = new LinkedHashMap<>();
        for (FetchSelection selection : sameObject) {
            selection.collectFields(byKey);
        }
        boolean renamed = false;
        for (List<FieldSelection> fields : byKey.values()) {
            String firstType = fields.get(0).subgraphType;
            List<FetchSelection> subs = new ArrayList<>();
            for (FieldSelection field : fields) {
                if (field.subgraphType != null && firstType != null && !field.subgraphType.equals(firstType)) {
                    field.sentKey = field.responseKey + "__" + counter[0]++;
                    renamed = true;
                    if (field.sub != null) {
                        renamed |= separate(List.of(field.sub), counter);
                    }
                } else if (field.sub != null) {
                    subs.add(field.sub);
                }
            }
            if (!subs.isEmpty()) {
                renamed |= separate(subs, counter);
            }
        }
        return renamed;
    }

    private void collectFields(Map<String, List<FieldSelection>> byKey) {
        for (FieldSelection field : fields.values()) {
            byKey.computeIfAbsent(field.responseKey, k -> new ArrayList<>()).add(field);
        }
        fragments.values().forEach(fragment -> fragment.collectFields(byKey));
    }

    public Collection<FieldSelection> fields() {
        return fields.values();
    }

    public Map<String, FetchSelection> fragments() {
        return fragments;
    }

    public boolean isEmpty() {
        return fields.isEmpty() && fragments.values().stream().allMatch(FetchSelection::isEmpty);
    }

    /** Appends "{ a b { c } ... on T { d } }"; an empty composite selection gets __typename to stay valid. */
    public void print(StringBuilder out) {
        out.append('{');
        for (FieldSelection field : fields.values()) {
            out.append(' ');
            String key = field.sentKey != null ? field.sentKey : field.responseKey;
            if (!key.equals(field.name)) {
                out.append(key).append(": ");
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
