package org.plenum.gateway.engine.supergraph;

import graphql.language.SelectionSet;
import org.plenum.gateway.engine.sdl.TypeRefs;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Join metadata of one field: in which subgraphs it resolves, with which requires/provides. */
public final class FieldMeta {

    /**
     * How one subgraph declares the field.
     *
     * @param overrideLabel the label of a progressive {@code @override} this graph is one side of, else null
     * @param overriding    whether this graph is the overriding side (it serves the field while the label is active)
     */
    public record InGraph(String graph, SelectionSet requires, SelectionSet provides, boolean external,
                          boolean usedOverridden, String type, String overrideLabel, boolean overriding) {

        /**
         * Whether the graph resolves the field itself under the active labels. A labelled side serves while its side
         * of the label is on, used by keys or not (Apollo's subgraph extraction keeps such a field unexternal).
         */
        boolean resolves(Set<String> activeLabels) {
            if (external) {
                return false;
            }
            return overrideLabel == null ? !usedOverridden : overriding == activeLabels.contains(overrideLabel);
        }
    }

    private final String parentType;
    private final String name;
    private final String namedType;
    private final int listDepth;
    private String type;
    private final Map<String, InGraph> byGraph = new LinkedHashMap<>();
    /** the graphs that resolve the field whatever the labels */
    private final Set<String> resolvableIn = new LinkedHashSet<>();
    private final Set<String> overrideLabels = new LinkedHashSet<>();
    private final Map<String, List<ContextArgument>> contextArguments = new LinkedHashMap<>();

    FieldMeta(String parentType, String name, String namedType, int listDepth) {
        this.parentType = parentType;
        this.name = name;
        this.namedType = namedType;
        this.listDepth = listDepth;
    }

    void add(InGraph inGraph) {
        byGraph.put(inGraph.graph(), inGraph);
        if (inGraph.overrideLabel() != null) {
            overrideLabels.add(inGraph.overrideLabel());
        } else if (inGraph.resolves(Set.of())) {
            resolvableIn.add(inGraph.graph());
        }
    }

    void addContextArguments(String graph, List<ContextArgument> arguments) {
        contextArguments.put(graph, arguments);
    }

    public String parentType() {
        return parentType;
    }

    public String name() {
        return name;
    }

    /** The field's type without list and non-null wrappers. */
    public String namedType() {
        return namedType;
    }

    void setType(String printedType) {
        this.type = printedType;
    }

    /** The field's type as that subgraph declares it (it may differ from the supergraph's, e.g. in nullability). */
    public String typeIn(String graph) {
        InGraph in = byGraph.get(graph);
        return in == null || in.type() == null ? type : in.type();
    }

    /** The named type that subgraph declares (a narrower one than the supergraph's, perhaps). */
    public String namedTypeIn(String graph) {
        String declared = typeIn(graph);
        return declared == null ? namedType : TypeRefs.baseName(declared);
    }

    /** How many lists wrap the field's type. */
    public int listDepth() {
        return listDepth;
    }

    /**
     * Subgraphs that resolve the field themselves (not external, not overridden away) while the given progressive
     * {@code @override} labels are active and the others are not.
     */
    public Set<String> resolvableIn(Set<String> activeLabels) {
        if (overrideLabels.isEmpty()) {
            return Collections.unmodifiableSet(resolvableIn);
        }
        Set<String> graphs = new LinkedHashSet<>();
        for (InGraph in : byGraph.values()) {
            if (in.resolves(activeLabels)) {
                graphs.add(in.graph());
            }
        }
        return graphs;
    }

    public boolean resolvableIn(String graph, Set<String> activeLabels) {
        if (overrideLabels.isEmpty()) {
            return resolvableIn.contains(graph);
        }
        InGraph in = byGraph.get(graph);
        return in != null && in.resolves(activeLabels);
    }

    /** The labels of the progressive {@code @override}s of the field: which subgraph serves it depends on them. */
    public Set<String> overrideLabels() {
        return Collections.unmodifiableSet(overrideLabels);
    }

    /** How the subgraph declares the field (external ones too); null where it does not. */
    public InGraph inGraph(String graph) {
        return byGraph.get(graph);
    }

    public SelectionSet requires(String graph) {
        InGraph in = byGraph.get(graph);
        return in == null ? null : in.requires();
    }

    public SelectionSet provides(String graph) {
        InGraph in = byGraph.get(graph);
        return in == null ? null : in.provides();
    }

    /** The arguments the subgraph's field takes from an ancestor's context (@fromContext); empty when none. */
    public List<ContextArgument> contextArguments(String graph) {
        return contextArguments.getOrDefault(graph, List.of());
    }
}
