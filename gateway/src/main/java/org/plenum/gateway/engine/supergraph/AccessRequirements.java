package org.plenum.gateway.engine.supergraph;

import graphql.language.ArrayValue;
import graphql.language.Definition;
import graphql.language.Directive;
import graphql.language.DirectivesContainer;
import graphql.language.Document;
import graphql.language.FieldDefinition;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.StringValue;
import graphql.language.TypeDefinition;
import graphql.language.Value;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The access requirements a supergraph declares with the authenticated, requiresScopes and policy specs (under
 * the names its {@code @link}s give them), per type and per field.
 */
public final class AccessRequirements {

    private final Map<String, AccessRequirement> types = new HashMap<>();
    /** "Type.field" -> requirement */
    private final Map<String, AccessRequirement> fields = new HashMap<>();
    private final Set<String> policies = new LinkedHashSet<>();

    private AccessRequirements() {
    }

    static AccessRequirements read(Document document, LinkedSpecs specs) {
        AccessRequirements requirements = new AccessRequirements();
        String authenticated = specs.directiveName("authenticated");
        String requiresScopes = specs.directiveName("requiresScopes");
        String policy = specs.directiveName("policy");
        if (authenticated == null && requiresScopes == null && policy == null) {
            return requirements;
        }
        Reader reader = requirements.new Reader(authenticated, requiresScopes, policy);
        for (Definition<?> definition : document.getDefinitions()) {
            if (definition instanceof TypeDefinition<?> type) {
                reader.put(requirements.types, type.getName(), type);
                List<FieldDefinition> typeFields = type instanceof ObjectTypeDefinition object ? object.getFieldDefinitions()
                        : type instanceof InterfaceTypeDefinition itf ? itf.getFieldDefinitions() : List.of();
                for (FieldDefinition field : typeFields) {
                    reader.put(requirements.fields, type.getName() + "." + field.getName(), field);
                }
            }
        }
        return requirements;
    }

    /** Whether the supergraph restricts anything: when not, requests need no authorization pass. */
    public boolean isEmpty() {
        return types.isEmpty() && fields.isEmpty();
    }

    /** The type's own requirement (object, interface, scalar or enum). */
    public AccessRequirement type(String typeName) {
        return types.getOrDefault(typeName, AccessRequirement.NONE);
    }

    /** The field's own requirement, without its type's. */
    public AccessRequirement field(String typeName, String fieldName) {
        return fields.getOrDefault(typeName + "." + fieldName, AccessRequirement.NONE);
    }

    /** Every policy name used. */
    public Set<String> policies() {
        return Collections.unmodifiableSet(policies);
    }

    private final class Reader {
        private final String authenticated;
        private final String requiresScopes;
        private final String policy;

        Reader(String authenticated, String requiresScopes, String policy) {
            this.authenticated = authenticated;
            this.requiresScopes = requiresScopes;
            this.policy = policy;
        }

        void put(Map<String, AccessRequirement> into, String coordinate, DirectivesContainer<?> element) {
            boolean needsAuthentication = false;
            List<List<Set<String>>> scopes = new ArrayList<>();
            List<List<Set<String>>> policyNames = new ArrayList<>();
            for (Directive directive : element.getDirectives()) {
                String name = directive.getName();
                if (name.equals(authenticated)) {
                    needsAuthentication = true;
                } else if (name.equals(requiresScopes)) {
                    scopes.add(alternatives(directive, "scopes", coordinate));
                } else if (name.equals(policy)) {
                    List<Set<String>> alternatives = alternatives(directive, "policies", coordinate);
                    alternatives.forEach(policies::addAll);
                    policyNames.add(alternatives);
                }
            }
            AccessRequirement requirement = new AccessRequirement(needsAuthentication, scopes, policyNames);
            if (!requirement.isNone()) {
                into.put(coordinate, requirement);
            }
        }

        /** {@code [["a", "b"], ["c"]]}: a and b, or c. */
        private List<Set<String>> alternatives(Directive directive, String argument, String coordinate) {
            Value<?> value = directive.getArgument(argument) == null ? null : directive.getArgument(argument).getValue();
            if (!(value instanceof ArrayValue outer)) {
                throw new SupergraphException("@" + directive.getName() + " on " + coordinate + " needs a list of lists in "
                        + argument);
            }
            List<Set<String>> alternatives = new ArrayList<>();
            for (Value<?> group : outer.getValues()) {
                Set<String> all = new LinkedHashSet<>();
                for (Value<?> item : group instanceof ArrayValue inner ? inner.getValues() : List.of(group)) {
                    if (!(item instanceof StringValue string)) {
                        throw new SupergraphException("@" + directive.getName() + " on " + coordinate + " needs strings in "
                                + argument);
                    }
                    all.add(string.getValue());
                }
                alternatives.add(all);
            }
            return alternatives;
        }
    }
}
