// How a subgraph call's time grows with its batch size (issue 15: no `_entities` or list call may grow worse than
// linearly). Each call is timed alone, one at a time, at rising sizes; between two sizes the growth exponent is
// log(t2 / t1) / log(n2 / n1): 1 is linear, below 1 a fixed cost still shows, above 1 the call grows faster than its
// batch.
import { postGraphQL } from './http.mjs';

const WARMUP = 5;
const MEASURED = 15;
/** Above this the growth counts as worse than linear (timing noise of single calls on a shared machine). */
export const MAX_EXPONENT = 1.2;

const entities = (selection) => `query($r: [_Any!]!) { _entities(representations: $r) { ... on Speaker { ${selection} } } }`;

/** The calls the benchmark's queries make, with the sizes to time them at (lists: first 0..100). */
function calls(subgraphs, speakerIds) {
  const speakers = (n) => ({ r: speakerIds.slice(0, n).map((id) => ({ __typename: 'Speaker', id })) });
  return [
    { label: 'speakers `_entities` { name }', url: subgraphs.speakers.graphqlUrl, sizes: [10, 100, 300, 1000],
      body: (n) => ({ query: entities('name'), variables: speakers(n) }) },
    { label: 'topics `_entities` Speaker { topics { title } }', url: subgraphs.topics.graphqlUrl, sizes: [10, 100, 300, 1000],
      body: (n) => ({ query: entities('topics { title }'), variables: speakers(n) }) },
    { label: 'topics `_entities` Speaker { topics { title speakers { id } } }', url: subgraphs.topics.graphqlUrl, sizes: [10, 50, 150],
      body: (n) => ({ query: entities('topics { title speakers { id } }'), variables: speakers(n) }) },
    { label: 'speakers `speakers(first: n)`', url: subgraphs.speakers.graphqlUrl, sizes: [10, 30, 100],
      body: (n) => ({ query: `{ speakers(first: ${n}) { edges { node { id name } } } }` }) },
    { label: 'topics `topics(first: n)`', url: subgraphs.topics.graphqlUrl, sizes: [10, 30, 100],
      body: (n) => ({ query: `{ topics(first: ${n}) { edges { node { id title keywords } } } }` }) },
  ];
}

async function medianMs(url, body) {
  const times = [];
  for (let i = 0; i < WARMUP + MEASURED; i++) {
    const started = process.hrtime.bigint();
    const answer = await postGraphQL(url, body);
    if (answer.errors) throw new Error(`${url}: the scaling probe got errors: ${JSON.stringify(answer.errors).slice(0, 500)}`);
    if (i >= WARMUP) times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/** Per call: its sizes with the median time of one call and the exponent from the size before. */
export async function probeScaling(subgraphs, speakerIds) {
  const results = [];
  for (const call of calls(subgraphs, speakerIds)) {
    const points = [];
    // the smoke run's data set is a tenth: no size beyond the speakers there are
    for (const n of call.sizes.filter((size) => size <= speakerIds.length)) {
      const ms = await medianMs(call.url, call.body(n));
      const previous = points.at(-1);
      points.push({ n, ms, exponent: previous ? Math.log(ms / previous.ms) / Math.log(n / previous.n) : undefined });
    }
    results.push({ label: call.label, points });
  }
  return results;
}

/** The target line: { met, text }. */
export function scalingTarget(scaling) {
  const worst = scaling.flatMap((c) => c.points.filter((p) => p.exponent !== undefined).map((p) => ({ ...p, label: c.label })))
    .sort((a, b) => b.exponent - a.exponent)[0];
  if (!worst) return undefined;
  return { met: worst.exponent <= MAX_EXPONENT,
    text: `No subgraph call grows worse than linearly with its batch size: steepest growth ${worst.exponent.toFixed(2)} `
      + `(${worst.label}, up to ${worst.n}); target ≤ ${MAX_EXPONENT} (1 = linear)` };
}

export function renderScaling(lines, scaling, title) {
  lines.push(`### Subgraph call time by batch size (${title.toLowerCase()})`, '');
  lines.push(`Each call alone, one at a time, median of ${MEASURED} after ${WARMUP} warm-up calls; growth between two sizes `
    + 'is log(t2/t1) / log(n2/n1): 1 = linear, below 1 a fixed cost still shows.', '');
  lines.push('| Call | size | ms per call | ms per item | growth from the size before |', '|---|---:|---:|---:|---:|');
  for (const call of scaling) {
    for (const p of call.points) {
      lines.push(`| ${call.label} | ${p.n} | ${p.ms.toFixed(1)} | ${(p.ms / p.n).toFixed(3)} | ${p.exponent === undefined ? '' : p.exponent.toFixed(2)} |`);
    }
  }
  lines.push('');
}
