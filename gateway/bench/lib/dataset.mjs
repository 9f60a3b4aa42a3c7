// A deterministic data set (seeded generator), loaded through the subgraphs' own GraphQL mutations.
import { queryData } from './http.mjs';

export const SIZES = {
  full: { speakers: 2000, topics: 1000, quotes: 4000 },
  smoke: { speakers: 200, topics: 100, quotes: 400 },
  faults: { speakers: 50, topics: 25, quotes: 100 },
};

const SEED = 20260505;

const FIRST_NAMES = ['Amira', 'Bao', 'Carlos', 'Dilnoza', 'Elif', 'Farid', 'Grace', 'Hiroshi', 'Ines', 'Jamal', 'Kateryna',
  'Lucia', 'Mehmet', 'Nadia', 'Oluwaseun', 'Pedro', 'Qiu', 'Rania', 'Sofia', 'Tariq', 'Umar', 'Valentina', 'Wei', 'Ximena',
  'Yusuf', 'Zanele', 'Anders', 'Bich', 'Chen', 'Dmitri', 'Esra', 'Fatima', 'Goran', 'Hana', 'Ivan', 'Joon'];
const LAST_NAMES = ['Abdullah', 'Bianchi', 'Castro', 'Dlamini', 'Eriksen', 'Fernandes', 'Gupta', 'Haddad', 'Ibrahim', 'Jensen',
  'Kowalski', 'Li', 'Moreau', 'Nguyen', 'Okafor', 'Petrov', 'Quispe', 'Rahman', 'Silva', 'Tanaka', 'Usman', 'Vargas',
  'Wang', 'Xu', 'Yilmaz', 'Zhang', 'Achebe', 'Borg', 'Chowdhury', 'Duarte', 'Ekwueme', 'Farouk', 'Gomez', 'Hakimi'];
const ROLES = ['Ambassador', 'Minister of Trade', 'Reporter', 'Economist', 'Professor', 'Senator', 'Analyst', 'Editor',
  'Envoy', 'Researcher'];
const ORGANIZATIONS = ['CGTN', 'United Nations', 'World Bank', 'Tsinghua University', 'Reuters', 'African Union',
  'ASEAN Secretariat', 'Ministry of Foreign Affairs', 'Brookings', 'Chatham House'];
const COUNTRIES = ['Pakistan', 'China', 'Brazil', 'Kenya', 'Germany', 'India', 'Peru', 'Turkey', 'Nigeria', 'Vietnam',
  'Egypt', 'Norway'];
const ADJECTIVES = ['Regional', 'Digital', 'Green', 'Maritime', 'Rural', 'Urban', 'Financial', 'Cultural', 'Energy',
  'Public', 'Open', 'Shared'];
const NOUNS = ['trade', 'corridors', 'health', 'education', 'security', 'investment', 'infrastructure', 'cooperation',
  'tourism', 'agriculture', 'connectivity', 'innovation'];
const WORDS = ['we', 'our', 'partners', 'will', 'build', 'together', 'growth', 'people', 'markets', 'future', 'roads',
  'ports', 'schools', 'youth', 'dialogue', 'trust', 'progress', 'new', 'long-term', 'projects', 'benefit', 'region'];

/** mulberry32: small, fast and the same on every machine. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The data set of the given sizes; quotes refer to speakers and topics by index. */
export function generate(sizes) {
  const next = random(SEED);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const distinct = (count, bound) => {
    const chosen = new Set();
    while (chosen.size < Math.min(count, bound)) chosen.add(Math.floor(next() * bound));
    return [...chosen];
  };
  const speakers = Array.from({ length: sizes.speakers }, () => ({
    name: `${pick(FIRST_NAMES)} ${pick(LAST_NAMES)}`,
    role: pick(ROLES),
    organization: pick(ORGANIZATIONS),
    country: pick(COUNTRIES),
    bio: `Speaks about ${pick(NOUNS)} and ${pick(NOUNS)}.`,
  }));
  const topics = Array.from({ length: sizes.topics }, (_, i) => ({
    title: `${pick(ADJECTIVES)} ${pick(NOUNS)} ${i + 1}`,
    summary: `How ${pick(NOUNS)} shapes ${pick(NOUNS)}.`,
    keywords: distinct(1 + Math.floor(next() * 3), NOUNS.length).map((k) => NOUNS[k]),
  }));
  const quotes = Array.from({ length: sizes.quotes }, (_, i) => ({
    speaker: Math.floor(next() * sizes.speakers),
    topics: distinct(1 + Math.floor(next() * 3), sizes.topics),
    text: Array.from({ length: 8 + Math.floor(next() * 8) }, () => pick(WORDS)).join(' ') + '.',
    source: `Plenary session ${1 + (i % 40)}`,
  }));
  return { speakers, topics, quotes };
}

/** How often a batch is sent in all before the load gives up, and the pause before each resend. */
const ATTEMPTS = 5;
const RESEND_PAUSE_MS = 2000;

/**
 * Runs one mutation per item, `batch` of them (aliased) per request, `parallel` requests at a time; resolves to the
 * created ids in item order. With parallel = 1 the ids are created in item order too. Every create carries an
 * idempotency key (`keyPrefix` and the item's index), so a batch that failed (a cold service past its time limit) is
 * sent again without creating anything twice.
 */
async function createAll(url, mutation, inputType, items, toInput, batchSize, keyPrefix, parallel = 1) {
  const ids = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const start = next;
      next += batchSize;
      const batch = items.slice(start, start + batchSize);
      const params = batch.map((_, i) => `$i${i}: ${inputType}!`).join(', ');
      const fields = batch.map((_, i) => `m${i}: ${mutation}(input: $i${i}, idempotencyKey: "${keyPrefix}-${start + i}") { id }`).join(' ');
      const variables = Object.fromEntries(batch.map((item, i) => [`i${i}`, toInput(item)]));
      const data = await resent(() => queryData(url, `mutation Load(${params}) { ${fields} }`, variables));
      batch.forEach((_, i) => { ids[start + i] = data[`m${i}`].id; });
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  return ids;
}

async function resent(send) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await send();
    } catch (error) {
      if (attempt === ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, RESEND_PAUSE_MS));
    }
  }
}

/**
 * Loads the data set into the running subgraphs, `batchSize` creates per request: small, since mutations run one
 * after another and a cold service must finish each request within its time limit (plenum.graphql.timeout, 8 s).
 */
export async function load(data, subgraphUrls, batchSize = 10) {
  // speakers and topics one batch after the other, so that pages list them in the same order in every run
  const run = `load-${process.pid}-${Date.now()}`;
  const [speakerIds, topicIds] = await Promise.all([
    createAll(subgraphUrls.speakers, 'createSpeaker', 'SpeakerInput', data.speakers, (s) => s, batchSize, `${run}-speaker`),
    createAll(subgraphUrls.topics, 'createTopic', 'TopicInput', data.topics, (t) => t, batchSize, `${run}-topic`),
  ]);
  await createAll(subgraphUrls.topics, 'addQuote', 'QuoteInput', data.quotes, (q) => ({
    speakerId: speakerIds[q.speaker],
    topicIds: q.topics.map((t) => topicIds[t]),
    text: q.text,
    source: q.source,
  }), batchSize, `${run}-quote`, 4);
}
