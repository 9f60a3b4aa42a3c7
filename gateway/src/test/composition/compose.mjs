// Composes a supergraph with the real @apollo/composition, for the gateway engine's test fixtures.
// Usage: node compose.mjs <scenario-dir>...
// Each scenario dir holds subgraphs/<name>.graphql; the subgraph URL is http://<name>.test/graphql.
// Writes <scenario-dir>/supergraph.graphql, or prints the composition errors and exits with 1.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, basename } from 'node:path';
import { parse } from 'graphql';
import { composeServices } from '@apollo/composition';

let failed = false;
for (const dir of process.argv.slice(2)) {
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
    failed = true;
    console.error(`${dir}:\n` + result.errors.map((e) => `  ${e.message}`).join('\n'));
  } else {
    writeFileSync(join(dir, 'supergraph.graphql'), result.supergraphSdl + '\n');
    console.log(`${dir}: composed ${services.length} subgraphs`);
  }
}
process.exit(failed ? 1 : 0);
