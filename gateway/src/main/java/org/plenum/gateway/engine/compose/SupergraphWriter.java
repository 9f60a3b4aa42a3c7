package org.plenum.gateway.engine.compose;

import graphql.language.AstPrinter;
import graphql.language.StringValue;
import org.plenum.gateway.engine.sdl.TypeRefs;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Prints the composed supergraph: the link/join spec definitions, the {@code join__Graph} enum and the types. */
final class SupergraphWriter {

    private static final String LINK_PURPOSE = """
            enum link__Purpose {
              \"""
              `SECURITY` features provide metadata necessary to securely resolve fields.
              \"""
              SECURITY

              \"""
              `EXECUTION` features provide metadata necessary for operation execution.
              \"""
              EXECUTION
            }
            """;
    private static final String INACCESSIBLE = "directive @inaccessible on FIELD_DEFINITION | OBJECT | INTERFACE | UNION"
            + " | ARGUMENT_DEFINITION | SCALAR | ENUM | ENUM_VALUE | INPUT_OBJECT | INPUT_FIELD_DEFINITION";
    private static final String CONTEXT = "directive @context(name: String!) repeatable on INTERFACE | OBJECT | UNION";
    private static final String FROM_CONTEXT = "directive @context__fromContext(field: context__ContextFieldValue)"
            + " on ARGUMENT_DEFINITION";
    private static final String TAG = "directive @tag(name: String!) repeatable on FIELD_DEFINITION | OBJECT | INTERFACE"
            + " | UNION | ARGUMENT_DEFINITION | SCALAR | ENUM | ENUM_VALUE | INPUT_OBJECT | INPUT_FIELD_DEFINITION | SCHEMA";

    /** Composition sorts definitions by name, ignoring case. */
    private static final Comparator<String> BY_NAME = Comparator.comparing((String name) -> name.toLowerCase(Locale.ROOT))
            .thenComparing(Comparator.naturalOrder());

    private final StringBuilder out = new StringBuilder();

    /**
     * @param joinMinor    the join spec minor version: 3, 4 (adds overrideLabel, {@code @join__directive}) or 5
     *                     (adds contextArguments), chosen like {@code @apollo/composition} from the federation versions
     * @param graphs       {@code join__Graph} value -> {name, url}
     */
    static String write(int joinMinor, Map<String, String[]> graphs, Map<String, MergedType> types,
            Map<String, MergedDirective> directives, List<String> featureLinks) {
        return new SupergraphWriter().print(joinMinor, graphs, types, directives, featureLinks);
    }

    /** Prints like {@code @apollo/composition}: the schema, then directive definitions and types, each sorted by name. */
    private String print(int joinMinor, Map<String, String[]> graphs, Map<String, MergedType> types,
            Map<String, MergedDirective> ownDirectives, List<String> featureLinks) {
        boolean inaccessible = uses(types, "@inaccessible");
        boolean tag = uses(types, "@tag(");
        boolean cost = uses(types, "@cost(");
        boolean listSize = uses(types, "@listSize(");
        boolean context = uses(types, "@context(");
        StringBuilder sdl = new StringBuilder();
        sdl.append("schema\n  @link(url: \"https://specs.apollo.dev/link/v1.0\")\n")
                .append("  @link(url: \"https://specs.apollo.dev/join/v0.").append(joinMinor).append("\", for: EXECUTION)\n");
        if (inaccessible) {
            sdl.append("  @link(url: \"https://specs.apollo.dev/inaccessible/v0.2\", for: SECURITY)\n");
        }
        if (tag) {
            sdl.append("  @link(url: \"https://specs.apollo.dev/tag/v0.3\")\n");
        }
        if (cost || listSize) {
            sdl.append("  ").append(CostSpec.link(listSize)).append('\n');
        }
        if (context) {
            sdl.append("  @link(url: \"https://specs.apollo.dev/context/v0.1\", for: SECURITY)\n");
        }
        featureLinks.forEach(link -> sdl.append("  ").append(link).append('\n'));
        sdl.append("{\n");
        for (String root : List.of("Query", "Mutation", "Subscription")) {
            if (types.containsKey(root)) {
                sdl.append("  ").append(root.toLowerCase()).append(": ").append(root).append('\n');
            }
        }
        sdl.append("}\n");
        Map<String, String> directives = new TreeMap<>(BY_NAME);
        directives.putAll(directiveDefinitions(joinMinor));
        if (inaccessible) {
            directives.put("inaccessible", INACCESSIBLE);
        }
        if (tag) {
            directives.put("tag", TAG);
        }
        if (cost || listSize) {
            directives.putAll(CostSpec.definitions(listSize));
        }
        if (context) {
            directives.put("context", CONTEXT);
            directives.put("context__fromContext", FROM_CONTEXT);
        }
        ownDirectives.values().forEach(directive -> directives.put(directive.name(), directiveDefinition(directive)));
        directives.values().forEach(definition -> sdl.append('\n').append(definition).append('\n'));
        Map<String, String> definitions = new TreeMap<>(BY_NAME);
        definitions.putAll(specTypes(joinMinor, graphs));
        if (context) {
            definitions.put("context__ContextFieldValue", "scalar context__ContextFieldValue\n");
        }
        types.values().forEach(type -> definitions.put(type.name, type(type)));
        sdl.append('\n').append(String.join("\n", definitions.values()).stripTrailing()).append('\n');
        return sdl.toString();
    }

    private static boolean uses(Map<String, MergedType> types, String directivePrefix) {
        return types.values().stream().anyMatch(type -> hasDirective(type.directives, directivePrefix)
                || type.fields.values().stream().anyMatch(field -> hasDirective(field.composedDirectives, directivePrefix)
                        || field.arguments.values().stream().anyMatch(arg -> hasDirective(arg.composedDirectives, directivePrefix))));
    }

    private static boolean hasDirective(List<String> directives, String prefix) {
        return directives.stream().anyMatch(d -> d.startsWith(prefix));
    }

    private static Map<String, String> directiveDefinitions(int joinMinor) {
        Map<String, String> definitions = new HashMap<>();
        if (joinMinor >= 4) {
            definitions.put("join__directive", "directive @join__directive(graphs: [join__Graph!], name: String!, args: join__DirectiveArguments)"
                    + " repeatable on SCHEMA | OBJECT | INTERFACE | FIELD_DEFINITION");
        }
        definitions.put("join__enumValue", "directive @join__enumValue(graph: join__Graph!) repeatable on ENUM_VALUE");
        definitions.put("join__field", "directive @join__field(graph: join__Graph, requires: join__FieldSet, provides: join__FieldSet,"
                + " type: String, external: Boolean, override: String, usedOverridden: Boolean"
                + (joinMinor >= 4 ? ", overrideLabel: String" : "")
                + (joinMinor >= 5 ? ", contextArguments: [join__ContextArgument!]" : "")
                + ") repeatable on FIELD_DEFINITION | INPUT_FIELD_DEFINITION");
        definitions.put("join__graph", "directive @join__graph(name: String!, url: String!) on ENUM_VALUE");
        definitions.put("join__implements", "directive @join__implements(graph: join__Graph!, interface: String!) repeatable on OBJECT | INTERFACE");
        definitions.put("join__type", "directive @join__type(graph: join__Graph!, key: join__FieldSet, extension: Boolean! = false,"
                + " resolvable: Boolean! = true, isInterfaceObject: Boolean! = false)"
                + " repeatable on OBJECT | INTERFACE | UNION | ENUM | INPUT_OBJECT | SCALAR");
        definitions.put("join__unionMember", "directive @join__unionMember(graph: join__Graph!, member: String!) repeatable on UNION");
        definitions.put("link", "directive @link(url: String, as: String, for: link__Purpose, import: [link__Import]) repeatable on SCHEMA");
        return definitions;
    }

    private static Map<String, String> specTypes(int joinMinor, Map<String, String[]> graphs) {
        Map<String, String> definitions = new HashMap<>();
        if (joinMinor >= 5) {
            definitions.put("join__ContextArgument", "input join__ContextArgument {\n  name: String!\n  type: String!\n"
                    + "  context: String!\n  selection: join__FieldValue!\n}\n");
            definitions.put("join__FieldValue", "scalar join__FieldValue\n");
        }
        if (joinMinor >= 4) {
            definitions.put("join__DirectiveArguments", "scalar join__DirectiveArguments\n");
        }
        definitions.put("join__FieldSet", "scalar join__FieldSet\n");
        StringBuilder graphEnum = new StringBuilder("enum join__Graph {\n");
        graphs.forEach((value, nameAndUrl) -> graphEnum.append("  ").append(value).append(' ')
                .append(Directives.apply("join__graph", "name", nameAndUrl[0], "url", nameAndUrl[1])).append('\n'));
        definitions.put("join__Graph", graphEnum.append("}\n").toString());
        definitions.put("link__Import", "scalar link__Import\n");
        definitions.put("link__Purpose", LINK_PURPOSE);
        return definitions;
    }

    private String directiveDefinition(MergedDirective directive) {
        out.setLength(0);
        description(directive.description(), "");
        out.append("directive @").append(directive.name());
        arguments(directive.signature());
        out.append(directive.repeatable() ? " repeatable" : "").append(" on ").append(String.join(" | ", directive.locations()));
        return out.toString();
    }

    private String type(MergedType type) {
        out.setLength(0);
        description(type.description, "");
        out.append(type.kind.keyword()).append(' ').append(type.name);
        if (!type.interfaces.isEmpty()) {
            out.append(" implements ").append(String.join(" & ", type.interfaces));
        }
        type.directives.forEach(directive -> out.append("\n  ").append(directive));
        if (type.kind == TypeKind.UNION) {
            out.append("\n = ").append(String.join(" | ", type.unionMembers));
        } else if (type.kind != TypeKind.SCALAR) {
            out.append("\n{\n");
            type.fields.values().forEach(this::field);
            out.append('}');
        }
        return out.append('\n').toString();
    }

    private void field(MergedField field) {
        description(field.description, "  ");
        out.append("  ").append(field.name);
        arguments(field);
        if (field.type != null) {
            out.append(": ").append(TypeRefs.print(field.type));
            if (field.defaultValue != null) {
                out.append(" = ").append(AstPrinter.printAst(field.defaultValue));
            }
        }
        out.append(directives(field));
        out.append('\n');
    }

    private void arguments(MergedField field) {
        if (field.arguments.isEmpty()) {
            return;
        }
        boolean described = field.arguments.values().stream().anyMatch(arg -> arg.description != null);
        if (described) {
            out.append("(\n");
            field.arguments.values().forEach(arg -> {
                description(arg.description, "    ");
                out.append("    ").append(inputValue(arg)).append('\n');
            });
            out.append("  )");
        } else {
            out.append(field.arguments.values().stream().map(SupergraphWriter::inputValue)
                    .collect(Collectors.joining(", ", "(", ")")));
        }
    }

    private static String inputValue(MergedField arg) {
        StringBuilder text = new StringBuilder(arg.name).append(": ").append(TypeRefs.print(arg.type));
        if (arg.defaultValue != null) {
            text.append(" = ").append(AstPrinter.printAst(arg.defaultValue));
        }
        return text.append(directives(arg)).toString();
    }

    /** {@code @inaccessible} first, then the join directives, then {@code @tag}s: the order composition prints. */
    private static String directives(MergedField field) {
        StringBuilder text = new StringBuilder();
        field.composedDirectives.stream().filter(AppliedDirectives.INACCESSIBLE::equals).forEach(d -> text.append(' ').append(d));
        field.directives.forEach(directive -> text.append(' ').append(directive));
        field.composedDirectives.stream().filter(d -> !d.equals(AppliedDirectives.INACCESSIBLE)).forEach(d -> text.append(' ').append(d));
        return text.toString();
    }

    /**
     * A block string where it keeps the text exactly; an escaped string where a block string would not (edge
     * whitespace is trimmed from block strings, a closing quote would end it early).
     */
    private void description(String description, String indent) {
        if (description == null) {
            return;
        }
        boolean blockSafe = !description.isBlank() && description.equals(description.strip()) && !description.endsWith("\"");
        if (!blockSafe) {
            out.append(indent).append(AstPrinter.printAst(StringValue.of(description))).append('\n');
            return;
        }
        String text = description.replace("\"\"\"", "\\\"\"\"");
        if (text.contains("\n")) {
            // one line each, indented alike, so the block string's indentation removal gives the text back
            text = "\n" + text.lines().map(line -> line.isEmpty() ? line : indent + line)
                    .collect(Collectors.joining("\n")) + "\n" + indent;
        }
        out.append(indent).append("\"\"\"").append(text).append("\"\"\"\n");
    }
}
