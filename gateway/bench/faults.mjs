// The fault run (issue 13's process-level tests): the packaged services on loopback, faults injected with signals
// while load runs through our gateway, every check printed with its numbers, then a short soak. Exits non-zero when a
// check fails. Usage: node faults.mjs   (run.sh --faults installs and builds what this needs first)
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { metricValue, postGraphQL, queryData } from './lib/http.mjs';
import * as procs from './lib/processes.mjs';
import { SIZES } from './lib/dataset.mjs';
import { QUERIES, requestBody } from './lib/queries.mjs';
import { judgeSoak, soak } from './lib/soak.mjs';
import { SYSTEM_SUBGRAPH_FLAGS, log, newRun, startSystem } from './lib/system.mjs';

// our gateway's defaults: subgraph-timeout, resilience.circuit-breaker.delay
const SUBGRAPH_TIMEOUT_MS = 10000;
const BREAKER_DELAY_MS = 5000;
// speakers-service re-sends pending deletions every 30 s instead of 10 s: a longer window for test 5 to query in
const SPEAKERS_FLAGS = ['-Dplenum.speaker-deletions.retry-interval=30s'];
const BREAKER_OPENED = ['ft_circuitbreaker_opened_total', 'method="subgraph topics"'];
// beyond the breaker's delay: a half-open probe to a resumed JVM (working off what queued up while it was stopped)
// and the answers after it, on a busy machine
const RECOVERY_SLACK_MS = 15000;
const AFTER_SIGCONT = [BREAKER_DELAY_MS + RECOVERY_SLACK_MS, `breaker delay + ${RECOVERY_SLACK_MS / 1000} s`];
// a just started JVM may first take longer than the subgraph timeout (its event loop busy warming up): one probe more
const AFTER_RESTART = [2 * BREAKER_DELAY_MS + SUBGRAPH_TIMEOUT_MS + RECOVERY_SLACK_MS,
  `2 × breaker delay + subgraph timeout + ${RECOVERY_SLACK_MS / 1000} s`];
const LATENCY_SLACK_MS = 2000;
const CREATES = 200;
const PARALLEL_CREATES = 20;
const KILL_AFTER_ACKNOWLEDGED = 70;
/**
 * A client's pauses before sending a failed create again (each jittered down to half, up to 55 s in all): a create with
 * an idempotency key is safe to resend until it answers, and a restarted service may need that long to warm up on a
 * busy machine while the breaker keeps probing it.
 */
const RESEND_PAUSES_MS = [1000, 2000, 4000, 8000, 10000, 10000, 10000, 10000];
const NESTED = 'query Nested($first: Int) { speakers(first: $first) { edges { node { id name topics { title speakers { name } } } } } }';
const ADD_QUOTE = 'mutation Add($input: QuoteInput!, $key: String) { addQuote(input: $input, idempotencyKey: $key) { id text } }';
const TOPIC_QUOTES = 'query Q($id: ID!) { topic(id: $id) { id title quotes(first: 10) { id text speaker { id name } } } }';

const results = [];
function check(ok, text) {
  results.push({ ok, text });
  log(`${ok ? 'ok  ' : 'FAIL'} ${text}`);
}

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] : NaN;
};
const ms = (value) => `${Math.round(value)} ms`;
const latencies = (samples) => `p50 ${ms(percentile(samples.map((s) => s.ms), 0.5))}, max ${ms(Math.max(...samples.map((s) => s.ms)))}`;

/**
 * Full: no error, every speaker asked for with a name and a topics list. Partial: every speaker with a name, no topics,
 * and every error from the topics subgraph with one of `codes`. Anything else is bad.
 */
function classify(answer, first, codes) {
  if (answer.transport) return { kind: 'bad', detail: answer.transport };
  const nodes = answer.data?.speakers?.edges?.map((edge) => edge?.node);
  const named = nodes?.length === first && nodes.every((node) => typeof node?.name === 'string');
  const detail = JSON.stringify(answer).slice(0, 400);
  if (!answer.errors) return { kind: named && nodes.every((node) => Array.isArray(node.topics)) ? 'full' : 'bad', detail };
  const fromTopics = answer.errors.every((e) => e.extensions?.serviceName === 'topics' && codes.includes(e.extensions?.code));
  const partial = named && nodes.every((node) => node.topics === null) && fromTopics;
  return { kind: partial ? 'partial' : 'bad', messages: answer.errors.map((e) => e.message), detail };
}

/** Workers sending the nested query (first: 11 to 30 in turn, so that concurrent requests share no fetch) until stopped. */
function nestedLoad(url, codes, workers) {
  const samples = [];
  let running = true;
  let counter = 0;
  const worker = async () => {
    while (running) {
      const first = 11 + (counter++ % 20);
      const startedAt = Date.now();
      const started = performance.now();
      let answer;
      try {
        answer = await postGraphQL(url, { query: NESTED, variables: { first } });
      } catch (error) {
        answer = { transport: error.message };
      }
      samples.push({ startedAt, at: Date.now(), ms: performance.now() - started, ...classify(answer, first, codes) });
    }
  };
  const done = Promise.all(Array.from({ length: workers }, worker));
  return {
    between: (from, to = Infinity) => samples.filter((s) => s.startedAt >= from && s.at < to),
    /**
     * Resolves once `count` full answers came (the gateway warm), then 4 s later and 5 answers begun after them (a busy
     * machine may need longer), to the time of the last of the `count`.
     */
    warm: async (count = 20) => {
      const last = await until(() => samples.filter((s) => s.kind === 'full')[count - 1], 60000, `${count} full answers`);
      await sleep(4000);
      await until(() => samples.filter((s) => s.startedAt >= last.at).length >= 5, 60000, '5 answers after the warm-up');
      return last.at;
    },
    stop: async () => {
      running = false;
      await done;
    },
  };
}

async function until(probe, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs / 1000} s`);
    await sleep(100);
  }
}

async function kill9(proc) {
  const exited = new Promise((resolve) => proc.child.once('exit', resolve));
  proc.child.kill('SIGKILL');
  await exited;
}


/** Answers of a phase: how many, their kinds, latency. */
function phase(samples, wanted, text) {
  const wrong = samples.filter((s) => !wanted.includes(s.kind));
  check(samples.length > 0 && wrong.length === 0, `${text}: ${samples.length} answers, ${wrong.length} not ${wanted.join(' or ')}`
    + `${samples.length ? `, ${latencies(samples)}` : ''}${wrong.length ? ` (${wrong[0].kind}: ${wrong[0].detail})` : ''}`);
}

/** Waits for the first full answer begun after `from`; checks it came within `bound` and answers stayed full. */
async function recovery(load, from, what, [bound, boundText]) {
  const first = await until(() => load.between(from).find((s) => s.kind === 'full'), 60000, `${what}: a full answer`);
  const took = first.at - from;
  check(took <= bound, `${what}: first full answer ${ms(took)} after it (bound: ${boundText} = ${ms(bound)})`);
  const settled = first.at + 1000;
  await until(() => load.between(settled).length >= 10, 30000, `${what}: 10 answers`);
  phase(load.between(settled, Date.now()), ['full'], `${what}: from 1 s after the first full answer on`);
}

/** Test 5's data: a speaker of its own with a quote on a topic of its own. */
async function deletionSetup(url) {
  const name = `Fault Run Speaker ${process.pid}`;
  const speakerId = (await queryData(url, 'mutation($i: SpeakerInput!) { createSpeaker(input: $i) { id } }',
    { i: { name, role: 'Envoy', organization: 'Fault run', country: 'Peru', bio: 'Deleted while topics-service is down.' } })).createSpeaker.id;
  const topicId = (await queryData(url, 'mutation($i: TopicInput!) { createTopic(input: $i) { id } }',
    { i: { title: `Fault run deletion ${process.pid}`, summary: 'test 5', keywords: ['faults'] } })).createTopic.id;
  const quoteId = (await queryData(url, ADD_QUOTE, { input: { speakerId, topicIds: [topicId], text: 'Said before the deletion.', source: 'fault run' } })).addQuote.id;
  const answer = await postGraphQL(url, { query: TOPIC_QUOTES, variables: { id: topicId } });
  const said = answer.data?.topic?.quotes?.find((q) => q.id === quoteId);
  check(!answer.errors && said?.speaker?.name === name, `5. before the deletion: the topic's quote names its speaker (${JSON.stringify(said)})`);
  return { speakerId, topicId, quoteId, name };
}

/**
 * Test 5 from topics-service's restart on: the topic asked for until the clean-up removed the quote, and 2 s more. No
 * error but topics-service's unavailability (its breaker, a cold JVM's timeouts); the deleted speaker resolved by name.
 */
async function deletionAfterRestart(url, { topicId, quoteId, name }, backAt) {
  const answers = [];
  let goneAt;
  while ((!goneAt || Date.now() < goneAt + 2000) && Date.now() < backAt + 60000) {
    const answer = await postGraphQL(url, { query: TOPIC_QUOTES, variables: { id: topicId } });
    const quote = answer.data?.topic?.quotes?.find((q) => q.id === quoteId);
    answers.push({ answer, quote });
    if (!answer.errors && answer.data?.topic && !quote) goneAt ??= Date.now();
    await sleep(200);
  }
  const unavailable = answers.filter(({ answer }) => answer.errors?.every((e) => e.extensions?.serviceName === 'topics'
    && ['SUBGRAPH_UNAVAILABLE', 'SUBGRAPH_TIMEOUT'].includes(e.extensions?.code)));
  const failed = answers.filter((a) => !unavailable.includes(a) && (a.answer.errors || !a.answer.data?.topic));
  const window = answers.filter(({ answer, quote }) => !answer.errors && quote);
  check(failed.length === 0, `5. from topics-service's restart on: ${answers.length} queries of the topic, ${unavailable.length} `
    + `answered only that topics-service was unavailable, ${failed.length} with another error or no topic`
    + `${failed.length ? ` (${JSON.stringify(failed[0].answer).slice(0, 300)})` : ''}`);
  check(window.every(({ quote }) => quote.speaker?.name === name), `5. before the clean-up: ${window.length} answers still had `
    + 'the quote, its deleted speaker resolved by name in each');
  check(Boolean(goneAt), `5. the clean-up removed the speaker's quote ${goneAt ? ms(goneAt - backAt) : 'never'} after the restart`);
}

/** Tests 1 and 5: topics-service killed under load, a speaker deleted meanwhile, restarted. */
async function killedSubgraph({ gateway, subgraphs }) {
  const deletion = await deletionSetup(gateway.url);
  const load = nestedLoad(gateway.url, ['SUBGRAPH_UNAVAILABLE'], 6);
  const startedAt = await load.warm();
  const killedAt = Date.now();
  await kill9(subgraphs.topics.proc);
  log('1. topics-service killed (SIGKILL) under load');
  const deleted = await postGraphQL(gateway.url, {
    query: 'mutation($id: ID!) { deleteSpeaker(id: $id) { deleted topicsCleanup } }', variables: { id: deletion.speakerId } });
  // topics-service is down: the answer must say its clean-up is still to come
  check(deleted.data?.deleteSpeaker?.deleted === true && deleted.data.deleteSpeaker.topicsCleanup === 'PENDING' && !deleted.errors,
    `5. deleteSpeaker while topics-service is down answers deleted, clean-up PENDING: ${JSON.stringify(deleted)}`);
  const lookup = await postGraphQL(gateway.url, { query: 'query($id: ID!) { speaker(id: $id) { name } }', variables: { id: deletion.speakerId } });
  check(!lookup.errors && lookup.data?.speaker === null, `5. the deleted speaker asked for meanwhile: ${JSON.stringify(lookup)}`);
  await sleep(4000);
  const restartAt = Date.now();
  await subgraphs.topics.restart();
  const backAt = Date.now();
  log(`1. topics-service started again, ready ${ms(backAt - restartAt)} after the start`);
  const afterRestart = deletionAfterRestart(gateway.url, deletion, backAt);
  phase(load.between(startedAt, killedAt), ['full'], '1. before the kill');
  const down = load.between(killedAt, restartAt);
  phase(down, ['partial'], '1. while topics-service is down, answers with the speakers and SUBGRAPH_UNAVAILABLE on topics only');
  await recovery(load, backAt, '1. after topics-service is ready again', AFTER_RESTART);
  await load.stop();
  await afterRestart;
  check(!gateway.proc.exited, `1. the gateway ran throughout (pid ${gateway.proc.pid}, not restarted)`);
}

/** Test 2: topics-service hung with SIGSTOP under load, then SIGCONT. */
async function hungSubgraph({ gateway, subgraphs }) {
  const topics = subgraphs.topics.proc;
  // 12 clients: 12 timed-out fetches of the last 20 open the breaker after one subgraph timeout
  const load = nestedLoad(gateway.url, ['SUBGRAPH_TIMEOUT', 'SUBGRAPH_UNAVAILABLE'], 12);
  const startedAt = await load.warm();
  const openedBefore = await metricValue(gateway.baseUrl, ...BREAKER_OPENED);
  const stoppedAt = Date.now();
  process.kill(topics.pid, 'SIGSTOP');
  log('2. topics-service stopped (SIGSTOP) under load');
  try {
    await sleep(2 * SUBGRAPH_TIMEOUT_MS + 5000);
  } finally {
    process.kill(topics.pid, 'SIGCONT');
  }
  const continuedAt = Date.now();
  log('2. topics-service continued (SIGCONT)');
  const openedDuring = await metricValue(gateway.baseUrl, ...BREAKER_OPENED) - openedBefore;
  phase(load.between(startedAt, stoppedAt), ['full'], '2. before the stop');
  const hung = load.between(stoppedAt, continuedAt);
  phase(hung, ['partial'], '2. while topics-service is hung, answers with the speakers and SUBGRAPH_TIMEOUT/UNAVAILABLE on topics only');
  const bound = SUBGRAPH_TIMEOUT_MS + LATENCY_SLACK_MS;
  const slowest = Math.max(...hung.map((s) => s.ms));
  check(slowest <= bound, `2. latency bounded while hung: slowest answer ${ms(slowest)} (bound: subgraph timeout ${ms(SUBGRAPH_TIMEOUT_MS)} `
    + `+ ${ms(LATENCY_SLACK_MS)})`);
  const resting = hung.filter((s) => s.messages?.some((m) => m.includes('not called for a moment')));
  check(openedDuring >= 1 && resting.length > 0, `2. the breaker opened: ft_circuitbreaker_opened_total{method="subgraph topics"} +${openedDuring}; `
    + `${resting.length} of ${hung.length} answers said "not called for a moment"${resting.length ? `, the first `
    + `${ms(resting[0].at - stoppedAt)} after the stop; theirs ${latencies(resting)}` : ''}`);
  await recovery(load, continuedAt, '2. after SIGCONT', AFTER_SIGCONT);
  await load.stop();
}

/** Runs `task(i)` for 0..count-1, `parallel` at a time. */
async function inParallel(count, parallel, task) {
  let next = 0;
  await Promise.all(Array.from({ length: parallel }, async () => {
    while (next < count) await task(next++);
  }));
}

/** Test 4: CREATES parallel addQuote calls with idempotency keys, topics-service killed midway. */
async function crashDuringCreates({ gateway, subgraphs }) {
  const url = gateway.url;
  const tag = `faults-${process.pid}`;
  const speakerIds = [];
  for (let i = 0; i < 4; i++) {
    speakerIds.push((await queryData(url, 'mutation($i: SpeakerInput!) { createSpeaker(input: $i) { id } }',
      { i: { name: `Fault Run Quoter ${i}`, role: 'Editor', organization: 'Fault run', country: 'Kenya', bio: 'Quoted a lot.' } })).createSpeaker.id);
  }
  const topicIds = [];
  for (const n of [1, 2]) {
    topicIds.push((await queryData(url, 'mutation($i: TopicInput!) { createTopic(input: $i) { id } }',
      { i: { title: `Fault run creates ${process.pid} ${n}`, summary: 'test 4', keywords: ['faults'] } })).createTopic.id);
  }
  const creates = Array.from({ length: CREATES }, (_, i) => ({
    input: { speakerId: speakerIds[i % speakerIds.length], topicIds, text: `${tag} quote ${i}`, source: 'fault run' },
    key: `${tag}-${i}`,
  }));
  const send = async (i) => {
    try {
      const answer = await postGraphQL(url, { query: ADD_QUOTE, variables: creates[i] });
      return answer.errors ? { error: answer.errors.map((e) => e.extensions?.code).join(',') } : { id: answer.data.addQuote.id };
    } catch (error) {
      return { error: error.message };
    }
  };
  const outcomes = new Array(CREATES);
  let acknowledged = 0;
  let killed;
  const started = Date.now();
  await inParallel(CREATES, PARALLEL_CREATES, async (i) => {
    outcomes[i] = await send(i);
    if (outcomes[i].id && ++acknowledged === KILL_AFTER_ACKNOWLEDGED) killed = kill9(subgraphs.topics.proc);
  });
  check(Boolean(killed), `4. topics-service was killed midway (after ${KILL_AFTER_ACKNOWLEDGED} of ${CREATES} acknowledgements)`);
  await (killed ?? kill9(subgraphs.topics.proc));
  const acked = outcomes.map((o, i) => ({ ...o, i })).filter((o) => o.id);
  const errorCodes = [...new Set(outcomes.filter((o) => o.error).map((o) => o.error))];
  log(`4. ${CREATES} addQuote with idempotency keys, ${PARALLEL_CREATES} at a time, topics-service killed after the ${KILL_AFTER_ACKNOWLEDGED}th `
    + `acknowledgement: ${acked.length} acknowledged, ${CREATES - acked.length} failed (${errorCodes.join('; ')}) in ${ms(Date.now() - started)}`);
  const restartAt = Date.now();
  await subgraphs.topics.restart();
  await until(async () => !(await postGraphQL(url, { query: TOPIC_QUOTES, variables: { id: topicIds[0] } })).errors, 30000, 'topics through the gateway');
  log(`4. topics-service restarted; topics answer through the gateway ${ms(Date.now() - restartAt)} after the start`);

  // every quote of the four speakers, as stored (a speaker's quotes are read from the quote table, links or not)
  const stored = async () => {
    const quotes = [];
    for (const id of speakerIds) {
      const data = await queryData(url, 'query($id: ID!) { speaker(id: $id) { quotes(first: 100) { id text topics(first: 20) { id } } } }', { id });
      quotes.push(...data.speaker.quotes);
    }
    return quotes;
  };
  const judge = (quotes, when) => {
    const byText = new Map();
    quotes.forEach((q) => byText.set(q.text, [...(byText.get(q.text) ?? []), q]));
    const duplicated = [...byText.values()].filter((list) => list.length > 1).length;
    const wanted = [...topicIds].sort().join();
    const halfWritten = quotes.filter((q) => q.topics.map((t) => t.id).sort().join() !== wanted).length;
    check(duplicated === 0 && halfWritten === 0, `4. ${when}: ${quotes.length} quotes stored, ${duplicated} texts stored twice, `
      + `${halfWritten} without both topic links`);
    return byText;
  };
  const before = judge(await stored(), 'after the restart');
  const lost = acked.filter((o) => before.get(creates[o.i].input.text)?.[0]?.id !== o.id);
  const inDoubt = outcomes.filter((o, i) => o.error && before.has(creates[i].input.text)).length;
  check(lost.length === 0, `4. every acknowledged create is there with its id: ${acked.length - lost.length} of ${acked.length}`
    + ` (and ${inDoubt} that answered with an error were committed)`);

  // as a client would: a create that answers an error (SUBGRAPH_UNAVAILABLE while the breaker is open, a timeout
  // while the restarted service is still cold) is sent again after a growing pause, not at once
  const retried = new Array(CREATES);
  const extraAttempts = [];
  await inParallel(CREATES, PARALLEL_CREATES, async (i) => {
    retried[i] = await send(i);
    for (let attempt = 1; attempt <= RESEND_PAUSES_MS.length && retried[i].error; attempt++) {
      extraAttempts.push(retried[i].error);
      await sleep(RESEND_PAUSES_MS[attempt - 1] * (0.5 + Math.random() / 2));
      retried[i] = await send(i);
    }
  });
  const retryFailures = retried.filter((o) => !o.id);
  const changed = acked.filter((o) => retried[o.i].id !== o.id).length;
  const committed = outcomes.filter((o, i) => o.error && before.has(creates[i].input.text));
  const sameAsStored = retried.filter((o, i) => before.has(creates[i].input.text) && before.get(creates[i].input.text)[0].id !== o.id).length;
  check(retryFailures.length === 0 && changed === 0 && sameAsStored === 0, `4. all ${CREATES} retried with their keys `
    + `(${extraAttempts.length} sent once more after an error${extraAttempts.length ? `: ${[...new Set(extraAttempts)].join(', ')}` : ''}): `
    + `${retryFailures.length} failed${retryFailures.length ? ` (${retryFailures.map((o) => o.error).join(', ')})` : ''}, `
    + `${changed} acknowledged ones answered another id, ${sameAsStored} stored ones answered another id`);
  const after = judge(await stored(), 'after the retries');
  const ids = new Set(retried.map((o) => o.id));
  check(after.size === CREATES && [...after.values()].every((list) => ids.has(list[0].id)), `4. count before the retries ${before.size} `
    + `(${acked.length} acknowledged + ${committed.length} committed without an answer), after ${after.size}: `
    + `${after.size - before.size} created by the retries, exactly the ${CREATES - before.size} that were missing, each once`);
}

async function main() {
  const started = Date.now();
  const run = newRun();
  log(`Fault run; logs in ${run.logDir}`);
  log(`settings changed for the run: the subgraphs ${SYSTEM_SUBGRAPH_FLAGS.join(' ')} (default 8 s), speakers-service `
    + `${SPEAKERS_FLAGS.join(' ')} (default 10 s); our gateway all default `
    + `(subgraph timeout ${SUBGRAPH_TIMEOUT_MS / 1000} s; breaker: 20 fetches, failure ratio 0.5, delay ${BREAKER_DELAY_MS / 1000} s; `
    + '2 retries of query fetches)');
  const system = await startSystem(run, { sizes: SIZES.faults, speakersFlags: SPEAKERS_FLAGS });
  log(`system ready in ${ms(Date.now() - started)} (databases, subgraphs with ${JSON.stringify(SIZES.faults)}, our gateway)`);
  const timed = async (name, test) => {
    const t = Date.now();
    await test(system);
    log(`${name} took ${ms(Date.now() - t)}`);
  };
  await timed('tests 1 and 5', killedSubgraph);
  await timed('test 2', hungSubgraph);
  await timed('test 4', crashDuringCreates);
  const rows = await soak({ url: system.gateway.url, body: requestBody(QUERIES.find((q) => q.id === 'nested')), workDir: run.workDir,
    gatewayPid: system.gateway.proc.pid, seconds: 40, intervalSeconds: 5, log });
  const judged = judgeSoak(rows);
  judged.checks.forEach((text) => check(!judged.failures.includes(text), `7. ${text}`));
  log(`fault run took ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

await procs.runMain(async () => {
  try {
    await main();
  } catch (error) {
    check(false, `the run stopped: ${error.stack ?? error}`);
  }
  const failed = results.filter((r) => !r.ok);
  console.log(`\n${results.length - failed.length} of ${results.length} checks passed`);
  return failed.map((r) => r.text);
});
