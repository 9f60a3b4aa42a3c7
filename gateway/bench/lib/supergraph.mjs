// The one supergraph every gateway gets: the running subgraphs' own SDL, composed by @apollo/composition (Grafbase
// composes the same SDL files itself).
// Without the authorization directives (@requiresScopes): Apollo Gateway refuses a supergraph that links a
// "for: SECURITY" feature (only Apollo's licensed Router enforces them), so no gateway here checks scopes; the
// subgraphs still do, with the token every request carries (lib/auth.mjs).
import { writeFileSync } from 'node:fs';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { queryData } from './http.mjs';

/**
 * Composes the subgraphs ({ name: graphqlUrl }) and writes the supergraph SDL to `file`, and each subgraph's SDL
 * beside it (`<file>.<name>.graphql`); resolves to [{ name, url, sdlFile }].
 */
export async function composeSupergraph(subgraphUrls, file) {
  const services = [];
  for (const [name, url] of Object.entries(subgraphUrls)) {
    const sdl = withoutAuthorizationDirectives((await queryData(url, '{ _service { sdl } }'))._service.sdl);
    const sdlFile = `${file}.${name}.graphql`;
    writeFileSync(sdlFile, sdl);
    services.push({ name, url, sdlFile, typeDefs: parse(sdl) });
  }
  const result = composeServices(services);
  if (result.errors) {
    throw new Error(`composition failed:\n${result.errors.map((e) => `  ${e.message}`).join('\n')}`);
  }
  writeFileSync(file, result.supergraphSdl + '\n');
  return services.map(({ name, url, sdlFile }) => ({ name, url, sdlFile }));
}

/** Grafbase's configuration: the subgraphs' URLs and SDL files, and the client's Authorization passed on to them. */
export function writeGrafbaseConfig(file, subgraphs) {
  const sections = subgraphs.map(({ name, url, sdlFile }) => `[subgraphs.${name}]\nurl = "${url}"\nschema_path = "${sdlFile}"\n`);
  writeFileSync(file, `${sections.join('\n')}\n[[headers]]\nrule = "forward"\nname = "authorization"\n`);
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
