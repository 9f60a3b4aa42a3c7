// Apollo Gateway as its users run it: Apollo Server with the gateway over a supergraph file.
// Usage: node apollo-gateway.mjs <supergraph.graphql> <port>
import { readFileSync } from 'node:fs';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';

const [supergraphFile, port] = process.argv.slice(2);
// the client's Authorization goes on to the subgraphs (they check it for writes), as Apollo documents it
class ForwardAuthorization extends RemoteGraphQLDataSource {
  willSendRequest({ request, context }) {
    if (context.authorization) request.http.headers.set('authorization', context.authorization);
  }
}
const gateway = new ApolloGateway({ supergraphSdl: readFileSync(supergraphFile, 'utf8'),
  buildService: ({ url }) => new ForwardAuthorization({ url }) });
const server = new ApolloServer({ gateway });
const { url } = await startStandaloneServer(server, { listen: { port: Number(port), host: '127.0.0.1' },
  context: async ({ req }) => ({ authorization: req.headers.authorization }) });
console.log(`Apollo Gateway ready at ${url}`);
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.once(signal, () => server.stop().then(() => process.exit(0)));
}
