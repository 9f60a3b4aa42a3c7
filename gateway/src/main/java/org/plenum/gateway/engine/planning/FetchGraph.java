package org.plenum.gateway.engine.planning;

import org.plenum.gateway.engine.plan.PathSegment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** The fetch groups of one operation and the order they were opened in, as the walk builds them. */
final class FetchGraph {

    private final List<FetchGroup> groups = new ArrayList<>();
    private final List<FetchGroup> rootGroups = new ArrayList<>();

    /** Every group, in the order they were opened. */
    List<FetchGroup> groups() {
        return Collections.unmodifiableList(groups);
    }

    /** The groups of root fields, in the order of the operation's root fields. */
    List<FetchGroup> rootGroups() {
        return Collections.unmodifiableList(rootGroups);
    }

    FetchGroup newRootGroup(String graph) {
        FetchGroup group = newGroup(graph, List.of(), false);
        rootGroups.add(group);
        return group;
    }

    FetchGroup rootGroupFor(String graph) {
        return rootGroups.stream().filter(g -> g.graph.equals(graph)).findFirst().orElse(null);
    }

    boolean hasEntityGroup(String graph, List<PathSegment> path) {
        return groups.stream().anyMatch(g -> g.entity && g.graph.equals(graph) && g.mergeAt.equals(path));
    }

    /**
     * An entity fetch to the subgraph at the path that can wait for all of {@code dependencies}: an open one that none
     * of them waits for and that {@code fits}, else a new one.
     */
    FetchGroup entityGroup(String graph, List<PathSegment> path, Set<FetchGroup> dependencies, Predicate<FetchGroup> fits) {
        FetchGroup group = groups.stream()
                .filter(g -> g.entity && g.graph.equals(graph) && g.mergeAt.equals(path) && !dependencies.contains(g)
                        && dependencies.stream().noneMatch(d -> d.dependsOn(g)) && fits.test(g))
                .findFirst().orElseGet(() -> newGroup(graph, path, true));
        group.dependsOn.addAll(dependencies);
        return group;
    }

    private FetchGroup newGroup(String graph, List<PathSegment> mergeAt, boolean entity) {
        FetchGroup group = new FetchGroup(groups.size(), graph, mergeAt, entity);
        groups.add(group);
        return group;
    }
}
