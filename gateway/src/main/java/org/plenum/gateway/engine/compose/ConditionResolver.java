package org.plenum.gateway.engine.compose;

import graphql.language.Field;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether the fields of a condition ({@code @key} fields to jump with, {@code @requires} fields) can be had from
 * where a subgraph fetch stands: each field where it stands or through further jumps, never to the excluded
 * subgraphs (the jump's own destination). Answers are remembered; a condition met again while it is being answered
 * is taken as unsatisfiable.
 */
final class ConditionResolver {

    /** The condition of telling an @interfaceObject's implementation: its {@code __typename}. */
    static final SelectionSet TYPENAME = SelectionSet.newSelectionSet()
            .selection(Field.newField("__typename").build()).build();

    private record Question(SubgraphPosition from, SelectionSet condition, Set<String> excluded) {
    }

    private final JoinedSubgraphs subgraphs;
    private final SubgraphMoves moves;
    private final Map<Question, Boolean> answers = new HashMap<>();
    private final Set<Question> inProgress = new HashSet<>();

    ConditionResolver(JoinedSubgraphs subgraphs, SubgraphMoves moves) {
        this.subgraphs = subgraphs;
        this.moves = moves;
    }

    boolean satisfiable(List<SubgraphPosition> from, SelectionSet condition, Set<String> excluded) {
        if (from.size() != 1) {
            return collect(from, condition, excluded);
        }
        Question question = new Question(from.get(0), condition, excluded);
        Boolean known = answers.get(question);
        if (known != null) {
            return known;
        }
        if (!inProgress.add(question)) {
            return false;
        }
        boolean answer = collect(from, condition, excluded);
        inProgress.remove(question);
        answers.put(question, answer);
        return answer;
    }

    private boolean collect(List<SubgraphPosition> from, SelectionSet condition, Set<String> excluded) {
        for (Selection<?> selection : condition.getSelections()) {
            if (selection instanceof Field field) {
                List<SubgraphPosition> reached = collectField(from, field.getName(), excluded);
                if (reached.isEmpty()) {
                    return false;
                }
                if (field.getSelectionSet() != null && !satisfiable(reached, field.getSelectionSet(), excluded)) {
                    return false;
                }
            } else if (selection instanceof InlineFragment fragment) {
                List<SubgraphPosition> cast = fragment.getTypeCondition() == null ? from
                        : castAll(from, fragment.getTypeCondition().getName());
                if (!cast.isEmpty() && !satisfiable(cast, fragment.getSelectionSet(), excluded)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Where the field can be had from any of the positions: where they stand, or after jumps. */
    private List<SubgraphPosition> collectField(List<SubgraphPosition> from, String fieldName, Set<String> excluded) {
        Set<SubgraphPosition> reached = new LinkedHashSet<>();
        for (SubgraphPosition position : from) {
            List<SubgraphPosition> direct = fieldHere(position, fieldName, excluded);
            reached.addAll(direct);
            if (direct.isEmpty() || fieldIsComposite(position, fieldName)) {
                for (SubgraphPosition jumped : moves.jumps(position, excluded).positions()) {
                    reached.addAll(fieldHere(jumped, fieldName, excluded));
                }
            }
        }
        return new ArrayList<>(reached);
    }

    private List<SubgraphPosition> fieldHere(SubgraphPosition position, String fieldName, Set<String> excluded) {
        if (fieldName.equals("__typename")) {
            return subgraphs.isInterfaceObject(position.graph(), position.type()) ? List.of() : List.of(position);
        }
        return moves.field(position, position.type(), fieldName, excluded, true).positions();
    }

    private boolean fieldIsComposite(SubgraphPosition position, String fieldName) {
        var type = subgraphs.type(position.type());
        var field = type == null ? null : type.field(fieldName);
        return field != null && subgraphs.type(field.namedType()) != null;
    }

    /** Type conditions in conditions: the positions that can take them (the others cannot hold such an object). */
    private List<SubgraphPosition> castAll(List<SubgraphPosition> from, String castType) {
        List<SubgraphPosition> cast = new ArrayList<>();
        for (SubgraphPosition position : from) {
            cast.addAll(moves.cast(position, castType).positions());
        }
        return cast;
    }
}
