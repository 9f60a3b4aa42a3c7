package org.plenum.gateway.engine.planning;

import org.plenum.gateway.engine.plan.PlanNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Arranges fetch groups into plan steps: each fetch runs in the step after the last of the fetches it waits for, and
 * entity fetches of one step to the same subgraph become one request. A mutation's root fields run one after another,
 * each with the fetches that depend on it.
 */
final class StepAssembler {

    private final SubgraphDocumentWriter writer;

    StepAssembler(SubgraphDocumentWriter writer) {
        this.writer = writer;
    }

    PlanNode assemble(FetchGraph fetches, boolean mutation) {
        if (!mutation) {
            return layered(fetches.groups());
        }
        Map<FetchGroup, FetchGroup> rootOf = new HashMap<>();
        List<PlanNode> steps = new ArrayList<>();
        for (FetchGroup root : fetches.rootGroups()) {
            List<FetchGroup> members = new ArrayList<>();
            for (FetchGroup group : fetches.groups()) {
                if (root(group, rootOf) == root) {
                    members.add(group);
                }
            }
            steps.add(layered(members));
        }
        return steps.size() == 1 ? steps.get(0) : new PlanNode.Sequence(steps);
    }

    private static FetchGroup root(FetchGroup group, Map<FetchGroup, FetchGroup> rootOf) {
        return rootOf.computeIfAbsent(group, g -> g.dependsOn.isEmpty() ? g : root(g.dependsOn.iterator().next(), rootOf));
    }

    /**
     * One request of a step: root fetches each stand alone ({@code owner} is the group), entity fetches to one
     * subgraph share it ({@code owner} is the subgraph) unless their representations differ ({@code attempt}) or
     * their entities take values from their ancestors (then they stand alone too).
     */
    private record Batch(Object owner, int attempt) {
    }

    private PlanNode layered(List<FetchGroup> members) {
        Map<FetchGroup, Integer> depth = new HashMap<>();
        List<Map<Batch, List<FetchGroup>>> layers = new ArrayList<>();
        for (FetchGroup group : members) {
            int level = depth(group, depth);
            while (layers.size() <= level) {
                layers.add(new LinkedHashMap<>());
            }
            if (group.selection.isEmpty()) {
                continue;
            }
            Map<Batch, List<FetchGroup>> layer = layers.get(level);
            Object owner = group.entity && group.contextValues.isEmpty() ? group.graph : group;
            int attempt = 0;
            while (layer.containsKey(new Batch(owner, attempt))
                    && !layer.get(new Batch(owner, attempt)).stream().allMatch(member -> sameRepresentations(member, group))) {
                attempt++;
            }
            layer.computeIfAbsent(new Batch(owner, attempt), b -> new ArrayList<>()).add(group);
        }
        List<PlanNode> steps = new ArrayList<>();
        for (Map<Batch, List<FetchGroup>> layer : layers) {
            List<PlanNode> fetches = new ArrayList<>();
            for (List<FetchGroup> batch : layer.values()) {
                fetches.add(new PlanNode.Fetch(writer.fetchNode(batch)));
            }
            if (fetches.size() == 1) {
                steps.add(fetches.get(0));
            } else if (!fetches.isEmpty()) {
                steps.add(new PlanNode.Parallel(fetches));
            }
        }
        return steps.size() == 1 ? steps.get(0) : new PlanNode.Sequence(steps);
    }

    /** Entity fetches share a request only if they represent each type the same way (keys and requires). */
    private static boolean sameRepresentations(FetchGroup a, FetchGroup b) {
        for (Map.Entry<String, FetchGroup.RepresentationBuilder> entry : a.representations.entrySet()) {
            FetchGroup.RepresentationBuilder other = b.representations.get(entry.getKey());
            if (other != null && !(Objects.equals(other.key.toString(), entry.getValue().key.toString())
                    && Objects.equals(other.required.toString(), entry.getValue().required.toString())
                    && other.typename.equals(entry.getValue().typename))) {
                return false;
            }
        }
        return true;
    }

    private static int depth(FetchGroup group, Map<FetchGroup, Integer> depth) {
        Integer known = depth.get(group);
        if (known != null) {
            return known;
        }
        int level = 0;
        for (FetchGroup dependency : group.dependsOn) {
            level = Math.max(level, depth(dependency, depth) + 1);
        }
        depth.put(group, level);
        return level;
    }
}
