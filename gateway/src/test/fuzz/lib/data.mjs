// Deterministic subgraph data. Every object is { __typename, __n }: n identifies it, and n % typeCount is the
// index of its concrete type, so an interface lookup knows the type too. A field's value is a hash of (concrete
// type, n, field): whichever subgraph is asked, the same entity has the same fields. Key fields encode n itself,
// so a representation leads back to the same n in every subgraph. Arguments are ignored.
import { isAbstractType, isEnumType, isListType, isNonNullType, isObjectType } from 'graphql';
import { hash } from './random.mjs';

const ENTITY_SPACE = 100000;

/** The generic resolver of every field without its own (graphql-js `fieldResolver`). */
export function resolveField(source, _args, { model, schema }, info) {
  const n = source?.__n ?? 0;
  const type = concreteType(model, info.parentType.name, n);
  const field = info.fieldName;
  const inKey = Boolean(source?.__inKey) || model.isKeyField(type, field) || model.isKeyField(info.parentType.name, field);
  const position = { model, schema, parent: info.parentType.name, field, n, inKey };
  return produce(position, info.returnType, [type, n, field]);
}

/** An entity from its representation; null where this subgraph does not define its concrete type. */
export function resolveReference(model, schema, typeName, representation) {
  const n = decodeKey(model, typeName, representation);
  if (!isAbstractType(schema.getType(typeName))) return { __typename: typeName, __n: n };
  const concrete = model.typeAt(n);
  return isObjectType(schema.getType(concrete)) ? { __typename: concrete, __n: n } : null;
}

/** The type whose fields an object shows: for an @interfaceObject, the implementation its n names. */
function concreteType(model, typeName, n) {
  return model.isSuperInterface(typeName) ? model.typeAt(n) : typeName;
}

function produce(position, type, seed) {
  if (isNonNullType(type)) return produceValue(position, type.ofType, seed);
  const { model, parent, field, inKey } = position;
  if (!inKey && model.mayBeNull(parent, field) && hash(...seed, 'null') % 8 === 0) return null;
  return produceValue(position, type, seed);
}

function produceValue(position, type, seed) {
  if (isListType(type)) {
    // mostly 1 to 3 items, sometimes none
    const h = hash(...seed, 'length');
    const length = h % 8 === 0 ? 0 : 1 + (h % 3);
    return Array.from({ length }, (_, i) => produce(position, type.ofType, [...seed, i]));
  }
  if (isAbstractType(type)) return produceAbstract(position, type, seed);
  if (isObjectType(type)) return produceObject(position, type, seed);
  if (isEnumType(type)) {
    const values = position.model.enumValues(type.name, type.getValues().map((v) => v.name).join(','));
    return values[hash(...seed) % values.length];
  }
  return position.inKey ? encodeKey(type.name, position.n) : scalar(type.name, hash(...seed));
}

function produceObject({ model, parent, field, n, inKey }, type, seed) {
  // a key's nested object is part of the parent's identity
  if (inKey) return { __typename: type.name, __n: n, __inKey: true };
  if (!model.isSuperInterface(type.name)) return entity(model, type.name, type.name, seed);
  // an @interfaceObject here: the object keeps the interface's name, its n says which implementation it is
  const choices = model.candidates(parent, field, type.name);
  return choices.length ? entity(model, type.name, choices[hash(...seed, 'type') % choices.length], seed) : null;
}

function produceAbstract({ model, schema, parent, field }, type, seed) {
  const possible = new Set(schema.getPossibleTypes(type).map((t) => t.name));
  const choices = model.candidates(parent, field, type.name).filter((name) => possible.has(name));
  if (!choices.length) return null;
  const concrete = choices[hash(...seed, 'type') % choices.length];
  return entity(model, concrete, concrete, seed);
}

function entity(model, typename, concrete, seed) {
  return { __typename: typename, __n: (hash(...seed, 'n') % ENTITY_SPACE) * model.typeCount + model.typeIndex(concrete) };
}

function scalar(typeName, h) {
  switch (typeName) {
    case 'Int': return h % 1000;
    case 'Float': return (h % 10000) / 100;
    case 'Boolean': return h % 2 === 0;
    case 'ID': return `id${h % 1000}`;
    default: return `${typeName.toLowerCase()}${h % 1000}`;
  }
}

function encodeKey(typeName, n) {
  switch (typeName) {
    case 'Int':
    case 'Float': return n;
    case 'Boolean': return n % 2 === 0;
    default: return `${typeName.toLowerCase()}-${n}`;
  }
}

/** n from the first leaf of the first @key whose fields the representation carries. */
function decodeKey(model, typeName, representation) {
  for (const key of model.keySelections(typeName)) {
    let selection = key[0];
    let value = representation[selection.name.value];
    while (selection.selectionSet && value && typeof value === 'object') {
      selection = selection.selectionSet.selections[0];
      value = value[selection.name.value];
    }
    if (typeof value === 'number') return value;
    const digits = typeof value === 'string' ? /(\d+)$/.exec(value) : null;
    if (digits) return Number(digits[1]);
  }
  return hash(JSON.stringify(representation)) % ENTITY_SPACE;
}

