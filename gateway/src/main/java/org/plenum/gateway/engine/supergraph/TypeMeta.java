package org.plenum.gateway.engine.supergraph;

import graphql.language.SelectionSet;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Join metadata of one composite type: where it is defined, its keys per subgraph, its fields. */
public final class TypeMeta {

    public enum Kind { OBJECT, INTERFACE, UNION }

    /** A @key usable to fetch the type from a subgraph through _entities. */
    public record Key(String graph, String fieldSet, SelectionSet selections) {
    }

    private final String name;
    private final Kind kind;
    private final Set<String> graphs = new LinkedHashSet<>();
    private final Set<String> interfaceObjectGraphs = new LinkedHashSet<>();
    private final Map<String, List<Key>> resolvableKeys = new LinkedHashMap<>();
    /** resolvable or not: composition's satisfiability check looks at all of them */
    private final Map<String, List<Key>> declaredKeys = new LinkedHashMap<>();
    private final Map<String, FieldMeta> fields = new LinkedHashMap<>();
    /** graph -> interfaces this object implements there, or members this union has there */
    private final Map<String, Set<String>> relatedByGraph = new LinkedHashMap<>();
    private final Set<String> possibleTypes = new LinkedHashSet<>();
    private final Set<String> contexts = new LinkedHashSet<>();

    TypeMeta(String name, Kind kind) {
        this.name = name;
        this.kind = kind;
    }

    void addGraph(String graph, boolean interfaceObject) {
        graphs.add(graph);
        if (interfaceObject) {
            interfaceObjectGraphs.add(graph);
        }
    }

    void addKey(Key key, boolean resolvable) {
        declaredKeys.computeIfAbsent(key.graph(), g -> new ArrayList<>()).add(key);
        if (resolvable) {
            resolvableKeys.computeIfAbsent(key.graph(), g -> new ArrayList<>()).add(key);
        }
    }

    void addRelated(String graph, String typeName) {
        relatedByGraph.computeIfAbsent(graph, g -> new LinkedHashSet<>()).add(typeName);
    }

    void addPossibleType(String typeName) {
        possibleTypes.add(typeName);
    }

    void addContext(String context) {
        contexts.add(context);
    }

    FieldMeta fieldOrCreate(String fieldName, String namedType, int listDepth) {
        return fields.computeIfAbsent(fieldName, f -> new FieldMeta(name, f, namedType, listDepth));
    }

    public String name() {
        return name;
    }

    public Kind kind() {
        return kind;
    }

    public boolean isAbstract() {
        return kind != Kind.OBJECT;
    }

    /** Subgraphs that define the type (join__type). */
    public Set<String> graphs() {
        return Collections.unmodifiableSet(graphs);
    }

    public boolean inGraph(String graph) {
        return graphs.contains(graph);
    }

    /** The subgraph sees this interface as an object type (@interfaceObject). */
    public boolean isInterfaceObjectIn(String graph) {
        return interfaceObjectGraphs.contains(graph);
    }

    public Set<String> interfaceObjectGraphs() {
        return Collections.unmodifiableSet(interfaceObjectGraphs);
    }

    /** Keys with which the subgraph can resolve the type through _entities; empty if it cannot. */
    public List<Key> keys(String graph) {
        return resolvableKeys.getOrDefault(graph, List.of());
    }

    /** All the @key of the type in the subgraph, {@code resolvable: false} ones included. */
    public List<Key> declaredKeys(String graph) {
        return declaredKeys.getOrDefault(graph, List.of());
    }

    /** Whether any subgraph can resolve this type through _entities. */
    public boolean hasKeys() {
        return !resolvableKeys.isEmpty();
    }

    public FieldMeta field(String fieldName) {
        return fields.get(fieldName);
    }

    /** For an object: the interfaces it implements in that graph; for a union: its members there. */
    public Set<String> related(String graph) {
        return relatedByGraph.getOrDefault(graph, Set.of());
    }

    /** For an object: the interfaces it implements in any subgraph. */
    public Set<String> relatedInAnyGraph() {
        Set<String> all = new LinkedHashSet<>();
        relatedByGraph.values().forEach(all::addAll);
        return all;
    }

    /** For an abstract type: all object types that may be returned for it (supergraph view). */
    public Set<String> possibleTypes() {
        return Collections.unmodifiableSet(possibleTypes);
    }

    Set<String> contexts() {
        return Collections.unmodifiableSet(contexts);
    }

    /** Whether fields below objects of this type may take arguments from it (@context). */
    public boolean setsContext(String context) {
        return contexts.contains(context);
    }
}
