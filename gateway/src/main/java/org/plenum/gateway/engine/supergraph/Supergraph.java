package org.plenum.gateway.engine.supergraph;

import graphql.language.Argument;
import graphql.language.AstPrinter;
import graphql.language.BooleanValue;
import graphql.language.Definition;
import graphql.language.Directive;
import graphql.language.DirectivesContainer;
import graphql.language.Document;
import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValue;
import graphql.language.EnumValueDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.StringValue;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.language.UnionTypeDefinition;
import graphql.language.Value;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import graphql.schema.GraphQLSchema;
import org.plenum.gateway.engine.sdl.TypeRefs;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The supergraph, read once per schema: subgraphs, join metadata per type and field, and the API schema
 * clients see. Everything the planner asks per request is a map lookup here.
 */
public final class Supergraph {

    private final Map<String, SubgraphInfo> subgraphs;
    private final Map<String, TypeMeta> types;
    private final ApiSchema apiSchema;
    private final AccessRequirements access;
    private final CostDirectives costDirectives;
    private final EnumValues enumValues;
    private final OverrideLabels overrideLabels;

    private Supergraph(Map<String, SubgraphInfo> subgraphs, Map<String, TypeMeta> types, ApiSchema apiSchema,
                       AccessRequirements access, CostDirectives costDirectives, EnumValues enumValues,
                       OverrideLabels overrideLabels) {
        this.subgraphs = subgraphs;
        this.types = types;
        this.apiSchema = apiSchema;
        this.access = access;
        this.costDirectives = costDirectives;
        this.enumValues = enumValues;
        this.overrideLabels = overrideLabels;
    }

    public static Supergraph parse(String sdl) {
        if (sdl == null || sdl.isBlank()) {
            throw new SupergraphException("The supergraph SDL is empty");
        }
        Document document;
        try {
            document = Parser.parse(ParserEnvironment.newParserEnvironment().document(sdl)
                    .parserOptions(ParserOptions.getDefaultSdlParserOptions()).build());
        } catch (InvalidSyntaxException e) {
            throw new SupergraphException("The supergraph SDL is not valid GraphQL: " + e.getMessage(), e);
        }
        LinkedSpecs specs = LinkedSpecs.of(document);
        if (!specs.has("join")) {
            throw new SupergraphException("Not a supergraph: the schema does not @link the join spec (https://specs.apollo.dev/join)");
        }
        Map<String, SubgraphInfo> subgraphs = readSubgraphs(document, specs.prefixed("join", "Graph"));
        OverrideLabels overrideLabels = new OverrideLabels();
        Map<String, TypeMeta> types = readTypes(document, specs, overrideLabels);
        ApiSchema api = ApiSchema.build(document, specs);
        return new Supergraph(subgraphs, types, api, AccessRequirements.read(document, specs),
                CostDirectives.read(document, specs), EnumValues.read(document, specs), overrideLabels);
    }

    private static Map<String, SubgraphInfo> readSubgraphs(Document document, String graphEnumName) {
        EnumTypeDefinition graphEnum = document.getDefinitionsOfType(EnumTypeDefinition.class).stream()
                .filter(e -> e.getName().equals(graphEnumName)).findFirst()
                .orElseThrow(() -> new SupergraphException("The supergraph has no enum " + graphEnumName + " listing its subgraphs"));
        Map<String, SubgraphInfo> subgraphs = new LinkedHashMap<>();
        for (EnumValueDefinition value : graphEnum.getEnumValueDefinitions()) {
            Directive graph = value.getDirectives().stream().filter(d -> d.getName().endsWith("__graph")).findFirst()
                    .orElseThrow(() -> new SupergraphException("Subgraph " + value.getName() + " has no @join__graph(name, url)"));
            String url = string(graph, "url");
            if (url == null || url.isBlank()) {
                throw new SupergraphException("Subgraph " + value.getName() + " has no url in @join__graph");
            }
            String name = string(graph, "name");
            subgraphs.put(value.getName(), new SubgraphInfo(value.getName(), name == null ? value.getName() : name, url));
        }
        return subgraphs;
    }

    private static Map<String, TypeMeta> readTypes(Document document, LinkedSpecs specs, OverrideLabels overrideLabels) {
        String joinType = specs.prefixed("join", "type");
        String joinField = specs.prefixed("join", "field");
        String joinImplements = specs.prefixed("join", "implements");
        String joinUnionMember = specs.prefixed("join", "unionMember");
        String context = specs.directiveName("context");
        Map<String, TypeMeta> types = new LinkedHashMap<>();
        for (Definition<?> definition : document.getDefinitions()) {
            if (definition instanceof ObjectTypeDefinition object) {
                TypeMeta meta = new TypeMeta(object.getName(), TypeMeta.Kind.OBJECT);
                readJoinTypes(meta, object, joinType);
                readContexts(meta, object, context);
                readFields(meta, object.getFieldDefinitions(), joinField, overrideLabels);
                readRelated(meta, object, joinImplements, "interface",
                        object.getImplements().stream().map(Supergraph::typeName).toList());
                types.put(meta.name(), meta);
            } else if (definition instanceof InterfaceTypeDefinition itf) {
                TypeMeta meta = new TypeMeta(itf.getName(), TypeMeta.Kind.INTERFACE);
                readJoinTypes(meta, itf, joinType);
                readContexts(meta, itf, context);
                readFields(meta, itf.getFieldDefinitions(), joinField, overrideLabels);
                types.put(meta.name(), meta);
            } else if (definition instanceof UnionTypeDefinition union) {
                TypeMeta meta = new TypeMeta(union.getName(), TypeMeta.Kind.UNION);
                readJoinTypes(meta, union, joinType);
                readContexts(meta, union, context);
                List<String> members = union.getMemberTypes().stream().map(Supergraph::typeName).toList();
                members.forEach(meta::addPossibleType);
                readRelated(meta, union, joinUnionMember, "member", members);
                types.put(meta.name(), meta);
            }
        }
        for (ObjectTypeDefinition object : document.getDefinitionsOfType(ObjectTypeDefinition.class)) {
            for (Type<?> itf : object.getImplements()) {
                TypeMeta meta = types.get(typeName(itf));
                if (meta != null) {
                    meta.addPossibleType(object.getName());
                }
            }
        }
        inheritContexts(types);
        return types;
    }

    private static void readJoinTypes(TypeMeta meta, DirectivesContainer<?> definition, String joinType) {
        for (Directive directive : definition.getDirectives(joinType)) {
            String graph = enumValue(directive, "graph");
            boolean interfaceObject = bool(directive, "isInterfaceObject", false);
            meta.addGraph(graph, interfaceObject);
            String key = string(directive, "key");
            if (key != null) {
                meta.addKey(new TypeMeta.Key(graph, key, FieldSets.parse(key, "@key of " + meta.name())),
                        bool(directive, "resolvable", true));
            }
        }
    }

    /** An object sets the contexts of its interfaces and of the unions it belongs to. */
    private static void inheritContexts(Map<String, TypeMeta> types) {
        for (TypeMeta type : types.values()) {
            if (type.isAbstract()) {
                for (String possible : type.possibleTypes()) {
                    TypeMeta object = types.get(possible);
                    if (object != null) {
                        type.contexts().forEach(object::addContext);
                    }
                }
            }
        }
    }

    /** The contexts (@context) the type sets for fields below it; their names are prefixed with their subgraph's. */
    private static void readContexts(TypeMeta meta, DirectivesContainer<?> definition, String contextDirective) {
        if (contextDirective == null) {
            return;
        }
        for (Directive directive : definition.getDirectives(contextDirective)) {
            String name = string(directive, "name");
            if (name != null) {
                meta.addContext(name);
            }
        }
    }

    private static void readFields(TypeMeta meta, List<FieldDefinition> fields, String joinField,
                                   OverrideLabels overrideLabels) {
        for (FieldDefinition field : fields) {
            FieldMeta fieldMeta = meta.fieldOrCreate(field.getName(), TypeRefs.baseName(field.getType()), TypeRefs.listDepth(field.getType()));
            fieldMeta.setType(AstPrinter.printAst(field.getType()));
            List<Directive> joins = field.getDirectives(joinField);
            if (joins.isEmpty()) {
                for (String graph : meta.graphs()) {
                    fieldMeta.add(new FieldMeta.InGraph(graph, null, null, false, false, null, null, false));
                }
                continue;
            }
            for (Directive join : joins) {
                String graph = enumValue(join, "graph");
                if (graph == null) {
                    continue; // provided through an @interfaceObject of one of the type's interfaces
                }
                String where = meta.name() + "." + field.getName();
                String requires = string(join, "requires");
                String provides = string(join, "provides");
                // a progressive @override names its label on both sides: which one serves is decided per request
                String label = string(join, "overrideLabel");
                if (label != null) {
                    overrideLabels.add(label);
                }
                fieldMeta.add(new FieldMeta.InGraph(graph,
                        requires == null ? null : FieldSets.parse(requires, "@requires of " + where),
                        provides == null ? null : FieldSets.parse(provides, "@provides of " + where),
                        bool(join, "external", false), bool(join, "usedOverridden", false), string(join, "type"),
                        label, string(join, "override") != null));
                Value<?> contextArguments = argumentValue(join, "contextArguments");
                if (contextArguments != null) {
                    fieldMeta.addContextArguments(graph, ContextArgument.readAll(contextArguments, where));
                }
            }
        }
    }

    /** Records per graph the implemented interfaces / union members; old join versions list none: then all graphs have all. */
    private static void readRelated(TypeMeta meta, DirectivesContainer<?> definition, String directiveName, String argument,
                                    List<String> all) {
        List<Directive> directives = definition.getDirectives(directiveName);
        if (directives.isEmpty()) {
            for (String graph : meta.graphs()) {
                all.forEach(related -> meta.addRelated(graph, related));
            }
            return;
        }
        for (Directive directive : directives) {
            meta.addRelated(enumValue(directive, "graph"), string(directive, argument));
        }
    }

    static String typeName(Type<?> type) {
        return ((TypeName) type).getName();
    }

    static String string(Directive directive, String argument) {
        Value<?> value = argumentValue(directive, argument);
        return value instanceof StringValue s ? s.getValue() : null;
    }

    static String enumValue(Directive directive, String argument) {
        Value<?> value = argumentValue(directive, argument);
        return value instanceof EnumValue e ? e.getName() : null;
    }

    static boolean bool(Directive directive, String argument, boolean defaultValue) {
        Value<?> value = argumentValue(directive, argument);
        return value instanceof BooleanValue b ? b.isValue() : defaultValue;
    }

    private static Value<?> argumentValue(Directive directive, String argument) {
        Argument arg = directive.getArgument(argument);
        return arg == null ? null : arg.getValue();
    }

    public Map<String, SubgraphInfo> subgraphs() {
        return Collections.unmodifiableMap(subgraphs);
    }

    public SubgraphInfo subgraph(String graph) {
        return subgraphs.get(graph);
    }

    public TypeMeta type(String name) {
        return types.get(name);
    }

    public GraphQLSchema apiSchema() {
        return apiSchema.schema();
    }

    /** The @cost / @listSize applications (demand control). */
    public CostDirectives costDirectives() {
        return costDirectives;
    }

    public String apiSchemaSdl() {
        return apiSchema.sdl();
    }

    /** In which subgraphs each enum value exists. */
    public EnumValues enumValues() {
        return enumValues;
    }

    /** The labels of the progressive {@code @override}s. */
    public OverrideLabels overrideLabels() {
        return overrideLabels;
    }

    /** Who may see which types and fields (@authenticated, @requiresScopes, @policy). */
    public AccessRequirements access() {
        return access;
    }
}
