package org.plenum.gateway.engine.compose;

import graphql.language.ArrayValue;
import graphql.language.BooleanValue;
import graphql.language.Definition;
import graphql.language.DescribedNode;
import graphql.language.Description;
import graphql.language.Directive;
import graphql.language.DirectiveDefinition;
import graphql.language.Document;
import graphql.language.EnumTypeDefinition;
import graphql.language.EnumTypeExtensionDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputObjectTypeExtensionDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.InterfaceTypeExtensionDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.ObjectTypeExtensionDefinition;
import graphql.language.OperationTypeDefinition;
import graphql.language.ScalarTypeExtensionDefinition;
import graphql.language.SchemaDefinition;
import graphql.language.StringValue;
import graphql.language.Type;
import graphql.language.TypeDefinition;
import graphql.language.TypeName;
import graphql.language.UnionTypeDefinition;
import graphql.language.UnionTypeExtensionDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import org.plenum.gateway.engine.sdl.Link;
import org.plenum.gateway.engine.sdl.TypeRefs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a subgraph SDL into a {@link Subgraph}: parses the document (federation directive definitions may be
 * absent), folds type extensions into their types, resolves federation directives through {@code @link}
 * imports and renames, drops the subgraph-only machinery ({@code _service}, {@code _entities}, {@code _Any},
 * {@code _Entity}, {@code _Service}, field-set scalars, link and federation definitions), and names the root
 * types Query/Mutation/Subscription.
 */
final class SubgraphReader {

    private static final Map<String, String> ROOT_NAMES = Map.of(
            "query", "Query", "mutation", "Mutation", "subscription", "Subscription");

    private final SubgraphDefinition definition;
    private final List<String> errors;
    private LinkedSpecs specs;
    private final Map<String, SubgraphType> types = new LinkedHashMap<>();
    private final Map<String, ComposedDirective> composed = new LinkedHashMap<>();
    /** Composed directive -> whether it is repeatable: how its applications merge. */
    private final Map<String, Boolean> composedRepeatable = new HashMap<>();

    private SubgraphReader(SubgraphDefinition definition, List<String> errors) {
        this.definition = definition;
        this.errors = errors;
    }

    /** Reads one subgraph; problems are added to {@code errors} and yield null. */
    static Subgraph read(SubgraphDefinition definition, List<String> errors) {
        return new SubgraphReader(definition, errors).read();
    }

    private Subgraph read() {
        Document document;
        try {
            document = Parser.parse(definition.sdl());
        } catch (InvalidSyntaxException e) {
            errors.add("[" + definition.name() + "] Invalid SDL: " + e.getMessage());
            return null;
        }
        List<Directive> schemaDirectives = new ArrayList<>();
        Map<String, String> rootTypes = new HashMap<>();
        for (Definition<?> def : document.getDefinitions()) {
            if (def instanceof SchemaDefinition schema) {
                schemaDirectives.addAll(schema.getDirectives());
                for (OperationTypeDefinition operation : schema.getOperationTypeDefinitions()) {
                    rootTypes.put(operation.getTypeName().getName(), ROOT_NAMES.get(operation.getName()));
                }
            }
        }
        specs = LinkedSpecs.of(schemaDirectives);
        int errorCount = errors.size();
        readComposedDirectives(document);
        Set<String> fieldSetScalars = fieldSetScalars(document);
        Map<String, SubgraphDirective> directives = new LinkedHashMap<>();
        for (Definition<?> def : document.getDefinitions()) {
            if (def instanceof TypeDefinition<?> type && !specs.isSpecType(type.getName())
                    && !fieldSetScalars.contains(type.getName())) {
                readType(type);
            } else if (def instanceof DirectiveDefinition directive) {
                SubgraphField signature = new SubgraphField(directive.getName(), null, null, null, false);
                directive.getInputValueDefinitions().forEach(arg -> signature.arguments.put(arg.getName(), inputValue(arg)));
                SubgraphDirective own = SubgraphDirective.of(directive, specs, signature);
                if (own != null) {
                    directives.put(own.name(), own);
                }
            }
        }
        types.values().forEach(type -> AccessDirectives.checkNotOnInterface(definition.name(), type, errors));
        if (errors.size() > errorCount) {
            return null;
        }
        renameRootTypes(rootTypes);
        SubgraphType query = types.computeIfAbsent("Query", name -> new SubgraphType(name, TypeKind.OBJECT));
        query.fields.remove("_service");
        query.fields.remove("_entities");
        if (!TypeReferenceCheck.check(definition.name(), types, errors)) {
            return null;
        }
        return new Subgraph(definition.name(), definition.url(), specs.federationMinorVersion(), types,
                directives, composed);
    }

    /**
     * The scalars the subgraph's own definitions of {@code @key}, {@code @requires} and {@code @provides} take as
     * field sets, whatever they are named: subgraph machinery, not part of its API.
     */
    private Set<String> fieldSetScalars(Document document) {
        Set<String> scalars = new HashSet<>();
        for (DirectiveDefinition directive : document.getDefinitionsOfType(DirectiveDefinition.class)) {
            String canonical = specs.canonicalDirective(directive.getName());
            if ("key".equals(canonical) || "requires".equals(canonical) || "provides".equals(canonical)) {
                directive.getInputValueDefinitions().stream()
                        .filter(arg -> arg.getName().equals("fields"))
                        .forEach(arg -> scalars.add(TypeRefs.baseName(arg.getType())));
            }
        }
        return scalars;
    }

    /** The directives named by {@code @composeDirective}: each must be defined and belong to a linked feature. */
    private void readComposedDirectives(Document document) {
        Map<String, DirectiveDefinition> definitions = new HashMap<>();
        document.getDefinitionsOfType(DirectiveDefinition.class).forEach(def -> definitions.put(def.getName(), def));
        for (String name : specs.composeRequests()) {
            ComposedDirective directive = specs.featureDirective(name);
            if (!definitions.containsKey(name)) {
                errors.add("Could not find matching directive definition for argument to @composeDirective \"@" + name
                        + "\" in subgraph \"" + definition.name() + "\".");
            } else if (directive == null) {
                errors.add("Directive \"@" + name + "\" in subgraph \"" + definition.name()
                        + "\" cannot be composed because it is not a member of a core feature");
            } else {
                composed.put(name, directive);
                composedRepeatable.put(name, definitions.get(name).isRepeatable());
            }
        }
    }

    private void readType(TypeDefinition<?> def) {
        TypeKind kind = kindOf(def);
        SubgraphType type = types.computeIfAbsent(def.getName(), name -> new SubgraphType(name, kind));
        if (type.kind != kind) {
            errors.add("[" + definition.name() + "] Type \"" + def.getName() + "\" is defined both as "
                    + type.kind.displayName() + " and " + kind.displayName());
            return;
        }
        boolean extension = isExtension(def);
        if (!extension) {
            type.definedAsExtensionOnly = false;
            if (description(def) != null) {
                type.description = description(def);
            }
        }
        readTypeDirectives(type, def.getDirectives(), extension);
        type.applied.addAll(AppliedDirectives.read(def.getDirectives(), specs, composedRepeatable));
        type.access.and(AccessDirectives.read(def.getDirectives(), specs));
        if (def instanceof ObjectTypeDefinition object) {
            object.getImplements().forEach(itf -> type.interfaces.add(((TypeName) itf).getName()));
            object.getFieldDefinitions().forEach(field -> addField(type, field, extension));
        } else if (def instanceof InterfaceTypeDefinition itf) {
            itf.getImplements().forEach(parent -> type.interfaces.add(((TypeName) parent).getName()));
            itf.getFieldDefinitions().forEach(field -> addField(type, field, extension));
        } else if (def instanceof UnionTypeDefinition union) {
            union.getMemberTypes().forEach(member -> type.unionMembers.add(((TypeName) member).getName()));
        } else if (def instanceof EnumTypeDefinition enumType) {
            enumType.getEnumValueDefinitions().forEach(value -> {
                type.enumValues.put(value.getName(), new SubgraphType.EnumValue(value.getName(),
                        text(value.getDescription()), AppliedDirectives.read(value.getDirectives(), specs, composedRepeatable)));
            });
        } else if (def instanceof InputObjectTypeDefinition input) {
            input.getInputValueDefinitions().forEach(field -> type.fields.put(field.getName(), inputValue(field)));
        }
    }

    private void readTypeDirectives(SubgraphType type, List<Directive> directives, boolean extension) {
        for (Directive directive : directives) {
            String canonical = specs.canonicalDirective(directive.getName());
            if (canonical == null) {
                continue;
            }
            switch (canonical) {
                case "key" -> {
                    var resolvable = directive.getArgument("resolvable");
                    Boolean isResolvable = resolvable != null && resolvable.getValue() instanceof BooleanValue bool
                            ? bool.isValue() : null;
                    type.keys.add(new SubgraphType.Key(fieldSet(directive), isResolvable, extension));
                }
                case "extends" -> type.extendsDirective = true;
                case "shareable" -> type.shareableOnExtension.add(extension);
                case "external" -> type.externalType = true;
                case "interfaceObject" -> type.interfaceObject = true;
                case "context" -> type.contexts.add(Link.stringArgument(directive, "name"));
                default -> {
                    // other directives are not composed
                }
            }
        }
    }

    private void addField(SubgraphType type, FieldDefinition def, boolean extension) {
        SubgraphField result = new SubgraphField(def.getName(), text(def.getDescription()), def.getType(), null, extension);
        result.applied.addAll(AppliedDirectives.read(def.getDirectives(), specs, composedRepeatable));
        result.access = AccessDirectives.read(def.getDirectives(), specs);
        for (Directive directive : def.getDirectives()) {
            String canonical = specs.canonicalDirective(directive.getName());
            if (canonical == null) {
                continue;
            }
            switch (canonical) {
                case "external" -> result.external = true;
                case "shareable" -> result.shareable = true;
                case "requires" -> result.requires = fieldSet(directive);
                case "provides" -> result.provides = fieldSet(directive);
                case "override" -> {
                    result.overrideFrom = Link.stringArgument(directive, "from");
                    result.overrideLabel = Link.stringArgument(directive, "label");
                }
                default -> {
                    // other directives are not composed
                }
            }
        }
        def.getInputValueDefinitions().forEach(arg -> result.arguments.put(arg.getName(), inputValue(arg)));
        type.fields.put(def.getName(), result);
    }

    private SubgraphField inputValue(InputValueDefinition def) {
        SubgraphField field = new SubgraphField(def.getName(), text(def.getDescription()), def.getType(),
                def.getDefaultValue(), false);
        field.applied.addAll(AppliedDirectives.read(def.getDirectives(), specs, composedRepeatable));
        for (Directive directive : def.getDirectives()) {
            if ("fromContext".equals(specs.canonicalDirective(directive.getName()))) {
                field.fromContext = FromContext.parse(Link.stringArgument(directive, "field"));
            }
        }
        return field;
    }

    /** A field set argument; Federation 1 also accepted a list of strings. */
    private static String fieldSet(Directive directive) {
        var argument = directive.getArgument("fields");
        if (argument == null) {
            return "";
        }
        if (argument.getValue() instanceof StringValue string) {
            return string.getValue();
        }
        if (argument.getValue() instanceof ArrayValue array) {
            return array.getValues().stream()
                    .filter(StringValue.class::isInstance)
                    .map(value -> ((StringValue) value).getValue())
                    .collect(Collectors.joining(" "));
        }
        return "";
    }

    private void renameRootTypes(Map<String, String> rootTypes) {
        Map<String, String> renames = new HashMap<>();
        rootTypes.forEach((from, to) -> {
            if (!from.equals(to)) {
                renames.put(from, to);
            }
        });
        if (renames.isEmpty()) {
            return;
        }
        Map<String, SubgraphType> renamed = new LinkedHashMap<>();
        for (SubgraphType type : types.values()) {
            SubgraphType target = type;
            if (renames.containsKey(type.name)) {
                target = copyAs(type, renames.get(type.name));
            }
            for (SubgraphField field : target.fields.values()) {
                field.type = TypeRefs.rename(field.type, renames);
            }
            renamed.put(target.name, target);
        }
        types.clear();
        types.putAll(renamed);
    }

    private static SubgraphType copyAs(SubgraphType type, String name) {
        SubgraphType copy = new SubgraphType(name, type.kind);
        copy.description = type.description;
        copy.definedAsExtensionOnly = type.definedAsExtensionOnly;
        copy.interfaces.addAll(type.interfaces);
        copy.fields.putAll(type.fields);
        copy.shareableOnExtension.addAll(type.shareableOnExtension);
        copy.extendsDirective = type.extendsDirective;
        copy.applied.addAll(type.applied);
        copy.contexts.addAll(type.contexts);
        copy.access = type.access;
        return copy;
    }

    private static TypeKind kindOf(TypeDefinition<?> def) {
        if (def instanceof ObjectTypeDefinition) {
            return TypeKind.OBJECT;
        }
        if (def instanceof InterfaceTypeDefinition) {
            return TypeKind.INTERFACE;
        }
        if (def instanceof UnionTypeDefinition) {
            return TypeKind.UNION;
        }
        if (def instanceof EnumTypeDefinition) {
            return TypeKind.ENUM;
        }
        if (def instanceof InputObjectTypeDefinition) {
            return TypeKind.INPUT_OBJECT;
        }
        return TypeKind.SCALAR;
    }

    private static boolean isExtension(TypeDefinition<?> def) {
        return def instanceof ObjectTypeExtensionDefinition || def instanceof InterfaceTypeExtensionDefinition
                || def instanceof UnionTypeExtensionDefinition || def instanceof EnumTypeExtensionDefinition
                || def instanceof InputObjectTypeExtensionDefinition || def instanceof ScalarTypeExtensionDefinition;
    }

    private static String description(TypeDefinition<?> def) {
        return def instanceof DescribedNode<?> described ? text(described.getDescription()) : null;
    }

    private static String text(Description description) {
        return description == null ? null : description.getContent();
    }
}
