// Executable subgraphs from a fixture's SDLs (buildSubgraphSchema + generic resolvers), served by one local HTTP
// server for all fixtures at /<fixture>/<subgraph>.
import { createServer } from 'node:http';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { execute, parse } from 'graphql';
import { resolveField, resolveReference } from './data.mjs';

export async function startSubgraphServer() {
  const routes = new Map();
  const server = createServer((request, response) => serve(routes, request, response));
  // idle connections outlive the gateways' pools: a close racing a pooled request would fail that fetch
  server.keepAliveTimeout = 10 * 60 * 1000;
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${server.address().port}`;
  return {
    base,
    /** Serves the fixture's subgraphs; returns each one's URL by name. */
    mount(fixture, model) {
      for (const { name, document } of model.subgraphs) routes.set(`/${fixture.name}/${name}`, executableSubgraph(document, model));
      return (name) => `${base}/${fixture.name}/${name}`;
    },
    /** Extra routes on the same server (the supergraph Plenum polls). */
    route(path, handler) {
      routes.set(path, { handler });
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

function executableSubgraph(document, model) {
  const resolvers = {};
  let schema;
  for (const def of document.definitions) {
    if (def.name && def.directives?.some((d) => d.name.value === 'key')) {
      resolvers[def.name.value] = { __resolveReference: (rep) => resolveReference(model, schema, def.name.value, rep) };
    }
  }
  schema = buildSubgraphSchema({ typeDefs: document, resolvers });
  return { schema, model, documents: new Map() };
}

async function serve(routes, request, response) {
  const route = routes.get(request.url);
  if (!route) {
    response.writeHead(404).end();
    return;
  }
  if (route.handler) {
    route.handler(request, response);
    return;
  }
  const chunks = [];
  for await (const chunk of request) chunks.push(chunk);
  const { query, variables, operationName } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  const body = await run(route, query, variables, operationName);
  response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

async function run({ schema, model, documents }, query, variables, operationName) {
  try {
    if (!documents.has(query)) documents.set(query, parse(query));
    return await execute({ schema, document: documents.get(query), variableValues: variables, operationName,
      contextValue: { model, schema }, fieldResolver: resolveField });
  } catch (error) {
    return { errors: [{ message: String(error.message ?? error) }] };
  }
}
