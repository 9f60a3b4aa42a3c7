// Valid variants of a fixture's operations: seeded random mutations of the AST, kept when graphql-js validates
// them against the API schema.
import {
  Kind, getNamedType, isAbstractType, isCompositeType, isInterfaceType, isLeafType, isNonNullType, isObjectType,
  isUnionType, print, validate,
} from 'graphql';
import { cloneDocument, operationsOf, selectionSites } from './sites.mjs';
import { inputValue } from './values.mjs';

const MAX_MUTATIONS = 4;
const ATTEMPTS_PER_VARIANT = 20;

/** Up to `count` distinct valid variants: { document, variables, base } (base: the operation's file name). */
export function generateVariants(schema, operations, rng, count) {
  const usable = operations.filter(({ document }) => validate(schema, document).length === 0);
  const seen = new Set();
  const variants = [];
  for (let attempt = 0; usable.length && variants.length < count && attempt < count * ATTEMPTS_PER_VARIANT; attempt++) {
    const base = rng.pick(usable);
    const variant = mutate(schema, base.document, rng);
    const text = print(variant.document);
    if (seen.has(text) || validate(schema, variant.document).length) continue;
    seen.add(text);
    variants.push({ ...variant, base: base.name, text });
  }
  return { variants, invalidBases: operations.length - usable.length };
}

function mutate(schema, original, rng) {
  const document = cloneDocument(original);
  const variables = {};
  for (const operation of operationsOf(document)) {
    for (const definition of operation.variableDefinitions ?? []) {
      variables[definition.variable.name.value] = inputValue(schema, definition.type, rng);
    }
  }
  const context = { schema, document, variables, rng, counter: 0 };
  const times = 1 + rng.int(MAX_MUTATIONS);
  for (let i = 0; i < times; i++) {
    const site = rng.pick(selectionSites(schema, document));
    rng.pick(MUTATIONS)(context, site);
  }
  return { document, variables };
}

const MUTATIONS = [dropSelection, addField, addField, aliasField, duplicateSelection, aliasedCopy, wrapInInlineFragment,
  addTypeConditionFragment, addTypeConditionFragment, extractNamedFragment, addTypename, addSkipOrInclude, shuffle];

function dropSelection({ rng }, { selectionSet }) {
  if (selectionSet.selections.length > 1) selectionSet.selections.splice(rng.int(selectionSet.selections.length), 1);
}

function addField(context, { selectionSet, type }) {
  const field = randomField(context, type);
  if (field) insert(context.rng, selectionSet, field);
}

function aliasField(context, { selectionSet }) {
  const field = randomOf(context.rng, selectionSet, Kind.FIELD);
  if (field && field.name.value !== '__typename') field.alias = name(`a${++context.counter}`);
}

function duplicateSelection({ rng }, { selectionSet }) {
  insert(rng, selectionSet, cloneDocument(rng.pick(selectionSet.selections)));
}

/** The same field again under another name, with part of its selections. */
function aliasedCopy(context, { selectionSet }) {
  const field = randomOf(context.rng, selectionSet, Kind.FIELD);
  if (!field) return;
  const copy = cloneDocument(field);
  copy.alias = name(`c${++context.counter}`);
  if (copy.selectionSet) dropSelection(context, { selectionSet: copy.selectionSet });
  insert(context.rng, selectionSet, copy);
}

function wrapInInlineFragment({ rng }, { selectionSet, type }) {
  const taken = takeSome(rng, selectionSet);
  const typeCondition = rng.chance(0.5) ? { kind: Kind.NAMED_TYPE, name: name(type.name) } : undefined;
  insert(rng, selectionSet, { kind: Kind.INLINE_FRAGMENT, typeCondition, directives: [], selectionSet: { kind: Kind.SELECTION_SET, selections: taken } });
}

/** `... on T { f }` for a type T related to the site's: a possible type, an interface or union it belongs to. */
function addTypeConditionFragment(context, { selectionSet, type }) {
  const related = relatedTypes(context.schema, type);
  if (!related.length) return;
  const condition = context.rng.pick(related);
  const field = randomField(context, condition) ?? typenameField();
  insert(context.rng, selectionSet, {
    kind: Kind.INLINE_FRAGMENT,
    typeCondition: { kind: Kind.NAMED_TYPE, name: name(condition.name) },
    directives: [],
    selectionSet: { kind: Kind.SELECTION_SET, selections: [field] },
  });
}

function relatedTypes(schema, type) {
  if (isAbstractType(type)) return [...schema.getPossibleTypes(type), ...(isInterfaceType(type) ? type.getInterfaces() : [])];
  if (!isObjectType(type)) return [];
  const unions = Object.values(schema.getTypeMap()).filter((t) => isUnionType(t) && t.getTypes().includes(type));
  return [...type.getInterfaces(), ...unions];
}

function extractNamedFragment(context, { selectionSet, type }) {
  const taken = takeSome(context.rng, selectionSet);
  const fragmentName = `F${++context.counter}`;
  context.document.definitions.push({
    kind: Kind.FRAGMENT_DEFINITION,
    name: name(fragmentName),
    typeCondition: { kind: Kind.NAMED_TYPE, name: name(type.name) },
    directives: [],
    selectionSet: { kind: Kind.SELECTION_SET, selections: taken },
  });
  insert(context.rng, selectionSet, { kind: Kind.FRAGMENT_SPREAD, name: name(fragmentName), directives: [] });
}

function addTypename({ rng }, { selectionSet }) {
  insert(rng, selectionSet, typenameField());
}

function addSkipOrInclude(context, { selectionSet }) {
  const selection = context.rng.pick(selectionSet.selections);
  const variable = `v${++context.counter}`;
  const directive = context.rng.chance(0.5) ? 'skip' : 'include';
  selection.directives = [...(selection.directives ?? []), {
    kind: Kind.DIRECTIVE,
    name: name(directive),
    arguments: [{ kind: Kind.ARGUMENT, name: name('if'), value: { kind: Kind.VARIABLE, name: name(variable) } }],
  }];
  for (const operation of operationsOf(context.document)) {
    operation.variableDefinitions = [...(operation.variableDefinitions ?? []), {
      kind: Kind.VARIABLE_DEFINITION,
      variable: { kind: Kind.VARIABLE, name: name(variable) },
      type: { kind: Kind.NON_NULL_TYPE, type: { kind: Kind.NAMED_TYPE, name: name('Boolean') } },
      directives: [],
    }];
  }
  context.variables[variable] = context.rng.chance(0.5);
}

function shuffle({ rng }, { selectionSet }) {
  const selections = selectionSet.selections;
  for (let i = selections.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [selections[i], selections[j]] = [selections[j], selections[i]];
  }
}

/** A field of the type without required arguments, with a small selection below it when it is composite. */
function randomField(context, type, depth = 0) {
  if (!type.getFields) return null;
  const fields = Object.values(type.getFields()).filter((f) => f.args.every((arg) => !isNonNullType(arg.type) || arg.defaultValue !== undefined));
  if (!fields.length) return null;
  const field = context.rng.pick(fields);
  const named = getNamedType(field.type);
  const node = { kind: Kind.FIELD, name: name(field.name), arguments: [], directives: [] };
  if (isLeafType(named)) return node;
  if (!isCompositeType(named)) return null;
  const inner = depth < 2 ? randomField(context, named, depth + 1) : null;
  node.selectionSet = { kind: Kind.SELECTION_SET, selections: [inner ?? typenameField()] };
  return node;
}

function randomOf(rng, selectionSet, kind) {
  const matching = selectionSet.selections.filter((selection) => selection.kind === kind);
  return matching.length ? rng.pick(matching) : null;
}

/** Removes a random non-empty part of the selections (all but one at most) and returns it. */
function takeSome(rng, selectionSet) {
  const selections = selectionSet.selections;
  const count = 1 + rng.int(Math.max(1, selections.length - 1));
  const start = rng.int(selections.length - count + 1);
  const taken = selections.splice(start, count);
  if (!selections.length) selections.push(typenameField());
  return taken;
}

function insert(rng, selectionSet, selection) {
  selectionSet.selections.splice(rng.int(selectionSet.selections.length + 1), 0, selection);
}

function typenameField() {
  return { kind: Kind.FIELD, name: name('__typename'), arguments: [], directives: [] };
}

function name(value) {
  return { kind: Kind.NAME, value };
}
