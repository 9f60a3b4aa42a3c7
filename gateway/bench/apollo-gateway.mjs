// Apollo Gateway as its users run it: Apollo Server with the gateway over a supergraph file.
// Usage: node apollo-gateway.mjs <supergraph.graphql> <port>
import { readFileSync } from 'node:fs';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';

const [supergraphFile, port] = process.argv.slice(2);
const gateway = new ApolloGateway({ supergraphSdl: readFileSync(supergraphFile, 'utf8') });
const server = new ApolloServer({ gateway });
const { url } = await startStandaloneServer(server, { listen: { port: Number(port), host: '127.0.0.1' } });
console.log(`Apollo Gateway ready at ${url}`);
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.once(signal, () => server.stop().then(() => process.exit(0)));
}
