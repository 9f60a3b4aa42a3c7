// The benchmark run (see README.md): databases, the two real subgraphs with a generated data set, our gateway and
// the peers over one supergraph; answers compared, then wrk load, alternating targets, medians reported.
// Usage: node bench.mjs [--smoke]   (run.sh installs and builds what this needs first)
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { canonical, differences } from './lib/compare.mjs';
import { generate, load, SIZES } from './lib/dataset.mjs';
import { graphqlRequestStats, isReady, postGraphQL } from './lib/http.mjs';
import { runWrk } from './lib/load.mjs';
import * as procs from './lib/processes.mjs';
import { QUERIES, SIZE_PROBES, registrationBody, requestBody, runsOn } from './lib/queries.mjs';
import { evaluateTargets, render, summarize, wholeSystemTarget } from './lib/report.mjs';
import { probeScaling } from './lib/scaling.mjs';
import { composeSupergraph, writeGrafbaseConfig } from './lib/supergraph.mjs';
import { dumpSubgraphs } from './lib/dump.mjs';
import { subgraphJvmFlags, benchDir, log, newRun, packagedApps, projectRoot, startDatabases, startGateways, startSubgraphs,
  writeHiveConfig } from './lib/system.mjs';
import { GATEWAY_JVM_FLAGS, gatewayTargets } from './lib/targets.mjs';

const smoke = process.argv.includes('--smoke');
const settings = smoke
  ? { mode: 'Smoke', rounds: 1, prewarmSeconds: 0, warmupSeconds: 1, seconds: 2, connections: 16, sizes: SIZES.smoke }
  : { mode: 'Full', rounds: 2, prewarmSeconds: 3, warmupSeconds: 2, seconds: 5, connections: 32, sizes: SIZES.full };
// overrides for profiling or quick looks (the report states what was used)
for (const [key, name] of [['rounds', 'BENCH_ROUNDS'], ['seconds', 'BENCH_SECONDS'], ['connections', 'BENCH_CONNECTIONS']]) {
  if (process.env[name]) settings[key] = Number(process.env[name]);
}
const queries = QUERIES.filter((q) => !process.env.BENCH_QUERIES || process.env.BENCH_QUERIES.split(',').includes(q.id));
const WRK_THREADS = 1;
const run = newRun();
const { workDir, logDir, issuer } = run;
writeHiveConfig(run);
/** The varied query's values: every speaker id of the data set, one per line (read after the data set is loaded). */
const speakerIdsFile = join(workDir, 'speaker-ids.txt');
let sampleSpeakerId;
/** Every speaker id of the data set, in the order the twins' copy lists them. */
let speakerIds = [];

/** Every target's answer to every query must be the same JSON; the mutation's, the same but for the new id. */
async function checkAnswers(targets, phase) {
  const checks = [];
  const answersByQuery = {};
  for (const query of QUERIES) {
    const answers = [];
    for (const target of targets.filter((t) => runsOn(query, t))) {
      if (query.persisted) await postGraphQL(target.url, registrationBody(query));
      const unique = query.mutation ? `${phase} ${process.pid} ${target.id}` : undefined;
      const answer = await postGraphQL(target.url, requestBody(query, unique, sampleSpeakerId));
      if (answer.errors || !answer.data) {
        throw new Error(`${target.label} answered the ${query.id} query with errors: ${JSON.stringify(answer).slice(0, 1000)}`);
      }
      if (query.mutation) {
        const created = answer.data.createTopic;
        if (created?.title !== `bench ${unique}`) throw new Error(`${target.label}: createTopic answered ${JSON.stringify(answer)}`);
        created.id = '(new id)';
        created.title = '(unique title)';
      }
      answers.push({ target, answer: canonical(answer) });
    }
    if (!answers.length) continue; // no target of this run serves it (BENCH_TARGETS)
    const [first, ...others] = answers;
    for (const other of others) {
      const diff = differences(first.answer, other.answer);
      if (diff.length) {
        throw new Error(`${query.id} query: ${other.target.label} answers differently from ${first.target.label}:\n  ${diff.join('\n  ')}`);
      }
    }
    answersByQuery[query.id] = first.answer;
    const size = JSON.stringify(first.answer).length;
    checks.push(`${query.title}, ${phase}: the same answer from ${answers.map((a) => a.target.label).join(', ')} (${size} bytes of JSON)`);
  }
  return { checks, answers: answersByQuery };
}

/** Per subgraph: requests served on /graphql so far and their total time. */
async function subgraphStats(subgraphs) {
  const stats = {};
  for (const [name, subgraph] of Object.entries(subgraphs)) stats[name] = await graphqlRequestStats(subgraph.metricsUrl);
  return stats;
}

async function subgraphCalls(subgraphs) {
  return Object.values(await subgraphStats(subgraphs)).reduce((sum, s) => sum + s.count, 0);
}

/** Subgraph requests caused by one client request, for each target and query (and the smaller variants). */
async function probeSubgraphCalls(targets, subgraphs) {
  const probes = {};
  const count = async (target, body) => {
    await postGraphQL(target.url, body);
    const before = await subgraphCalls(subgraphs);
    await postGraphQL(target.url, body);
    await new Promise((resolve) => setTimeout(resolve, 100)); // the subgraphs count a request once it is answered
    return (await subgraphCalls(subgraphs)) - before;
  };
  for (const target of targets.filter((t) => t.id !== 'direct')) {
    const p = {};
    for (const query of QUERIES.filter((q) => runsOn(q, target))) {
      p[query.id] = await count(target, requestBody(query, query.mutation ? `probe ${target.id} ${Date.now()}` : undefined,
        sampleSpeakerId));
    }
    for (const probe of SIZE_PROBES) p[`${probe.of}Small`] = await count(target, JSON.stringify({ query: probe.query }));
    probes[target.id] = p;
  }
  return probes;
}

function childrenCpuSeconds() {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[13]) + Number(fields[14])) / 100; // cutime, cstime: waited-for children, i.e. wrk
}

async function measure(target, query, round, subgraphs, db, set) {
  const bodyFile = join(workDir, `${query.id}.json`);
  writeFileSync(bodyFile, requestBody(query));
  const unique = (phase) => (query.mutation ? `${process.pid}-${set.id}-${target.id}-${round}-${phase}` : undefined);
  const common = { url: target.url, bodyFile, valuesFile: query.varied ? speakerIdsFile : undefined,
    connections: settings.connections, threads: WRK_THREADS };
  await runWrk({ ...common, unique: unique('warm'), seconds: settings.warmupSeconds });
  const groups = {
    subgraphs: [...procs.processTree(subgraphs.speakers.proc.pid), ...procs.processTree(subgraphs.topics.proc.pid)],
    databases: db.pids(),
  };
  if (target.proc) groups.gateway = procs.processTree(target.proc.pid);
  const statsBefore = await subgraphStats(subgraphs);
  const wrkCpuBefore = childrenCpuSeconds();
  const watch = new procs.ResourceWatch(groups);
  const result = await runWrk({ ...common, unique: unique('run'), seconds: settings.seconds });
  const resources = watch.finish();
  const wrkCpuPercent = ((childrenCpuSeconds() - wrkCpuBefore) / settings.seconds) * 100;
  const statsAfter = await subgraphStats(subgraphs);
  const delta = (name, key) => statsAfter[name][key] - statsBefore[name][key];
  const calls = Object.keys(subgraphs).reduce((sum, name) => sum + delta(name, 'count'), 0);
  // straight at the subgraph, every request is one subgraph request
  const callsPerRequest = target.proc ? calls / result.requests : undefined;
  // how long the subgraphs took per request they served: their share of the latency
  const subgraphMeanMs = Object.fromEntries(Object.keys(subgraphs).map((name) =>
    [name, (delta(name, 'seconds') / Math.max(1, delta(name, 'count'))) * 1000]));
  const run = { ...result, ...resources, callsPerRequest, wrkCpuPercent, subgraphMeanMs };
  log(`${set.id} ${query.id} ${target.label} round ${round + 1}: ${result.rps.toFixed(0)} req/s, p50 ${result.p50Ms.toFixed(2)} ms, `
    + `p99 ${result.p99Ms.toFixed(2)} ms, ${result.errors} errors, gateway ${resources.gateway?.cpuPercent.toFixed(0) ?? '-'}% CPU `
    + `${resources.gateway?.peakRssMb.toFixed(0) ?? '-'} MB, subgraphs ${resources.subgraphs.cpuPercent.toFixed(0)}% CPU, `
    + `${callsPerRequest?.toFixed(2) ?? '-'} subgraph calls/request, subgraph mean ms `
    + `${Object.entries(subgraphMeanMs).map(([n, ms]) => `${n} ${ms.toFixed(1)}`).join(' ')}, wrk ${wrkCpuPercent.toFixed(0)}% CPU`);
  return run;
}

/** The first line a command prints (on stdout or stderr), e.g. its version. */
function firstLine(command, args) {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  return `${result.stdout ?? ''}${result.stderr ?? ''}`.trim().split('\n')[0] || 'unknown';
}

/** The in-memory twins of the real subgraphs, on the same data (see memory-subgraph.mjs). */
async function startMemorySubgraphs(dir) {
  const twins = {};
  await Promise.all(['speakers', 'topics'].map(async (name) => {
    const port = await procs.freePort();
    const proc = procs.start(`memory-${name}`, process.execPath, [join(benchDir, 'memory-subgraph.mjs'), name,
      join(dir, `${name}.schema.json`), join(dir, `${name}.graphql`), join(dir, `${name}.data.json`), String(port)],
    { logDir, env: { NODE_ENV: 'production' } });
    const baseUrl = `http://127.0.0.1:${port}`;
    await procs.awaitReady(proc, () => isReady(`${baseUrl}/q/health/ready`), 60000);
    twins[name] = { proc, baseUrl, graphqlUrl: `${baseUrl}/graphql`, metricsUrl: baseUrl };
  }));
  return twins;
}

/** Warm-up passes at most, and the share of a core the JIT compilers may still use in one for it to count as settled. */
const MAX_PREWARM_PASSES = 4;
const JIT_SETTLED = 0.1;

/** Every query on every target for the warm-up time. */
async function prewarm(targets, set, pass) {
  for (const target of targets) {
    for (const query of queries.filter((q) => runsOn(q, target))) {
      const bodyFile = join(workDir, `${query.id}.json`);
      writeFileSync(bodyFile, requestBody(query));
      await runWrk({ url: target.url, bodyFile, valuesFile: query.varied ? speakerIdsFile : undefined,
        connections: settings.connections, threads: WRK_THREADS, seconds: settings.prewarmSeconds,
        unique: query.mutation ? `${process.pid}-${set.id}-${target.id}-prewarm-${pass}` : undefined });
    }
  }
}

/** One subgraph set: supergraph, gateways, answer checks, subgraph call probes, the load; the gateways are stopped after. */
async function benchmarkOn(set, subgraphs, db, jars) {
  const supergraphFile = join(workDir, `supergraph-${set.id}.graphql`);
  const services = await composeSupergraph({ speakers: subgraphs.speakers.graphqlUrl, topics: subgraphs.topics.graphqlUrl }, supergraphFile);
  const grafbaseConfig = join(workDir, `grafbase-${set.id}.toml`);
  writeGrafbaseConfig(grafbaseConfig, services);
  const only = process.env.BENCH_TARGETS?.split(',');
  const gateways = gatewayTargets({ benchDir, supergraphFile, grafbaseConfig, gatewayJar: jars.gateway,
    jfrFile: process.env.BENCH_JFR ? join(workDir, `gateway-${set.id}.jfr`) : undefined, authFlags: issuer.gatewayFlags }).filter((t) => !only || only.includes(t.id));
  await startGateways(run, gateways);
  const direct = { id: 'direct', label: `topics subgraph straight (ceiling)`, url: subgraphs.topics.graphqlUrl };
  const targets = [...gateways, direct];

  const { checks, answers } = await checkAnswers(targets, 'before the load');
  checks.forEach((c) => log(c));
  const probes = await probeSubgraphCalls(targets, subgraphs);
  log(`subgraph calls per request: ${JSON.stringify(probes)}`);
  // the real subgraphs' own cost per call by batch size (the twins are the gateways' yardstick, not measured here)
  const scaling = set.id === 'real' ? await probeScaling(subgraphs, speakerIds) : undefined;
  scaling?.forEach((call) => log(`${call.label}: ${call.points.map((p) => `${p.n} in ${p.ms.toFixed(1)} ms`).join(', ')}`));

  if (process.env.BENCH_HOLD) {
    // for looking around by hand (wrk, jcmd, curl): everything stays up until Ctrl-C
    targets.forEach((t) => log(`${t.label}: ${t.url}${t.proc ? ` (pid ${t.proc.pid})` : ''}`));
    log(`body files: ${workDir}; holding until interrupted`);
    queries.forEach((q) => writeFileSync(join(workDir, `${q.id}.json`), requestBody(q)));
    await new Promise(() => {});
  }

  // steady state, not start-up, is what users live with: the JVMs' JIT compilers keep compiling for minutes after a
  // start (on 2 cores a busy C2 thread takes half the machine), so warm-up passes repeat until they have settled
  let jitSettled;
  if (settings.prewarmSeconds > 0) {
    // the JVMs: our gateways, and the subgraphs unless they are the Node twins
    const jvms = [...(set.id === 'real' ? Object.entries(subgraphs).map(([name, s]) => [name, s.proc.pid]) : []),
      ...gateways.filter((g) => g.ours || g.variantOf).map((g) => [g.id, g.proc.pid])];
    const compiling = () => jvms.map(([, pid]) => procs.jitCompilerSeconds([pid]));
    for (let pass = 1; pass <= MAX_PREWARM_PASSES; pass++) {
      const before = compiling();
      const started = Date.now();
      await prewarm(targets, set, pass);
      const seconds = (Date.now() - started) / 1000;
      const after = compiling();
      const busy = Object.fromEntries(jvms.map(([name], i) => [name, (after[i] - before[i]) / seconds]));
      log(`warm-up pass ${pass} (${seconds.toFixed(0)} s): JIT compilers busy ${Object.entries(busy).map(([name, b]) => `${name} ${(b * 100).toFixed(0)}%`).join(', ')}`);
      jitSettled = { passes: pass, busy };
      if (Object.values(busy).every((b) => b < JIT_SETTLED)) break;
    }
  }

  const runs = {};
  for (const query of queries) {
    const queryTargets = targets.filter((t) => runsOn(query, t));
    runs[query.id] = Object.fromEntries(queryTargets.map((t) => [t.id, []]));
    for (let round = 0; round < settings.rounds; round++) {
      // alternate: each round starts with another target
      const order = queryTargets.map((_, i) => queryTargets[(i + round) % queryTargets.length]);
      for (const target of order) runs[query.id][target.id].push(await measure(target, query, round, subgraphs, db, set));
    }
  }
  // still answering, and still all alike, after the load
  const after = await checkAnswers(targets, 'after the load');
  after.checks.forEach((c) => log(c));
  checks.push(...after.checks);
  const summary = Object.fromEntries(Object.entries(runs).map(([queryId, perTarget]) =>
    [queryId, Object.fromEntries(Object.entries(perTarget).map(([targetId, r]) => [targetId, summarize(r)]))]));
  const lifetimePeaks = gateways.map((g) => `${g.label} ${procs.peakRssMb(procs.processTree(g.proc.pid)).toFixed(0)} MB`).join(', ');
  await Promise.all(gateways.map((g) => procs.stop(g.proc)));
  return { ...set, queries, targets, summary, probes, checks, answers, lifetimePeaks, scaling, jitSettled };
}

async function main() {
  const started = Date.now();
  log(`${settings.mode} run; logs in ${logDir}`);
  const jars = packagedApps(run);
  const { db, urls } = await startDatabases(run);
  log('databases ready');
  const real = await startSubgraphs(run, urls, jars);
  log('subgraphs ready');
  const loadStart = Date.now();
  await load(generate(settings.sizes), { speakers: real.speakers.graphqlUrl, topics: real.topics.graphqlUrl });
  log(`data set loaded (${settings.sizes.speakers} speakers, ${settings.sizes.topics} topics, ${settings.sizes.quotes} quotes) in ${((Date.now() - loadStart) / 1000).toFixed(1)} s`);

  // the twins' copy is taken now, before any load adds topics
  const twinDir = join(workDir, 'memory-subgraphs');
  mkdirSync(twinDir);
  await dumpSubgraphs({ speakers: real.speakers.graphqlUrl, topics: real.topics.graphqlUrl }, twinDir);
  speakerIds = JSON.parse(readFileSync(join(twinDir, 'speakers.data.json'), 'utf8')).speakers.map((s) => s.id);
  writeFileSync(speakerIdsFile, `${speakerIds.join('\n')}\n`);
  [sampleSpeakerId] = speakerIds;
  const wanted = (process.env.BENCH_SUBGRAPHS ?? 'real,memory').split(',');
  const results = [];
  if (wanted.includes('real')) {
    results.push(await benchmarkOn({ id: 'real', title: 'Real subgraphs',
      description: 'the packaged speakers-service (MongoDB-wire server) and topics-service (PostgreSQL 17), '
        + `JVM flags as shipped with a 512 MB heap (${subgraphJvmFlags('topics-service').join(' ')}): what users run, but on 2 cores they saturate before the gateways do` }, real, db, jars));
  }
  if (wanted.includes('memory')) {
    const twins = await startMemorySubgraphs(twinDir);
    log('in-memory subgraphs ready');
    results.push(await benchmarkOn({ id: 'memory', title: 'In-memory subgraphs',
      description: 'in-memory twins of the two subgraphs (memory-subgraph.mjs, Node, one process each): the real '
        + 'subgraphs\' own schema and a copy of their data, so that the gateways\' own cost shows' }, twins, db, jars));
  }
  // both sets must give the same answers: the twins are only useful if they are faithful
  const [first, second] = results;
  if (second) {
    for (const query of queries.filter((q) => !q.mutation)) {
      const diff = differences(first.answers[query.id], second.answers[query.id]);
      if (diff.length) throw new Error(`${query.id}: ${second.title} answer differently from ${first.title}:\n  ${diff.join('\n  ')}`);
    }
    second.checks.push(`every query answered the same over ${first.title.toLowerCase()} and ${second.title.toLowerCase()}`);
  }

  const cpu = cpus();
  const conditions = {
    mode: settings.mode,
    date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    commit: firstLine('git', ['-C', projectRoot, 'rev-parse', '--short', 'HEAD']),
    details: {
      machine: `${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, shared by load generator, gateways, subgraphs and databases`,
      software: `${firstLine('java', ['-version'])}; Node ${process.version}; ${firstLine('wrk', ['-v'])}`,
      load: `wrk, ${WRK_THREADS} thread, ${settings.connections} connections; first ${settings.prewarmSeconds} s of each query on every target, then per measurement ${settings.warmupSeconds} s warm-up and ${settings.seconds} s measured, `
        + `${settings.rounds} round(s) per subgraph set, the order of targets rotated each round`,
      'data set': `${settings.sizes.speakers} speakers, ${settings.sizes.topics} topics, ${settings.sizes.quotes} quotes (1 to 3 topics each), `
        + 'generated from a fixed seed and loaded through the subgraphs\' GraphQL mutations',
      'our gateway': `gateway/target/quarkus-app/quarkus-run.jar, JVM flags and environment as shipped (quarkus.jib.* of its application.properties): ${GATEWAY_JVM_FLAGS.join(' ')}`,
      peers: 'Apollo Gateway and Hive Gateway on Node, NODE_ENV=production, one process each (their default), over the '
        + 'supergraph composed by @apollo/composition from the subgraphs\' SDL; Grafbase Gateway as `grafbase dev` '
        + '(a static native binary from npm) composing the same subgraph SDL files itself',
      'peak RSS over the whole run (VmHWM)': results.map((r) => `${r.title.toLowerCase()}: ${r.lifetimePeaks}`).join('; '),
      'run time': `${((Date.now() - started) / 60000).toFixed(1)} min`,
    },
  };
  const report = render({ conditions, sets: results });
  const reportFile = smoke ? join(workDir, 'smoke.md') : join(benchDir, 'results', 'latest.md');
  mkdirSync(dirname(reportFile), { recursive: true });
  writeFileSync(reportFile, report);
  console.log(`\n${report}`);
  log(`report written to ${reportFile}`);

  const failures = [];
  for (const result of results) {
    for (const [queryId, perTarget] of Object.entries(result.summary)) {
      for (const [targetId, s] of Object.entries(perTarget)) {
        if (s.errors > 0) failures.push(`${result.id} ${queryId} on ${targetId}: ${s.errors} failed answers under load`);
        // in seconds-long smoke runs on a busy machine a slow target may answer none in time: not a failure there
        if (!smoke && !(s.requests > 0)) failures.push(`${result.id} ${queryId} on ${targetId}: no request answered`);
      }
    }
    if (!smoke) {
      evaluateTargets(result.summary, result.targets, result.probes, result.scaling).filter((t) => !t.met)
        .forEach((t) => log(`${result.title}: target missed: ${t.text}`));
    }
  }
  const whole = wholeSystemTarget(results);
  if (whole && !whole.met && !smoke) log(`The whole system: target missed: ${whole.text}`);
  return failures;
}

await procs.runMain(main);
