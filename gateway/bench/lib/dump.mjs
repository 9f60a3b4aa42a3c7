// Copies a real subgraph for its in-memory twin (memory-subgraph.mjs): schema, SDL and data, read through its API.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getIntrospectionQuery } from 'graphql';
import { queryData } from './http.mjs';

const SPEAKER_PAGE = `query Page($after: String) { speakers(first: 100, after: $after) {
  edges { cursor node { id name role organization country bio } } pageInfo { endCursor hasNextPage } } }`;
// a topic's quotes come in pages of at most 100 too: the bench's data sets have far fewer per topic (checked below)
const QUOTES_PER_TOPIC = 100;
const TOPIC_PAGE = `query Page($after: String) { topics(first: 100, after: $after) {
  edges { cursor node { id title summary keywords quotes(first: ${QUOTES_PER_TOPIC}) { id text source speaker { id } } } }
  pageInfo { endCursor hasNextPage } } }`;

async function allPages(url, query, field) {
  const nodes = [];
  let after = null;
  for (;;) {
    const connection = (await queryData(url, query, { after }))[field];
    nodes.push(...connection.edges.map((edge) => ({ ...edge.node, cursor: edge.cursor })));
    if (!connection.pageInfo.hasNextPage) return nodes;
    after = connection.pageInfo.endCursor;
  }
}

/** Writes <dir>/<name>.schema.json, .graphql and .data.json for each subgraph ({ name: graphqlUrl }). */
export async function dumpSubgraphs(subgraphUrls, dir) {
  for (const [name, url] of Object.entries(subgraphUrls)) {
    writeFileSync(join(dir, `${name}.schema.json`), JSON.stringify(await queryData(url, getIntrospectionQuery())));
    writeFileSync(join(dir, `${name}.graphql`), (await queryData(url, '{ _service { sdl } }'))._service.sdl);
  }
  const speakers = await allPages(subgraphUrls.speakers, SPEAKER_PAGE, 'speakers');
  const topicNodes = await allPages(subgraphUrls.topics, TOPIC_PAGE, 'topics');
  const quotes = new Map();
  for (const topic of topicNodes) {
    if (topic.quotes.length >= QUOTES_PER_TOPIC) throw new Error(`topic ${topic.id} has more quotes than one read copies`);
    for (const quote of topic.quotes) {
      if (!quotes.has(quote.id)) quotes.set(quote.id, { id: quote.id, text: quote.text, source: quote.source, speakerId: quote.speaker.id, topicIds: [] });
      quotes.get(quote.id).topicIds.push(topic.id);
    }
  }
  const topics = topicNodes.map(({ quotes: _, ...topic }) => topic);
  writeFileSync(join(dir, 'speakers.data.json'), JSON.stringify({ speakers }));
  writeFileSync(join(dir, 'topics.data.json'), JSON.stringify({ topics, quotes: [...quotes.values()] }));
}
