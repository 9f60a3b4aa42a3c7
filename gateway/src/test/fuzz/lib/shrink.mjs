// Shrinks a request while its verdict holds: removes selections, directives and aliases one at a time, keeping
// each removal that leaves a valid document with the same verdict.
import { Kind, print, validate } from 'graphql';
import { cloneDocument, operationsOf } from './sites.mjs';

/**
 * `holds(request)` says whether the verdict still holds; returns the smallest { document, variables, text } found
 * within `maxTries` tries.
 */
export async function shrink(schema, variant, holds, maxTries) {
  let current = variant;
  let tries = 0;
  let progress = true;
  while (progress && tries < maxTries) {
    progress = false;
    for (const edit of edits(current.document)) {
      const candidate = applyEdit(schema, current, edit);
      if (!candidate) continue;
      tries++;
      if (await holds(requestOf(candidate))) {
        current = candidate;
        progress = true;
        break;
      }
      if (tries >= maxTries) break;
    }
  }
  return current;
}

export function requestOf({ text, variables }) {
  return { query: text, variables };
}

/** Selection sets in document order, so that an edit found on one copy applies to another. */
function selectionSets(document) {
  const sets = [];
  const walk = (node) => {
    if (!node.selectionSet) return;
    sets.push(node.selectionSet);
    node.selectionSet.selections.forEach(walk);
  };
  document.definitions.forEach(walk);
  return sets;
}

function* edits(document) {
  const sets = selectionSets(document);
  for (let set = 0; set < sets.length; set++) {
    for (let index = 0; index < sets[set].selections.length; index++) {
      const selection = sets[set].selections[index];
      yield { set, index, change: 'remove' };
      if (selection.directives?.length) yield { set, index, change: 'undirect' };
      if (selection.alias) yield { set, index, change: 'unalias' };
      if (selection.kind === Kind.INLINE_FRAGMENT) yield { set, index, change: 'unwrap' };
    }
  }
}

function applyEdit(schema, { document, variables }, { set, index, change }) {
  const copy = cloneDocument(document);
  const selections = selectionSets(copy)[set].selections;
  const selection = selections[index];
  if (change === 'remove') selections.splice(index, 1);
  if (change === 'undirect') selection.directives = [];
  if (change === 'unalias') delete selection.alias;
  if (change === 'unwrap') selections.splice(index, 1, ...selection.selectionSet.selections);
  const kept = dropUnused(copy, variables);
  if (selectionSets(copy).some((s) => s.selections.length === 0) || validate(schema, copy).length) return null;
  return { document: copy, variables: kept, text: print(copy) };
}

/** Removes fragment definitions nobody spreads and variables nobody uses, which validation would refuse. */
function dropUnused(document, variables) {
  for (let changed = true; changed;) {
    const spread = new Set(namesUsed(document, Kind.FRAGMENT_SPREAD));
    const before = document.definitions.length;
    document.definitions = document.definitions.filter((d) => d.kind !== Kind.FRAGMENT_DEFINITION || spread.has(d.name.value));
    changed = document.definitions.length !== before;
  }
  const used = new Set(namesUsed(document, Kind.VARIABLE));
  for (const operation of operationsOf(document)) {
    operation.variableDefinitions = (operation.variableDefinitions ?? []).filter((d) => used.has(d.variable.name.value));
  }
  return Object.fromEntries(Object.entries(variables).filter(([name]) => used.has(name)));
}

/** Names of the nodes of a kind, outside variable definitions. */
function namesUsed(document, kind) {
  const names = [];
  const walk = (node) => {
    if (!node || typeof node !== 'object') return;
    if (node.kind === Kind.VARIABLE_DEFINITION) return;
    if (node.kind === kind) names.push(node.name.value);
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) value.forEach(walk);
      else if (value && typeof value === 'object') walk(value);
    }
  };
  walk(document);
  return names;
}
