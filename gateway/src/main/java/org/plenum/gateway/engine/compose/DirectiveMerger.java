package org.plenum.gateway.engine.compose;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Merges the subgraphs' own directive definitions: those kept by {@code @composeDirective} (with their feature's
 * {@code @link}) and the executable ones every subgraph defines.
 */
final class DirectiveMerger {

    private final List<Subgraph> subgraphs;
    private final FieldMerger fieldMerger;
    private final Map<String, MergedDirective> directives = new TreeMap<>();
    private final List<String> featureLinks = new ArrayList<>();

    DirectiveMerger(List<Subgraph> subgraphs, FieldMerger fieldMerger) {
        this.subgraphs = subgraphs;
        this.fieldMerger = fieldMerger;
    }

    void merge() {
        mergeComposedDirectives();
        mergeExecutableDirectives();
    }

    Map<String, MergedDirective> directives() {
        return directives;
    }

    List<String> featureLinks() {
        return featureLinks;
    }

    /**
     * A directive kept by {@code @composeDirective} gets its feature's {@code @link} (the newest version any
     * subgraph links, the last such subgraph on a tie) and that subgraph's definition, whole.
     */
    private void mergeComposedDirectives() {
        Map<String, List<ComposedDirective>> byFeature = new LinkedHashMap<>();
        Map<String, SubgraphDirective> definitions = new HashMap<>();
        Map<String, ComposedDirective.Feature> latest = new HashMap<>();
        for (Subgraph subgraph : subgraphs) {
            for (ComposedDirective composed : subgraph.composedDirectives().values()) {
                ComposedDirective.Feature feature = composed.feature();
                List<ComposedDirective> members = byFeature.computeIfAbsent(feature.identity(), id -> new ArrayList<>());
                if (members.stream().noneMatch(member -> member.localName().equals(composed.localName()))) {
                    members.add(composed);
                }
                ComposedDirective.Feature newest = latest.get(feature.identity());
                if (newest == null || feature.major() > newest.major()
                        || (feature.major() == newest.major() && feature.minor() >= newest.minor())) {
                    latest.put(feature.identity(), feature);
                    definitions.put(composed.localName(), subgraph.directives().get(composed.localName()));
                }
            }
        }
        byFeature.forEach((identity, members) -> {
            featureLinks.add("@link(url: \"" + latest.get(identity).url() + "\", import: ["
                    + String.join(", ", members.stream().map(ComposedDirective::importEntry).toList()) + "])");
            for (ComposedDirective member : members) {
                SubgraphDirective definition = definitions.get(member.localName());
                MergedField signature = new MergedField(member.localName());
                fieldMerger.mergeArguments("@" + member.localName(), signature, new SubgraphField[] {definition.signature()});
                directives.put(member.localName(), new MergedDirective(member.localName(), definition.description(),
                        definition.repeatable(), definition.locations(), signature));
            }
        });
    }

    /** An executable directive is kept when every subgraph defines it, on the locations they all have. */
    private void mergeExecutableDirectives() {
        Set<String> names = new LinkedHashSet<>();
        subgraphs.forEach(subgraph -> names.addAll(subgraph.directives().keySet()));
        names.removeAll(directives.keySet());
        for (String name : names) {
            List<SubgraphDirective> definitions = subgraphs.stream()
                    .map(subgraph -> subgraph.directives().get(name)).toList();
            if (definitions.contains(null)) {
                continue;
            }
            List<String> locations = new ArrayList<>(definitions.get(0).executableLocations());
            definitions.forEach(definition -> locations.retainAll(definition.executableLocations()));
            if (locations.isEmpty()) {
                continue;
            }
            MergedField signature = new MergedField(name);
            fieldMerger.mergeArguments("@" + name, signature,
                    definitions.stream().map(SubgraphDirective::signature).toArray(SubgraphField[]::new));
            String description = FieldMerger.mostCommon(definitions.stream().map(SubgraphDirective::description).toList());
            boolean repeatable = definitions.stream().allMatch(SubgraphDirective::repeatable);
            directives.put(name, new MergedDirective(name, description, repeatable, locations, signature));
        }
    }
}
