package org.plenum.deploy;

import java.util.List;
import java.util.Map;

/** Kubernetes label selector semantics: matchLabels and matchExpressions, all of which must hold. */
final class LabelSelector {

    private LabelSelector() {
    }

    /** A metav1.LabelSelector (matchLabels / matchExpressions); an empty one selects everything. */
    static boolean matches(Map<String, Object> selector, Map<String, String> labels) {
        return equalityMatches(Tree.stringMap(selector.get("matchLabels")), labels)
                && Tree.maps(selector.get("matchExpressions")).stream()
                        .allMatch(expression -> expressionMatches(expression, labels));
    }

    /** A plain map selector, as a Service has; an empty one selects nothing (no endpoints are managed). */
    static boolean serviceSelects(Map<String, String> selector, Map<String, String> labels) {
        return !selector.isEmpty() && equalityMatches(selector, labels);
    }

    private static boolean equalityMatches(Map<String, String> required, Map<String, String> labels) {
        return required.entrySet().stream().allMatch(entry -> entry.getValue().equals(labels.get(entry.getKey())));
    }

    private static boolean expressionMatches(Map<String, Object> expression, Map<String, String> labels) {
        String key = (String) expression.get("key");
        List<?> values = expression.get("values") instanceof List<?> list ? list : List.of();
        return switch ((String) expression.get("operator")) {
            case "In" -> labels.containsKey(key) && values.contains(labels.get(key));
            case "NotIn" -> !labels.containsKey(key) || !values.contains(labels.get(key));
            case "Exists" -> labels.containsKey(key);
            case "DoesNotExist" -> !labels.containsKey(key);
            default -> throw new IllegalArgumentException("Unknown selector operator in " + expression);
        };
    }
}
