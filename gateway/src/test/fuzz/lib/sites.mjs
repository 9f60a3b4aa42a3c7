// The selection sets of a document with the type each one selects on: where mutations and shrinking act.
import { Kind, getNamedType } from 'graphql';

/** A copy of a document that can be changed in place (no locations). */
export function cloneDocument(document) {
  return JSON.parse(JSON.stringify(document, (key, value) => (key === 'loc' ? undefined : value)));
}

/** Every selection set with its type, operations and fragment definitions alike, in document order. */
export function selectionSites(schema, document) {
  const sites = [];
  for (const definition of document.definitions) {
    const type = definition.kind === Kind.OPERATION_DEFINITION
      ? schema.getRootType(definition.operation)
      : schema.getType(definition.typeCondition?.name.value);
    if (type) collect(schema, definition.selectionSet, type, sites);
  }
  return sites;
}

function collect(schema, selectionSet, type, sites) {
  sites.push({ selectionSet, type });
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD && selection.selectionSet) {
      const field = type.getFields?.()[selection.name.value];
      if (field) collect(schema, selection.selectionSet, getNamedType(field.type), sites);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const condition = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : type;
      if (condition) collect(schema, selection.selectionSet, condition, sites);
    }
  }
}

export function operationsOf(document) {
  return document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION);
}
