// A fast in-memory twin of a real subgraph, for when the real ones (Quarkus + database) saturate before the gateway
// does: the real subgraph's own schema (its introspection) and a copy of its data (dumped through its GraphQL API by
// lib/dump.mjs), answering with the same ordering rules. Only what the benchmark's operations use is supported;
// anything else is answered with an error, never with a guess.
// Usage: node memory-subgraph.mjs <speakers|topics> <schema.json> <sdl.graphql> <data.json> <port>
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { buildClientSchema, execute, GraphQLError, parse, validate } from 'graphql';

const [name, schemaFile, sdlFile, dataFile, port] = process.argv.slice(2);
const schema = buildClientSchema(JSON.parse(readFileSync(schemaFile, 'utf8')));
const sdl = readFileSync(sdlFile, 'utf8');
const data = JSON.parse(readFileSync(dataFile, 'utf8'));

const byNumericId = (a, b) => Number(a.id) - Number(b.id);
const byStringId = (a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function page(items, { first, after, filter }, what) {
  if (filter) throw new GraphQLError(`filter is not supported by the in-memory ${name} subgraph`);
  if (first < 0 || first > 100) throw new GraphQLError(`first must be 0 to 100`, { extensions: { code: 'BAD_USER_INPUT' } });
  let start = 0;
  if (after != null) {
    start = items.findIndex((item) => item.cursor === after) + 1;
    if (start === 0) throw new GraphQLError(`unknown ${what} cursor`, { extensions: { code: 'BAD_USER_INPUT' } });
  }
  const edges = items.slice(start, start + first).map((node) => ({ cursor: node.cursor, node }));
  return {
    edges,
    pageInfo: { endCursor: edges.at(-1)?.cursor ?? null, hasNextPage: start + first < items.length },
    totalCount: items.length,
  };
}

/** The first items of a nested list (Topic.quotes, Speaker.topics, ...): `first` defaults to 10 in the schema. */
function firstOf(items, { first }) {
  if (first < 0 || first > 100) throw new GraphQLError(`first must be between 0 and 100, got ${first}`, { extensions: { code: 'BAD_USER_INPUT' } });
  return items.slice(0, first);
}

function setResolvers(typeName, resolvers) {
  const fields = schema.getType(typeName).getFields();
  for (const [field, resolve] of Object.entries(resolvers)) fields[field].resolve = resolve;
}

function speakersSubgraph() {
  const speakers = data.speakers.map((s) => ({ __typename: 'Speaker', ...s })).sort(byStringId);
  const byId = new Map(speakers.map((s) => [s.id, s]));
  setResolvers('Query', {
    speaker: (_, { id }) => byId.get(id) ?? null,
    speakers: (_, args) => page(speakers, args, 'speaker'),
    _entities: (_, { representations }) => representations.map((r) => (r.__typename === 'Speaker' ? byId.get(r.id) ?? null : null)),
    _service: () => ({ sdl }),
  });
}

function topicsSubgraph() {
  const topics = data.topics.map((t) => ({ __typename: 'Topic', ...t, quoteIds: [] })).sort(byNumericId);
  const topicById = new Map(topics.map((t) => [t.id, t]));
  const quotes = data.quotes.map((q) => ({ __typename: 'Quote', ...q })).sort(byNumericId);
  const quoteById = new Map(quotes.map((q) => [q.id, q]));
  const quotesBySpeaker = new Map();
  for (const quote of quotes) {
    quote.topicIds.forEach((id) => topicById.get(id).quoteIds.push(quote.id));
    if (!quotesBySpeaker.has(quote.speakerId)) quotesBySpeaker.set(quote.speakerId, []);
    quotesBySpeaker.get(quote.speakerId).push(quote);
  }
  let nextTopicId = Math.max(999, ...topics.map((t) => Number(t.id))) + 1;
  const titles = new Set(topics.map((t) => t.title.toLowerCase())); // titles are unique ignoring case
  const speakerRef = (id) => ({ __typename: 'Speaker', id });
  const topicsOf = (quoteList) => [...new Set(quoteList.flatMap((q) => q.topicIds))].map((id) => topicById.get(id)).sort(byNumericId);

  setResolvers('Query', {
    topic: (_, { id }) => topicById.get(id) ?? null,
    quote: (_, { id }) => quoteById.get(id) ?? null,
    topics: (_, args) => page(topics, args, 'topic'),
    _entities: (_, { representations }) => representations.map((r) => {
      if (r.__typename === 'Speaker') return speakerRef(r.id);
      if (r.__typename === 'Topic') return topicById.get(r.id) ?? null;
      if (r.__typename === 'Quote') return quoteById.get(r.id) ?? null;
      return null;
    }),
    _service: () => ({ sdl }),
  });
  setResolvers('Topic', {
    quotes: (topic, args) => firstOf(topic.quoteIds.map((id) => quoteById.get(id)), args),
    speakers: (topic, args) => firstOf([...new Set(topic.quoteIds.map((id) => quoteById.get(id).speakerId))].sort(), args).map(speakerRef),
  });
  setResolvers('Quote', {
    speaker: (quote) => speakerRef(quote.speakerId),
    topics: (quote, args) => firstOf(topicsOf([quote]), args),
  });
  setResolvers('Speaker', {
    quotes: (speaker, args) => firstOf(quotesBySpeaker.get(speaker.id) ?? [], args),
    topics: (speaker, args) => firstOf(topicsOf(quotesBySpeaker.get(speaker.id) ?? []), args),
  });
  setResolvers('Mutation', {
    createTopic: (_, { input }) => {
      const title = input.title.trim();
      if (titles.has(title.toLowerCase())) {
        throw new GraphQLError(`A topic titled "${title}" exists already`, { extensions: { code: 'BAD_USER_INPUT' } });
      }
      const topic = { __typename: 'Topic', id: String(nextTopicId++), title, summary: input.summary ?? null, keywords: input.keywords ?? [], quoteIds: [] };
      topics.push(topic);
      topicById.set(topic.id, topic);
      titles.add(title.toLowerCase());
      return topic;
    },
  });
}

if (name === 'speakers') speakersSubgraph();
else topicsSubgraph();

const documents = new Map(); // validated documents by query text
let served = 0;
let servedSeconds = 0;

function run(request) {
  let document = documents.get(request.query);
  if (!document) {
    document = parse(request.query);
    const errors = validate(schema, document);
    if (errors.length) return { errors };
    documents.set(request.query, document);
  }
  return execute({ schema, document, variableValues: request.variables, operationName: request.operationName });
}

createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/q/health/ready') {
    res.end('{"status":"UP"}');
  } else if (req.method === 'GET' && req.url === '/q/metrics') {
    // the same counters as the real subgraphs, so that subgraph calls are counted the same way
    res.end(`http_server_requests_seconds_count{method="POST",uri="/graphql"} ${served}\n`
      + `http_server_requests_seconds_sum{method="POST",uri="/graphql"} ${servedSeconds}\n`);
  } else if (req.method === 'POST' && req.url === '/graphql') {
    const started = process.hrtime.bigint();
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      let result;
      try {
        result = run(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch (error) {
        result = { errors: [{ message: error.message }] };
      }
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(result));
      served++;
      servedSeconds += Number(process.hrtime.bigint() - started) / 1e9;
    });
  } else {
    res.statusCode = 404;
    res.end();
  }
}).listen(Number(port), '127.0.0.1', () => console.log(`in-memory ${name} subgraph on port ${port}`));
