// What the generated data needs to know about a fixture, across all of its subgraphs and its supergraph:
// object types (their index makes an entity's number say its concrete type), keys, where fields resolve and
// whether they may be null anywhere.
import { buildSubgraphSchema } from '@apollo/subgraph';
import { Supergraph } from '@apollo/federation-internals';
import { isAbstractType, isInterfaceType, isNonNullType, isObjectType, parse } from 'graphql';

export function buildModel(fixture) {
  const supergraph = Supergraph.build(fixture.supergraph);
  const superSchema = supergraph.schema.toGraphQLJSSchema();
  const apiSchema = supergraph.apiSchema().toGraphQLJSSchema();
  const subgraphs = fixture.subgraphs.map(({ name, sdl }) => {
    const document = parse(sdl);
    return { name, document, schema: buildSubgraphSchema({ typeDefs: document }) };
  });
  const objectTypes = Object.values(superSchema.getTypeMap())
    .filter((type) => isObjectType(type) && !type.name.startsWith('__'))
    .map((type) => type.name)
    .sort();
  const keys = collectKeys(subgraphs);
  return {
    apiSchema,
    subgraphs,
    typeCount: objectTypes.length,
    typeIndex: (name) => objectTypes.indexOf(name),
    typeAt: (n) => objectTypes[n % objectTypes.length],
    isSuperInterface: (name) => isInterfaceType(superSchema.getType(name)),
    keySelections: (type) => keys.get(type) ?? [],
    isKeyField: (type, field) => (keys.get(type) ?? []).some((key) => key.some((sel) => sel.name.value === field)),
    candidates: memo((parent, field, abstract) => candidates(superSchema, subgraphs, parent, field, abstract)),
    mayBeNull: memo((parent, field) => mayBeNull(superSchema, subgraphs, parent, field)),
    enumValues: memo((enumName, localValues) => enumValuesEverywhere(apiSchema, enumName, localValues)),
  };
}

function memo(compute) {
  const cache = new Map();
  return (...args) => {
    const key = args.join('.');
    if (!cache.has(key)) cache.set(key, compute(...args));
    return cache.get(key);
  };
}

/** type name -> the selections of each @key on it, in any subgraph. */
function collectKeys(subgraphs) {
  const keys = new Map();
  for (const { document } of subgraphs) {
    for (const def of document.definitions) {
      for (const directive of def.directives ?? []) {
        if (directive.name.value !== 'key' || !def.name) continue;
        const fields = directive.arguments.find((arg) => arg.name.value === 'fields')?.value.value;
        if (!fields) continue;
        const selections = parse(`{${fields}}`).definitions[0].selectionSet.selections;
        keys.set(def.name.value, [...(keys.get(def.name.value) ?? []), selections]);
      }
    }
  }
  return keys;
}

/** The subgraphs that resolve parent.field themselves (define it, not as @external). */
function resolvingSubgraphs(subgraphs, parent, field) {
  return subgraphs.filter(({ document }) => document.definitions.some((def) => def.name?.value === parent
    && (def.fields ?? []).some((f) => f.name.value === field && !f.directives.some((d) => d.name.value === 'external'))));
}

/**
 * The concrete types an abstract position may hold: possible in the supergraph and in every subgraph that
 * resolves the field (so whichever subgraph is asked, it can return the type chosen).
 */
function candidates(superSchema, subgraphs, parent, field, abstract) {
  const superType = superSchema.getType(abstract);
  let names = isAbstractType(superType) ? superSchema.getPossibleTypes(superType).map((t) => t.name) : [abstract];
  for (const { schema } of resolvingSubgraphs(subgraphs, parent, field)) {
    const local = schema.getType(abstract);
    if (isAbstractType(local)) {
      const possible = new Set(schema.getPossibleTypes(local).map((t) => t.name));
      names = names.filter((name) => possible.has(name));
    }
  }
  return names.sort();
}

/** Null is generated only where no subgraph and not the supergraph declare the field non-null. */
function mayBeNull(superSchema, subgraphs, parent, field) {
  const schemas = [superSchema, ...subgraphs.map((s) => s.schema)];
  return schemas.every((schema) => {
    const type = schema.getType(parent);
    const definition = type?.getFields?.()[field];
    return !definition || !isNonNullType(definition.type);
  });
}

/** Enum values a client may see (not @inaccessible) that this subgraph also has. */
function enumValuesEverywhere(apiSchema, enumName, localValues) {
  const local = localValues.split(',');
  const api = apiSchema.getType(enumName);
  if (!api) return local;
  const visible = new Set(api.getValues().map((v) => v.name));
  const both = local.filter((value) => visible.has(value));
  return both.length ? both : local;
}
