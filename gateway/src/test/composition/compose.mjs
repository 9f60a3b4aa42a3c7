// Composes the gateway's test supergraph fixtures with the real @apollo/composition.
// Every fixture has one layout: <case>/subgraphs/<name>.graphql, composed with the URL http://<name>.test/graphql
// into <case>/supergraph.graphql, or, for a case that must fail, into <case>/errors.txt (one message per line).
// A case Apollo refuses may also hold a supergraph.graphql made by hand (first line "# Hand-made: ..."), to test the
// gateway on what other composers accept.
// Usage: node compose.mjs [--check] [case-dir...]
//   without case dirs: every fixture under ../resources; --check writes nothing and exits 1 if a file is stale.
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, basename, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'graphql';
import { composeServices } from '@apollo/composition';

const args = process.argv.slice(2);
const check = args.includes('--check');
const given = args.filter((arg) => arg !== '--check');
const resources = join(dirname(fileURLToPath(import.meta.url)), '..', 'resources');
const cases = given.length > 0 ? given : findCases(resources);

function findCases(dir) {
  const found = [];
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (!statSync(path).isDirectory()) continue;
    if (entry === 'subgraphs') return [dir];
    found.push(...findCases(path));
  }
  return found;
}

function compose(dir) {
  const subgraphDir = join(dir, 'subgraphs');
  const services = readdirSync(subgraphDir)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => {
      const name = basename(file, '.graphql');
      return { name, url: `http://${name}.test/graphql`, typeDefs: parse(readFileSync(join(subgraphDir, file), 'utf8')) };
    });
  const result = composeServices(services);
  if (result.errors) {
    return { file: 'errors.txt', text: result.errors.map((e) => e.message.replace(/\n/g, ' ')).join('\n') + '\n' };
  }
  return { file: 'supergraph.graphql', text: result.supergraphSdl + '\n' };
}

let stale = 0;
for (const dir of cases) {
  const { file, text } = compose(dir);
  const target = join(dir, file);
  const other = join(dir, file === 'errors.txt' ? 'supergraph.graphql' : 'errors.txt');
  const current = existsSync(target) ? readFileSync(target, 'utf8') : null;
  const strayOther = existsSync(other) && !readFileSync(other, 'utf8').startsWith('# Hand-made:');
  if (current === text && !strayOther) continue;
  if (check) {
    stale++;
    console.error(`${target}: ${current === null ? 'missing' : 'differs from what its subgraphs compose to'}`);
  } else {
    writeFileSync(target, text);
    console.log(`${target}: written`);
  }
}
if (check) {
  console.log(`${cases.length} fixtures checked, ${stale} stale` + (stale ? ' (regenerate: node compose.mjs)' : ''));
}
process.exit(stale ? 1 : 0);
