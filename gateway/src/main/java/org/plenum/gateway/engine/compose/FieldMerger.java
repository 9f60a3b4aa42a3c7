package org.plenum.gateway.engine.compose;

import graphql.language.AstPrinter;
import graphql.language.Type;
import org.plenum.gateway.engine.sdl.TypeRefs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Merges one field of an object or interface type across subgraphs, as {@code @apollo/composition} does:
 * external fields, arguments, the least restrictive type, {@code @join__field} (with what {@link Overrides} found)
 * and the shareability check. Also merges type references and default values for arguments and input fields.
 */
final class FieldMerger {

    private final SupergraphMerger merger;
    private final List<Subgraph> subgraphs;

    FieldMerger(SupergraphMerger merger, List<Subgraph> subgraphs) {
        this.merger = merger;
        this.subgraphs = subgraphs;
    }

    /**
     * Merges field {@code name} of object or interface {@code dest}; {@code owners[i]} is the type in
     * subgraph i (null where absent).
     */
    void mergeField(MergedType dest, String name, SubgraphType[] owners) {
        int n = subgraphs.size();
        SubgraphField[] sources = new SubgraphField[n];
        for (int i = 0; i < n; i++) {
            sources[i] = owners[i] == null ? null : owners[i].field(name);
        }
        String coordinate = dest.name + "." + name;
        Overrides overrides = Overrides.validate(coordinate, subgraphs, owners, sources, merger::error);
        boolean everySourceExternal = true;
        for (int i = 0; i < n; i++) {
            if (sources[i] != null && !subgraphs.get(i).isExternal(owners[i], sources[i])) {
                everySourceExternal = false;
            }
        }
        if (everySourceExternal) {
            merger.error("Field \"" + coordinate + "\" is marked @external on all the subgraphs in which it is listed ("
                    + subgraphList(definingSubgraphs(sources)) + ").");
            return;
        }
        SubgraphField[] resolving = new SubgraphField[n];
        for (int i = 0; i < n; i++) {
            boolean external = sources[i] != null && subgraphs.get(i).isExternal(owners[i], sources[i]);
            resolving[i] = external ? null : sources[i];
        }
        MergedField field = new MergedField(name);
        field.description = description(resolving);
        addComposedDirectives(field, resolving);
        mergeArguments(coordinate, field, resolving);
        boolean allTypesEqual = mergeTypeReference(coordinate, "field", field, resolving, false);
        addJoinFields(dest.name, field, owners, sources, allTypesEqual, overrides);
        validateContextArguments(dest.name, owners, sources);
        dest.fields.put(name, field);
        if (dest.kind == TypeKind.OBJECT) {
            validateSharing(dest, name, owners, sources, overrides);
        }
        if (dest.name.equals("Subscription") && Arrays.stream(sources).anyMatch(source -> source != null && source.shareable)) {
            merger.error("Fields on root level subscription object cannot be marked as shareable (\"" + coordinate
                    + "\" in " + subgraphList(definingSubgraphs(sources)) + ")");
        }
    }

    /** Arguments: those every source has; one required somewhere but missing elsewhere is an error. */
    void mergeArguments(String coordinate, MergedField dest, SubgraphField[] sources) {
        Set<String> names = new LinkedHashSet<>();
        for (SubgraphField source : sources) {
            if (source != null) {
                names.addAll(source.arguments.keySet());
            }
        }
        for (String argName : names) {
            if (Arrays.stream(sources).anyMatch(source -> source != null && source.arguments.get(argName) != null
                    && source.arguments.get(argName).fromContext != null)) {
                continue; // the gateway gives it from the context: not part of the supergraph's field
            }
            String argCoordinate = coordinate + "(" + argName + ":)";
            SubgraphField[] args = new SubgraphField[sources.length];
            List<String> requiredIn = new ArrayList<>();
            List<String> missingIn = new ArrayList<>();
            for (int i = 0; i < sources.length; i++) {
                if (sources[i] == null) {
                    continue;
                }
                args[i] = sources[i].arguments.get(argName);
                if (args[i] == null) {
                    missingIn.add(subgraphs.get(i).name());
                } else if (args[i].isRequiredInput()) {
                    requiredIn.add(subgraphs.get(i).name());
                }
            }
            if (!missingIn.isEmpty()) {
                if (!requiredIn.isEmpty()) {
                    merger.error("Argument \"" + argCoordinate + "\" is required in some subgraphs but does not appear in all subgraphs: it is required in "
                            + subgraphList(requiredIn) + " but does not appear in " + subgraphList(missingIn));
                }
                continue;
            }
            MergedField arg = new MergedField(argName);
            arg.description = description(args);
            addComposedDirectives(arg, args);
            mergeTypeReference(argCoordinate, "argument", arg, args, true);
            mergeDefaultValue(argCoordinate, "Argument", arg, args);
            dest.arguments.put(argName, arg);
        }
    }

    /**
     * Sets the merged type: the least restrictive one for outputs, the most restrictive one for inputs. Returns
     * whether all subgraphs agree exactly; an incompatible pair is an error.
     */
    boolean mergeTypeReference(String coordinate, String elementKind, MergedField dest, SubgraphField[] sources,
            boolean inputPosition) {
        Type<?> destType = null;
        boolean hasSubtypes = false;
        boolean incompatible = false;
        for (SubgraphField source : sources) {
            if (source == null) {
                continue;
            }
            if (destType == null || TypeRefs.same(destType, source.type)) {
                destType = source.type;
            } else if (TypeRefs.isStrictSubtype(destType, source.type, merger::isMember)) {
                hasSubtypes = true;
                destType = inputPosition ? source.type : destType;
            } else if (TypeRefs.isStrictSubtype(source.type, destType, merger::isMember)) {
                hasSubtypes = true;
                destType = inputPosition ? destType : source.type;
            } else {
                incompatible = true;
            }
        }
        dest.type = destType;
        merger.recordTypeUsage(TypeRefs.baseName(destType), coordinate, inputPosition);
        if (incompatible) {
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < sources.length; i++) {
                if (sources[i] != null) {
                    parts.add("type \"" + TypeRefs.print(sources[i].type) + "\" in subgraph \"" + subgraphs.get(i).name() + "\"");
                }
            }
            merger.error("Type of " + elementKind + " \"" + coordinate + "\" is incompatible across subgraphs: it has "
                    + String.join(" but ", parts));
            return false;
        }
        return !hasSubtypes;
    }

    /** A default value is kept when all subgraphs agree; different defaults are an error. */
    void mergeDefaultValue(String coordinate, String kind, MergedField dest, SubgraphField[] sources) {
        String first = null;
        boolean seen = false;
        boolean inconsistent = false;
        boolean incompatible = false;
        for (SubgraphField source : sources) {
            if (source == null) {
                continue;
            }
            String value = source.defaultValue == null ? null : AstPrinter.printAst(source.defaultValue);
            if (first == null) {
                inconsistent |= seen && value != null;
                first = value;
                if (value != null) {
                    dest.defaultValue = source.defaultValue;
                }
            } else if (!first.equals(value)) {
                inconsistent = true;
                incompatible |= value != null;
            }
            seen = true;
        }
        if (incompatible) {
            merger.error(kind + " \"" + coordinate + "\" has incompatible default values across subgraphs");
        } else if (inconsistent) {
            dest.defaultValue = null;
        }
    }

    private boolean needsJoinField(String parentName, SubgraphType[] owners, SubgraphField[] sources,
            boolean allTypesEqual, Overrides overrides) {
        if (!allTypesEqual) {
            return true;
        }
        for (int i = 0; i < sources.length; i++) {
            if (overrides.usedOverridden(i) || overrides.label(i) != null
                    || sources[i] != null && sources[i].hasContextArguments()) {
                return true;
            }
        }
        for (int i = 0; i < sources.length; i++) {
            SubgraphField source = sources[i];
            if (source != null && !overrides.unusedOverridden(i)) {
                if (subgraphs.get(i).isExternal(owners[i], source) || source.provides != null || source.requires != null) {
                    return true;
                }
            } else if (subgraphs.get(i).type(parentName) != null) {
                return true;
            }
        }
        return false;
    }

    private void addJoinFields(String parentName, MergedField dest, SubgraphType[] owners, SubgraphField[] sources,
            boolean allTypesEqual, Overrides overrides) {
        if (!needsJoinField(parentName, owners, sources, allTypesEqual, overrides)) {
            return;
        }
        for (int i = 0; i < sources.length; i++) {
            SubgraphField source = sources[i];
            if (source == null || (overrides.unusedOverridden(i) && overrides.label(i) == null)) {
                continue;
            }
            boolean external = subgraphs.get(i).isExternal(owners[i], source);
            dest.directives.add(Directives.apply("join__field",
                    "graph", merger.graph(i),
                    "requires", source.requires,
                    "provides", source.provides,
                    "override", subgraphs.get(i).isFederation2() ? source.overrideFrom : null,
                    "type", allTypesEqual ? null : TypeRefs.print(source.type),
                    "external", external ? Boolean.TRUE : null,
                    "usedOverridden", overrides.usedOverridden(i) ? Boolean.TRUE : null,
                    "overrideLabel", overrides.label(i),
                    "contextArguments", contextArguments(i, source)));
        }
    }

    /**
     * The field's {@code join__ContextArgument}s in subgraph i, or null without any: each names the context with the
     * subgraph's name before it, as contexts of different subgraphs are different contexts.
     */
    private List<Directives.ObjectArg> contextArguments(int i, SubgraphField source) {
        List<Directives.ObjectArg> arguments = new ArrayList<>();
        for (SubgraphField argument : source.arguments.values()) {
            if (argument.fromContext != null) {
                Map<String, Object> fields = new LinkedHashMap<>();
                fields.put("context", subgraphs.get(i).name() + "__" + argument.fromContext.context());
                fields.put("name", argument.name);
                fields.put("type", TypeRefs.print(argument.type));
                fields.put("selection", argument.fromContext.selection());
                arguments.add(new Directives.ObjectArg(fields));
            }
        }
        return arguments.isEmpty() ? null : arguments;
    }

    /** A contextual argument needs a context its subgraph sets, on a field the gateway can fetch by a key. */
    private void validateContextArguments(String parentName, SubgraphType[] owners, SubgraphField[] sources) {
        for (int i = 0; i < sources.length; i++) {
            if (sources[i] == null || !sources[i].hasContextArguments()) {
                continue;
            }
            Subgraph subgraph = subgraphs.get(i);
            for (SubgraphField argument : sources[i].arguments.values()) {
                String context = argument.fromContext == null ? null : argument.fromContext.context();
                if (context != null && subgraph.types().values().stream().noneMatch(type -> type.contexts.contains(context))) {
                    merger.error("[" + subgraph.name() + "] Context \"" + context + "\" is used at location \""
                            + parentName + "." + sources[i].name + "(" + argument.name + ":)\" but is never set.");
                }
            }
            if (owners[i].keys.stream().noneMatch(key -> !Boolean.FALSE.equals(key.resolvable()))) {
                merger.error("[" + subgraph.name() + "] Object \"" + parentName
                        + "\" has no resolvable key but has a field with a contextual argument.");
            }
        }
    }

    /** Input fields: the type and default merged as inputs, {@code @join__field} only where types differ or it is partial. */
    void mergeInputField(MergedType dest, String name, SubgraphType[] owners, SubgraphField[] sources) {
        String coordinate = dest.name + "." + name;
        MergedField field = new MergedField(name);
        field.description = description(sources);
        addComposedDirectives(field, sources);
        boolean allTypesEqual = mergeTypeReference(coordinate, "field", field, sources, true);
        addJoinFields(dest.name, field, owners, sources, allTypesEqual, Overrides.none(sources.length));
        mergeDefaultValue(coordinate, "Input field", field, sources);
        dest.fields.put(name, field);
    }

    /**
     * A field resolved by several subgraphs must be {@code @shareable} in each of them; a subgraph without the type
     * may still resolve the field through an {@code @interfaceObject} for one of its interfaces.
     */
    private void validateSharing(MergedType dest, String name, SubgraphType[] owners, SubgraphField[] sources,
            Overrides overrides) {
        String coordinate = dest.name + "." + name;
        List<String> resolving = new ArrayList<>();
        List<String> shareable = new ArrayList<>();
        List<String> nonShareable = new ArrayList<>();
        for (int i = 0; i < sources.length; i++) {
            Subgraph subgraph = subgraphs.get(i);
            if (sources[i] == null && subgraph.type(dest.name) == null) {
                for (String itf : dest.interfaces) {
                    SubgraphType itfObject = subgraph.type(itf);
                    SubgraphField field = itfObject != null && itfObject.interfaceObject ? itfObject.field(name) : null;
                    if (field != null && !subgraph.isFullyExternal(itfObject, field)) {
                        String source = "\"" + subgraph.name() + "\" (through @interfaceObject field \"" + itf + "." + name + "\")";
                        resolving.add(source);
                        (subgraph.isShareable(itfObject, field) ? shareable : nonShareable).add(source);
                    }
                }
                continue;
            }
            if (sources[i] == null || overrides.overridden(i) || subgraph.isFullyExternal(owners[i], sources[i])) {
                continue;
            }
            resolving.add("\"" + subgraph.name() + "\"");
            (subgraph.isShareable(owners[i], sources[i]) ? shareable : nonShareable).add("\"" + subgraph.name() + "\"");
        }
        if (!nonShareable.isEmpty() && (!shareable.isEmpty() || nonShareable.size() > 1)) {
            merger.error("Non-shareable field \"" + coordinate + "\" is resolved from multiple subgraphs: it is resolved from "
                    + quotedList(resolving) + " and defined as non-shareable in "
                    + (shareable.isEmpty() ? "all of them" : quotedList(nonShareable)));
        }
    }

    /** Carries {@code @inaccessible}, {@code @tag}, {@code @deprecated} as applied in the subgraphs. */
    static void addComposedDirectives(MergedField dest, SubgraphField[] sources) {
        dest.composedDirectives.addAll(AppliedDirectives.merge(
                Arrays.stream(sources).filter(Objects::nonNull).map(source -> source.applied)));
    }

    /** The most common description among the subgraphs that give one (the first on a tie). */
    static String description(SubgraphField[] sources) {
        List<String> descriptions = new ArrayList<>();
        for (SubgraphField source : sources) {
            if (source != null) {
                descriptions.add(source.description);
            }
        }
        return mostCommon(descriptions);
    }

    static String mostCommon(List<String> descriptions) {
        Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        descriptions.stream().filter(d -> d != null && !d.isEmpty()).forEach(d -> counts.merge(d, 1, Integer::sum));
        return counts.entrySet().stream().reduce((a, b) -> b.getValue() > a.getValue() ? b : a)
                .map(Map.Entry::getKey).orElse(null);
    }

    private List<String> definingSubgraphs(SubgraphField[] sources) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < sources.length; i++) {
            if (sources[i] != null) {
                names.add(subgraphs.get(i).name());
            }
        }
        return names;
    }

    /** {@code subgraph "a"} or {@code subgraphs "a", "b" and "c"}. */
    static String subgraphList(List<String> names) {
        return quotedList(names.stream().map(name -> "\"" + name + "\"").toList());
    }

    private static String quotedList(List<String> quoted) {
        if (quoted.size() == 1) {
            return "subgraph " + quoted.get(0);
        }
        return "subgraphs " + String.join(", ", quoted.subList(0, quoted.size() - 1)) + " and " + quoted.get(quoted.size() - 1);
    }
}
