// The reference gateways, in this process: Apollo Gateway (in Apollo Server, as users run it) and Hive Gateway
// with its Rust query planner (@graphql-hive/router-runtime). Hive Gateway is taken as its runtime library,
// @graphql-hive/gateway-runtime 2.12.1, the one @graphql-hive/gateway 2.15.1 runs: the CLI package would add
// 500 MB of node_modules and minutes of `npm ci` to every build. Its subgraph transport, which the CLI package
// brings, is @graphql-mesh/transport-http 1.2.1 (loaded by name).
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import { unifiedGraphHandler } from '@graphql-hive/router-runtime';

export async function startApollo(supergraphSdl) {
  const server = new ApolloServer({ gateway: new ApolloGateway({ supergraphSdl, logger: quietLogger() }), logger: quietLogger() });
  await server.start();
  return {
    name: 'apollo',
    async query(request) {
      const { body } = await server.executeOperation(request);
      return body.singleResult;
    },
    stop: () => server.stop(),
  };
}

export async function startHive(supergraph) {
  const runtime = createGatewayRuntime({ supergraph, unifiedGraphHandler, logging: false });
  return {
    name: 'hive',
    async query(request) {
      const response = await runtime.fetch('http://hive.local/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(request),
      });
      return response.json();
    },
    stop: () => runtime[Symbol.asyncDispose](),
  };
}

function quietLogger() {
  const ignore = () => {};
  return { debug: ignore, info: ignore, warn: ignore, error: ignore };
}
