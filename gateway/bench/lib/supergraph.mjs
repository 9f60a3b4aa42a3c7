// The one supergraph every gateway gets: the running subgraphs' own SDL, composed by @apollo/composition.
import { writeFileSync } from 'node:fs';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { queryData } from './http.mjs';

/** Composes the subgraphs ({ name: graphqlUrl }) and writes the supergraph SDL to `file`. */
export async function composeSupergraph(subgraphUrls, file) {
  const services = [];
  for (const [name, url] of Object.entries(subgraphUrls)) {
    const data = await queryData(url, '{ _service { sdl } }');
    services.push({ name, url, typeDefs: parse(data._service.sdl) });
  }
  const result = composeServices(services);
  if (result.errors) {
    throw new Error(`composition failed:\n${result.errors.map((e) => `  ${e.message}`).join('\n')}`);
  }
  writeFileSync(file, result.supergraphSdl + '\n');
}
