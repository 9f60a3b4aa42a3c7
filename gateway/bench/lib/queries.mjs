// The operations every target is measured with. `direct` names the subgraph that answers the query alone:
// it is also sent straight there, as the ceiling a gateway can reach. A `persisted` query is sent as its SHA-256 only
// (Apollo's automatic persisted queries, registered once before), to our gateway only.
import { createHash } from 'node:crypto';

const NESTED = '{ speakers(first: 20) { edges { node { name topics { title speakers { name } } } } } }';

export const QUERIES = [
  {
    id: 'single',
    title: 'Single-subgraph list',
    query: '{ topics(first: 50) { edges { node { id title keywords } } } }',
    direct: 'topics',
  },
  {
    id: 'nested',
    title: 'Nested cross-service',
    query: NESTED,
  },
  {
    id: 'varied',
    title: 'Nested cross-service, another speaker in every request (nothing for a gateway to merge)',
    query: 'query Speaker($id: ID!) { speaker(id: $id) { name topics { title speakers { name } } } }',
    // under load wrk puts the next of the data set's speaker ids in place of the marker (see graphql.lua)
    variables: { id: '@@V@@' },
    varied: true,
  },
  {
    id: 'nested-persisted',
    title: 'Nested cross-service as a persisted query (its SHA-256 only; our gateway only)',
    query: NESTED,
    persisted: true,
  },
  {
    id: 'deep',
    title: 'Five levels deep (speakers > topics > quotes > speaker > topics)',
    query: '{ speakers(first: 3) { edges { node { name topics { title quotes { text speaker { name topics { title } } } } } } } }',
  },
  {
    id: 'mutation',
    title: 'Mutation (createTopic, a unique title per request)',
    query: 'mutation Create($input: TopicInput!) { createTopic(input: $input) { id title keywords } }',
    // wrk replaces the marker with a value unique to the request (see graphql.lua)
    variables: { input: { title: 'bench @@N@@', keywords: ['bench', 'load'] } },
    mutation: true,
  },
];

/** The same operation with a smaller first page, to show that subgraph calls do not grow with list sizes. */
export const SIZE_PROBES = [
  { of: 'nested', query: QUERIES.find((q) => q.id === 'nested').query.replace('first: 20', 'first: 5') },
  { of: 'deep', query: QUERIES.find((q) => q.id === 'deep').query.replace('first: 3', 'first: 1') },
];

/** Whether the target is measured with the query. */
export function runsOn(query, target) {
  return (target.id !== 'direct' || Boolean(query.direct)) && (!query.persisted || Boolean(target.ours));
}

const persistedQuery = (query) => ({ persistedQuery: { version: 1, sha256Hash: createHash('sha256').update(query.query).digest('hex') } });

/** The body that registers a persisted query: its document with its hash. */
export function registrationBody(query) {
  return JSON.stringify({ query: query.query, extensions: persistedQuery(query) });
}

/**
 * The JSON request body of a query (a persisted one: its hash only); for the mutation, with `unique` in place of its
 * marker; for the varied query, with `value` in place of its marker (without one, wrk fills it in per request).
 */
export function requestBody(query, unique, value) {
  if (query.persisted) return JSON.stringify({ extensions: persistedQuery(query) });
  const body = JSON.stringify({ query: query.query, variables: query.variables });
  const marked = unique === undefined ? body : body.replaceAll('@@N@@', unique);
  return value === undefined ? marked : marked.replaceAll('@@V@@', value);
}
