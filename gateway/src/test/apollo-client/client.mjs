// Apollo Client as a web application uses it: the persisted query link (SHA-256 from node:crypto, GET for hashed
// queries) in front of the HTTP link. Prints what went over the wire and what the application got, as JSON.
//
//   node client.mjs manifest <file>     writes the manifest of the listed operations, as a client's build does
//   node client.mjs apq <graphql-url>   runs Titles twice, then Book
//   node client.mjs trusted <graphql-url>  runs Titles (listed), then AdHoc (not listed)
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { ApolloClient, ApolloLink, CombinedGraphQLErrors, HttpLink, InMemoryCache, ServerError, gql } from '@apollo/client';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { addTypenameToDocument, print } from '@apollo/client/utilities';

const sha256 = (text) => createHash('sha256').update(text).digest('hex');

const TITLES = gql`query Titles { books { title } }`;
const BOOK = gql`query Book($isbn: ID!) { book(isbn: $isbn) { title } }`;
const AD_HOC = gql`query AdHoc { books { isbn } }`;

const SCENARIOS = {
  apq: [[TITLES], [TITLES], [BOOK, { isbn: '978-0-00-000002-2' }]],
  trusted: [[TITLES], [AD_HOC]],
};

const [command, target] = process.argv.slice(2);
if (command === 'manifest') {
  writeManifest(target);
} else if (SCENARIOS[command]) {
  await run(SCENARIOS[command], target);
} else {
  console.error(`unknown command ${command}`);
  process.exit(2);
}

/**
 * Apollo's persisted query manifest: the documents as the client sends them (its cache adds __typename to every
 * selection), the ids their hashes, as @apollo/generate-persisted-query-manifest writes it.
 */
function writeManifest(file) {
  const operations = [[TITLES, 'Titles'], [BOOK, 'Book']].map(([document, name]) => {
    const body = print(addTypenameToDocument(document));
    return { id: sha256(body), name, type: 'query', body };
  });
  writeFileSync(file, JSON.stringify({ format: 'apollo-persisted-query-manifest', version: 1, operations }));
}

async function run(operations, uri) {
  const requests = [];
  const recordingFetch = async (url, init = {}) => {
    const request = { method: init.method ?? 'GET', ...sent(url, init) };
    requests.push(request);
    const response = await fetch(url, init);
    request.status = response.status;
    return response;
  };
  const client = new ApolloClient({
    cache: new InMemoryCache(),
    link: ApolloLink.from([
      new PersistedQueryLink({ sha256, useGETForHashedQueries: true }),
      new HttpLink({ uri, fetch: recordingFetch }),
    ]),
  });
  const results = [];
  for (const [query, variables] of operations) {
    try {
      const { data } = await client.query({ query, variables, fetchPolicy: 'network-only' });
      results.push({ data });
    } catch (error) {
      results.push({ error: errorCodes(error) });
    }
  }
  console.log(JSON.stringify({ requests, results }));
}

/** Whether a request carried the document and which hash, from the URL (GET) or the JSON body (POST). */
function sent(url, init) {
  if ((init.method ?? 'GET') === 'GET') {
    const parameters = new URL(url).searchParams;
    const extensions = JSON.parse(parameters.get('extensions') ?? '{}');
    return { document: parameters.has('query'), hash: extensions.persistedQuery?.sha256Hash ?? null };
  }
  const body = JSON.parse(init.body);
  return { document: typeof body.query === 'string', hash: body.extensions?.persistedQuery?.sha256Hash ?? null };
}

/** The GraphQL error codes the application sees, whether the link reports them as a result or as a server error. */
function errorCodes(error) {
  if (CombinedGraphQLErrors.is(error)) {
    return error.errors.map((e) => e.extensions?.code ?? e.message);
  }
  if (ServerError.is(error)) {
    try {
      return JSON.parse(error.bodyText).errors.map((e) => e.extensions?.code ?? e.message);
    } catch {
      return [`HTTP ${error.statusCode}`];
    }
  }
  return [String(error)];
}
