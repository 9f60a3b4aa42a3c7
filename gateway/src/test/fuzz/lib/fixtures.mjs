// The supergraph fixtures: <case>/subgraphs/<name>.graphql, <case>/supergraph.graphql, <case>/plans/*.graphql.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Kind, OperationTypeNode, parse } from 'graphql';

// Why some fixtures are left out of the comparison.
const SKIPPED = {
  // @authenticated/@requiresScopes/@policy are enforced by Plenum (and Apollo Router), not by Apollo Gateway
  // or Hive Gateway: they would answer protected fields that Plenum refuses, a known difference, not a bug.
  authorization: 'the references do not enforce authorization directives',
  // Apollo Gateway refuses a supergraph linking cacheTag (a Router feature) "for: EXECUTION"
  'join-directive': 'Apollo Gateway refuses its cacheTag link',
};
// Apollo Gateway refuses every supergraph linking the context spec "for: SECURITY" (@fromContext is a Router feature)
const CONTEXT_LINK = 'https://specs.apollo.dev/context/';

/** Every fixture with a composed supergraph, in name order, or only the named ones. */
export function loadFixtures(root, only = []) {
  const names = readdirSync(root).filter((name) => existsSync(join(root, name, 'subgraphs'))).sort();
  const wanted = only.length ? names.filter((name) => only.includes(name)) : names;
  const fixtures = [];
  const skipped = [];
  for (const name of wanted) {
    const dir = join(root, name);
    const supergraphFile = join(dir, 'supergraph.graphql');
    if (!existsSync(supergraphFile)) continue; // a composition error case (errors.txt)
    const supergraph = readFileSync(supergraphFile, 'utf8');
    if (supergraph.startsWith('# Hand-made:')) skipped.push(`${name}: hand-made supergraph`);
    else if (SKIPPED[name] && !only.includes(name)) skipped.push(`${name}: ${SKIPPED[name]}`);
    else if (supergraph.includes(CONTEXT_LINK)) skipped.push(`${name}: Apollo Gateway refuses its context link`);
    else fixtures.push({ name, supergraph, subgraphs: readSubgraphs(join(dir, 'subgraphs')), operations: readOperations(join(dir, 'plans')) });
  }
  return { fixtures, skipped };
}

function readSubgraphs(dir) {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => ({ name: basename(file, '.graphql'), sdl: readFileSync(join(dir, file), 'utf8') }));
}

/** The fixture's operations without subscriptions (not served over plain HTTP by every gateway). */
function readOperations(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => ({ name: basename(file, '.graphql'), document: parse(readFileSync(join(dir, file), 'utf8')) }))
    .filter(({ document }) => !document.definitions.some(
      (def) => def.kind === Kind.OPERATION_DEFINITION && def.operation === OperationTypeNode.SUBSCRIPTION));
}

/** The supergraph with each subgraph's URL pointed at the local one (join__graph url: "http://<name>.test/graphql"). */
export function withSubgraphUrls(supergraph, urlOf) {
  return supergraph.replace(/url: "http:\/\/([^".]+)\.test\/graphql"/g, (_, name) => `url: "${urlOf(name)}"`);
}
