package org.plenum.gateway.engine.supergraph;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The labels of the supergraph's progressive {@code @override}s: "percent(x)" ones, active for x% of requests, and
 * the others, active when the gateway is told so.
 */
public final class OverrideLabels {

    private static final Pattern PERCENT = Pattern.compile("percent\\((\\d+(?:\\.\\d+)?)\\)");

    private final Map<String, Double> percentages = new TreeMap<>();
    private final Set<String> others = new TreeSet<>();

    void add(String label) {
        Matcher percent = PERCENT.matcher(label);
        if (percent.matches()) {
            percentages.put(label, Double.parseDouble(percent.group(1)));
        } else {
            others.add(label);
        }
    }

    /** "percent(x)" labels -> x, the share of requests (0 to 100) for which each is active. */
    public Map<String, Double> percentages() {
        return Collections.unmodifiableMap(percentages);
    }

    /** The labels that are not "percent(x)": active only when named in the gateway's settings. */
    public Set<String> others() {
        return Collections.unmodifiableSet(others);
    }

    /** Every label, sorted. */
    public Set<String> all() {
        Set<String> all = new TreeSet<>(percentages.keySet());
        all.addAll(others);
        return all;
    }

    public boolean isEmpty() {
        return percentages.isEmpty() && others.isEmpty();
    }
}
