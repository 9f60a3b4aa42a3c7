// The one supergraph every gateway gets: the running subgraphs' own SDL, composed by @apollo/composition.
// Without the authorization directives (@requiresScopes): Apollo Gateway refuses a supergraph that links a
// "for: SECURITY" feature (only Apollo's licensed Router enforces them), so no gateway here checks scopes; the
// subgraphs still do, with the token every request carries (lib/auth.mjs).
import { writeFileSync } from 'node:fs';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { queryData } from './http.mjs';

/** Composes the subgraphs ({ name: graphqlUrl }) and writes the supergraph SDL to `file`. */
export async function composeSupergraph(subgraphUrls, file) {
  const services = [];
  for (const [name, url] of Object.entries(subgraphUrls)) {
    const data = await queryData(url, '{ _service { sdl } }');
    services.push({ name, url, typeDefs: parse(withoutAuthorizationDirectives(data._service.sdl)) });
  }
  const result = composeServices(services);
  if (result.errors) {
    throw new Error(`composition failed:\n${result.errors.map((e) => `  ${e.message}`).join('\n')}`);
  }
  writeFileSync(file, result.supergraphSdl + '\n');
}

/** The SDL without @requiresScopes: its applications, import, definition and Scope scalar (as SmallRye prints them). */
function withoutAuthorizationDirectives(sdl) {
  return sdl
    .replace(/^("[^"\n]*"\n)?directive @requiresScopes[^\n]*$/m, '')
    .replace(/^("[^"\n]*"\n)?scalar Scope$/m, '')
    .replace(/\s*@requiresScopes\(scopes\s*:\s*\[[^)]*\]\)/g, '')
    .replace(/,\s*"@requiresScopes"/g, '')
    .replace(/,\s*"Scope"/g, '');
}
