package org.plenum.gateway.engine.compose;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Merges subgraph types into supergraph types with their join directives, following the merge rules of
 * {@code @apollo/composition}: types by name, object fields by union, input fields by intersection, enum values
 * by union (output enums) or intersection (input enums), union members and implemented interfaces by union.
 */
final class SupergraphMerger {

    private enum Usage { INPUT, OUTPUT, BOTH }

    private final List<Subgraph> subgraphs;
    private final List<Directives.EnumArg> graphs;
    private final Map<String, MergedType> merged = new TreeMap<>();
    private final Map<String, Usage> typeUsages = new HashMap<>();
    /** type -> the first input / output position using it (as Apollo names one in its errors) */
    private final Map<String, String> inputExamples = new HashMap<>();
    private final Map<String, String> outputExamples = new HashMap<>();
    private final List<String> errors = new ArrayList<>();
    private final FieldMerger fieldMerger;
    private final DirectiveMerger directiveMerger;

    SupergraphMerger(List<Subgraph> subgraphs, List<String> graphEnumValues) {
        this.subgraphs = subgraphs;
        this.graphs = graphEnumValues.stream().map(Directives.EnumArg::new).toList();
        this.fieldMerger = new FieldMerger(this, subgraphs);
        this.directiveMerger = new DirectiveMerger(subgraphs, fieldMerger);
    }

    List<String> errors() {
        return errors;
    }

    Map<String, MergedDirective> directives() {
        return directiveMerger.directives();
    }

    /** The {@code @link}s of the features whose directives are kept by {@code @composeDirective}. */
    List<String> featureLinks() {
        return directiveMerger.featureLinks();
    }

    Map<String, MergedType> merge() {
        addTypesShallow();
        if (!errors.isEmpty()) {
            return merged;
        }
        for (MergedType type : merged.values()) {
            SubgraphType[] sources = sources(type);
            if (type.kind.hasFields()) {
                mergeImplements(type, sources);
            }
            addJoinTypes(type, sources);
            type.description = description(sources);
            addComposedDirectives(type, sources);
            if (type.kind == TypeKind.UNION) {
                mergeUnion(type, sources);
            }
        }
        for (TypeKind kind : List.of(TypeKind.INPUT_OBJECT, TypeKind.INTERFACE, TypeKind.OBJECT)) {
            merged.values().stream().filter(type -> type.kind == kind).toList().forEach(type -> {
                if (kind == TypeKind.INPUT_OBJECT) {
                    mergeInput(type, sources(type));
                } else {
                    mergeFields(type, sources(type));
                }
            });
        }
        directiveMerger.merge();
        merged.values().stream().filter(type -> type.kind == TypeKind.ENUM).forEach(type -> mergeEnum(type, sources(type)));
        if (!merged.containsKey("Query")) {
            errors.add("No queries found in any subgraph: a supergraph must have a query root type.");
        }
        directiveMerger.featureLinks().addAll(new AccessMerger(subgraphs, merged, errors)
                .apply(directiveMerger.directives()));
        addInterfaceObjectFieldsToImplementations();
        return merged;
    }

    void error(String message) {
        errors.add(message);
    }

    Directives.EnumArg graph(int index) {
        return graphs.get(index);
    }

    /** Whether {@code member} belongs to the abstract supergraph type {@code abstractType}. */
    boolean isMember(String member, String abstractType) {
        MergedType abstractMerged = merged.get(abstractType);
        MergedType memberMerged = merged.get(member);
        if (abstractMerged == null || memberMerged == null) {
            return false;
        }
        return abstractMerged.kind == TypeKind.UNION ? abstractMerged.unionMembers.contains(member)
                : abstractMerged.kind == TypeKind.INTERFACE && memberMerged.interfaces.contains(abstractType);
    }

    /** @param coordinate the position using the type, e.g. "Query.products(filter:)" or "Product.status" */
    void recordTypeUsage(String typeName, String coordinate, boolean inputPosition) {
        (inputPosition ? inputExamples : outputExamples).putIfAbsent(typeName, coordinate);
        Usage usage = inputPosition ? Usage.INPUT : Usage.OUTPUT;
        typeUsages.merge(typeName, usage, (previous, current) -> previous == current ? previous : Usage.BOTH);
    }

    private void addTypesShallow() {
        Map<String, List<String>> kindsBySubgraph = new TreeMap<>();
        for (Subgraph subgraph : subgraphs) {
            for (SubgraphType type : subgraph.types().values()) {
                MergedType existing = merged.putIfAbsent(type.name, new MergedType(type.name, type.supergraphKind()));
                if (existing != null && existing.kind != type.supergraphKind()) {
                    kindsBySubgraph.put(type.name, new ArrayList<>());
                }
            }
        }
        for (String typeName : kindsBySubgraph.keySet()) {
            List<String> parts = new ArrayList<>();
            for (Subgraph subgraph : subgraphs) {
                SubgraphType type = subgraph.type(typeName);
                if (type != null) {
                    String kind = type.interfaceObject ? "Interface Object Type (Object Type with @interfaceObject)"
                            : type.kind.displayName();
                    parts.add(kind + " in subgraph \"" + subgraph.name() + "\"");
                }
            }
            errors.add("Type \"" + typeName + "\" has mismatched kind: it is defined as " + String.join(" but ", parts));
        }
        merged.values().forEach(this::checkDefinitions);
    }

    /**
     * An {@code @interfaceObject} needs the interface defined in some subgraph, and a type extension needs a
     * definition somewhere (root types excepted).
     */
    private void checkDefinitions(MergedType type) {
        boolean anyInterfaceObject = false;
        boolean anyInterface = false;
        boolean anyDefinition = List.of("Query", "Mutation", "Subscription").contains(type.name);
        List<String> definedIn = new ArrayList<>();
        for (Subgraph subgraph : subgraphs) {
            SubgraphType source = subgraph.type(type.name);
            if (source != null) {
                anyInterfaceObject |= source.interfaceObject;
                anyInterface |= source.kind == TypeKind.INTERFACE;
                anyDefinition |= !source.definedAsExtensionOnly;
                definedIn.add(subgraph.name());
            }
        }
        if (anyInterfaceObject && !anyInterface) {
            errors.add("Type \"" + type.name + "\" is declared with @interfaceObject in all the subgraphs in which it is defined (it is defined in "
                    + FieldMerger.subgraphList(definedIn) + " but should be defined as an interface in at least one subgraph)");
        }
        if (!anyDefinition) {
            definedIn.forEach(subgraph -> errors.add("[" + subgraph + "] Type \"" + type.name + "\" is an extension type, "
                    + "but there is no type definition for \"" + type.name + "\" in any subgraph."));
        }
    }

    private SubgraphType[] sources(MergedType type) {
        SubgraphType[] sources = new SubgraphType[subgraphs.size()];
        for (int i = 0; i < sources.length; i++) {
            SubgraphType source = subgraphs.get(i).type(type.name);
            sources[i] = source != null && source.supergraphKind() == type.kind ? source : null;
        }
        return sources;
    }

    private void addJoinTypes(MergedType type, SubgraphType[] sources) {
        for (int i = 0; i < sources.length; i++) {
            SubgraphType source = sources[i];
            if (source == null) {
                continue;
            }
            Boolean interfaceObject = source.interfaceObject ? Boolean.TRUE : null;
            if (source.keys.isEmpty()) {
                type.directives.add(Directives.apply("join__type", "graph", graph(i), "isInterfaceObject", interfaceObject));
            }
            for (SubgraphType.Key key : source.keys) {
                Boolean extension = key.extension() || source.extendsDirective ? Boolean.TRUE : null;
                type.directives.add(Directives.apply("join__type", "graph", graph(i), "key", key.fields(),
                        "extension", extension, "resolvable", key.resolvable(),
                        "isInterfaceObject", interfaceObject));
            }
        }
        for (int i = 0; i < sources.length; i++) {
            // the subgraph's name before the context's: each subgraph's contexts are its own
            for (String context : sources[i] == null ? List.<String>of() : sources[i].contexts) {
                type.directives.add(Directives.apply("context", "name", subgraphs.get(i).name() + "__" + context));
            }
        }
    }

    private void addComposedDirectives(MergedType type, SubgraphType[] sources) {
        type.directives.addAll(AppliedDirectives.merge(
                Arrays.stream(sources).filter(Objects::nonNull).map(source -> source.applied)));
    }

    private void mergeImplements(MergedType type, SubgraphType[] sources) {
        for (int i = 0; i < sources.length; i++) {
            if (sources[i] == null) {
                continue;
            }
            for (String itf : sources[i].interfaces) {
                type.interfaces.add(itf);
                type.directives.add(Directives.apply("join__implements", "graph", graph(i), "interface", itf));
            }
        }
    }

    private void mergeUnion(MergedType type, SubgraphType[] sources) {
        for (SubgraphType source : sources) {
            if (source != null) {
                type.unionMembers.addAll(source.unionMembers);
            }
        }
        for (String member : type.unionMembers) {
            for (int i = 0; i < sources.length; i++) {
                if (sources[i] != null && sources[i].unionMembers.contains(member)) {
                    type.directives.add(Directives.apply("join__unionMember", "graph", graph(i), "member", member));
                }
            }
        }
    }

    private void mergeFields(MergedType type, SubgraphType[] sources) {
        Set<String> fieldNames = new LinkedHashSet<>();
        for (SubgraphType source : sources) {
            if (source != null) {
                fieldNames.addAll(source.fields.keySet());
            }
        }
        if (fieldNames.isEmpty() && type.kind == TypeKind.OBJECT) {
            merged.remove(type.name);
            return;
        }
        fieldNames.forEach(name -> fieldMerger.mergeField(type, name, sources));
    }

    private void mergeInput(MergedType type, SubgraphType[] sources) {
        Set<String> fieldNames = new LinkedHashSet<>();
        for (SubgraphType source : sources) {
            if (source != null) {
                fieldNames.addAll(source.fields.keySet());
            }
        }
        for (String name : fieldNames) {
            SubgraphField[] fields = new SubgraphField[sources.length];
            List<String> requiredIn = new ArrayList<>();
            List<String> missingIn = new ArrayList<>();
            for (int i = 0; i < sources.length; i++) {
                if (subgraphs.get(i).type(type.name) == null) {
                    continue;
                }
                fields[i] = sources[i] == null ? null : sources[i].field(name);
                if (fields[i] == null) {
                    missingIn.add(subgraphs.get(i).name());
                } else if (fields[i].isRequiredInput()) {
                    requiredIn.add(subgraphs.get(i).name());
                }
            }
            fieldMerger.mergeInputField(type, name, sources, fields);
            boolean inaccessible = type.fields.get(name).composedDirectives.contains(AppliedDirectives.INACCESSIBLE);
            if (!inaccessible && !missingIn.isEmpty()) {
                if (!requiredIn.isEmpty()) {
                    errors.add("Input object field \"" + type.name + "." + name + "\" is required in some subgraphs but does not appear in all subgraphs: it is required in "
                            + FieldMerger.subgraphList(requiredIn) + " but does not appear in " + FieldMerger.subgraphList(missingIn));
                }
                type.fields.remove(name);
            }
        }
        if (type.fields.isEmpty()) {
            errors.add("None of the fields of input object type \"" + type.name + "\" are consistently defined in all the subgraphs defining that type. "
                    + "As only fields common to all subgraphs are merged, this would result in an empty type.");
        }
    }

    private void mergeEnum(MergedType type, SubgraphType[] sources) {
        Usage usage = typeUsages.getOrDefault(type.name, Usage.OUTPUT);
        Set<String> valueNames = new LinkedHashSet<>();
        for (SubgraphType source : sources) {
            if (source != null) {
                valueNames.addAll(source.enumValues.keySet());
            }
        }
        for (String name : valueNames) {
            MergedField value = new MergedField(name);
            List<String> descriptions = new ArrayList<>();
            List<List<AppliedDirectives.Applied>> applied = new ArrayList<>();
            List<String> joins = new ArrayList<>();
            List<String> definedIn = new ArrayList<>();
            List<String> missingIn = new ArrayList<>();
            for (int i = 0; i < sources.length; i++) {
                if (sources[i] == null) {
                    continue;
                }
                SubgraphType.EnumValue source = sources[i].enumValues.get(name);
                if (source == null) {
                    missingIn.add(subgraphs.get(i).name());
                    continue;
                }
                definedIn.add(subgraphs.get(i).name());
                descriptions.add(source.description());
                applied.add(source.applied());
                joins.add(Directives.apply("join__enumValue", "graph", graph(i)));
            }
            value.description = FieldMerger.mostCommon(descriptions);
            value.composedDirectives.addAll(AppliedDirectives.merge(applied.stream()));
            value.directives.addAll(joins);
            boolean inaccessible = value.composedDirectives.contains(AppliedDirectives.INACCESSIBLE);
            if (!inaccessible && usage != Usage.OUTPUT && !missingIn.isEmpty()) {
                if (usage == Usage.BOTH) {
                    errors.add("Enum type \"" + type.name + "\" is used as both input type (for example, as type of \""
                            + inputExamples.get(type.name) + "\") and output type (for example, as type of \""
                            + outputExamples.get(type.name) + "\"), but value \"" + name
                            + "\" is not defined in all the subgraphs defining \"" + type.name + "\": \"" + name + "\" is defined in "
                            + FieldMerger.subgraphList(definedIn) + " but not in " + FieldMerger.subgraphList(missingIn));
                }
                continue;
            }
            type.fields.put(name, value);
        }
        if (type.fields.isEmpty()) {
            errors.add("None of the values of enum type \"" + type.name + "\" are defined consistently in all the subgraphs defining that type. "
                    + "As only values common to all subgraphs are merged, this would result in an empty type.");
        }
    }

    /**
     * A field that an {@code @interfaceObject} adds to an interface is added to every implementation too, with a
     * bare {@code @join__field}: the planner reaches it through the interface object's subgraph.
     */
    private void addInterfaceObjectFieldsToImplementations() {
        for (MergedType type : merged.values()) {
            if (type.kind != TypeKind.OBJECT) {
                continue;
            }
            for (String itfName : type.interfaces) {
                MergedType itf = merged.get(itfName);
                if (itf == null) {
                    continue;
                }
                for (MergedField itfField : itf.fields.values()) {
                    if (!type.fields.containsKey(itfField.name) && isProvidedByInterfaceObject(itfName, itfField.name)) {
                        MergedField copy = new MergedField(itfField.name);
                        copy.description = itfField.description;
                        copy.type = itfField.type;
                        copy.arguments.putAll(itfField.arguments);
                        copy.directives.add("@join__field");
                        copy.composedDirectives.addAll(itfField.composedDirectives);
                        type.fields.put(copy.name, copy);
                    }
                }
            }
        }
    }

    private boolean isProvidedByInterfaceObject(String interfaceName, String fieldName) {
        return subgraphs.stream().anyMatch(subgraph -> {
            SubgraphType type = subgraph.type(interfaceName);
            SubgraphField field = type != null && type.interfaceObject ? type.field(fieldName) : null;
            return field != null && !subgraph.isExternal(type, field);
        });
    }

    private static String description(SubgraphType[] sources) {
        List<String> descriptions = new ArrayList<>();
        for (SubgraphType source : sources) {
            if (source != null) {
                descriptions.add(source.description);
            }
        }
        return FieldMerger.mostCommon(descriptions);
    }
}
