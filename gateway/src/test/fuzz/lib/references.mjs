// The reference gateways, in this process: Apollo Gateway (in Apollo Server, as users run it) and Hive Gateway
// with its Rust query planner (@graphql-hive/router-runtime).
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { createGatewayRuntime } from '@graphql-hive/gateway';
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
