// The system the bench runs against, as an operator starts it: databases, the packaged subgraphs, gateways; shared by
// bench.mjs, faults.mjs and soak.mjs.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchIssuer } from './auth.mjs';
import { generate, load, SIZES } from './dataset.mjs';
import { isReady, postGraphQL } from './http.mjs';
import * as procs from './processes.mjs';
import { composeSupergraph } from './supergraph.mjs';
import { shippedJvmFlags } from './shipped.mjs';
import { gatewayTargets } from './targets.mjs';

export const benchDir = join(dirname(fileURLToPath(import.meta.url)), '..');
export const projectRoot = join(benchDir, '..', '..');
/** A subgraph's JVM flags: as shipped, with a 512 MB heap standing in for the memory limit of its container. */
export const subgraphJvmFlags = (module) => ['-Xmx512m', ...shippedJvmFlags(module)];

export const log = (message) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);

/**
 * The run's temporary folder (logs, keys, copies of the apps) and its token issuer. Writes need a token
 * (speakers:write, topics:write): every request of the bench carries one (lib/http.mjs, graphql.lua).
 */
export function newRun() {
  const workDir = mkdtempSync(join(tmpdir(), 'plenum-bench-'));
  const logDir = join(workDir, 'logs');
  mkdirSync(logDir);
  const issuer = benchIssuer(workDir);
  process.env.BENCH_AUTHORIZATION = `Bearer ${issuer.token('speakers:write topics:write')}`;
  return { workDir, logDir, issuer };
}

/**
 * A copy of the module's packaged app, taken at the start: a rebuild of the module during the run (the work tree is
 * shared) must not pull jars from under a running process.
 */
export function packagedApps(run) {
  return Object.fromEntries(['gateway', 'topics-service', 'speakers-service'].map((module) => {
    const copy = join(run.workDir, 'apps', module);
    cpSync(join(projectRoot, module, 'target', 'quarkus-app'), copy, { recursive: true });
    return [module, join(copy, 'quarkus-run.jar')];
  }));
}

export async function startDatabases({ workDir, logDir }) {
  const dataDir = join(workDir, 'databases');
  const db = procs.start('databases', 'java', ['-Xmx256m', '-cp', process.env.BENCH_DB_CLASSPATH,
    join(benchDir, 'DatabaseServers.java'), dataDir], { logDir, stdin: 'pipe' });
  let urls;
  await procs.awaitReady(db, async () => {
    const line = readFileSync(db.log, 'utf8').split('\n').find((l) => l.startsWith('POSTGRES_JDBC_URL='));
    if (line) urls = Object.fromEntries(line.split(' ').map((pair) => pair.split(/=(.*)/s).slice(0, 2)));
    return Boolean(line);
  }, 120000);
  // PostgreSQL detaches from its launcher (pg_ctl): find the postmaster to watch it and, at worst, kill it
  const postmaster = () => Number(readFileSync(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
  db.extraPids = () => {
    try {
      return [postmaster()];
    } catch {
      return [];
    }
  };
  db.pids = () => [...procs.processTree(db.pid), ...db.extraPids().flatMap((pid) => procs.processTree(pid))];
  return { db, urls };
}

/**
 * Both packaged subgraphs on the databases, ready. `flags` ({ speakers, topics }) adds JVM flags. Each subgraph can be
 * started again on its ports (`restart()`, after it was killed).
 */
export async function startSubgraphs({ logDir, issuer }, urls, jars, flags = {}) {
  const ports = { speakers: await procs.freePort(), topics: await procs.freePort() };
  // health and metrics are served on each subgraph's management interface, apart from GraphQL
  const managementPorts = { speakers: await procs.freePort(), topics: await procs.freePort() };
  const base = (name) => `http://localhost:${ports[name]}`;
  const jdbc = urls.POSTGRES_JDBC_URL;
  const common = (name) => [...subgraphJvmFlags(`${name}-service`), ...issuer.subgraphFlags, `-Dquarkus.http.port=${ports[name]}`,
    `-Dquarkus.management.port=${managementPorts[name]}`, '-Dplenum.seed.enabled=false', ...(flags[name] ?? [])];
  const commands = {
    speakers: ['speakers-service', [...common('speakers'),
      `-Dquarkus.mongodb.connection-string=${urls.MONGODB_URL}`, `-Dplenum.topics-service.url=${base('topics')}`,
      `-Dplenum.topics-service.token=${issuer.token('topics:speaker-cleanup')}`,
      '-jar', jars['speakers-service']]],
    topics: ['topics-service', [...common('topics'),
      `-Dquarkus.datasource.jdbc.url=${jdbc}`, `-Dquarkus.datasource.reactive.url=${jdbc.replace(/^jdbc:/, '').split('?')[0]}`,
      '-Dquarkus.datasource.username=postgres', '-Dquarkus.datasource.password=postgres',
      `-Dplenum.speakers-service.url=${base('speakers')}`,
      '-jar', jars['topics-service']]],
  };
  const subgraphs = Object.fromEntries(Object.keys(commands).map((name) => {
    const metricsUrl = `http://localhost:${managementPorts[name]}`;
    const subgraph = { baseUrl: base(name), graphqlUrl: `${base(name)}/graphql`, metricsUrl };
    subgraph.restart = async () => {
      const [module, args] = commands[name];
      subgraph.proc = procs.start(module, 'java', args, { logDir });
      await procs.awaitReady(subgraph.proc, () => isReady(`${metricsUrl}/q/health/ready`), 120000);
    };
    return [name, subgraph];
  }));
  await Promise.all(Object.values(subgraphs).map((subgraph) => subgraph.restart()));
  return subgraphs;
}

/** Starts the gateways (targets of lib/targets.mjs), each on a free port, until each answers a query. */
export async function startGateways({ logDir, workDir }, targets) {
  await Promise.all(targets.map(async (target) => {
    const port = await procs.freePort();
    target.url = `http://127.0.0.1:${port}${target.path}`;
    target.proc = procs.start(target.id, target.command, target.args(port), { logDir, env: target.env, cwd: workDir });
    await procs.awaitReady(target.proc, async () => {
      const answer = await postGraphQL(target.url, { query: '{ __typename }' });
      return answer.data?.__typename === 'Query';
    }, 120000);
    log(`${target.label} ready on port ${port}`);
  }));
}

/** Hive Gateway passes the client's Authorization on to the subgraphs only when configured to (cwd = workDir). */
export function writeHiveConfig({ workDir }) {
  writeFileSync(join(workDir, 'gateway.config.mjs'), 'export const gatewayConfig = { propagateHeaders: { '
    + "fromClientToSubgraphs: ({ request }) => ({ authorization: request.headers.get('authorization') }) } };\n");
}

/** The fault and soak runs' subgraphs' own request limit, raised from 8 s: cold services on a busy machine load the data. */
export const SYSTEM_SUBGRAPH_FLAGS = ['-Dplenum.graphql.timeout=30s'];

/**
 * For the fault and soak runs: the databases, both subgraphs with a data set of `sizes`, their supergraph and our
 * gateway alone (as benchmarked, `plenum`); `speakersFlags` adds JVM flags to speakers-service.
 */
export async function startSystem(run, { sizes = SIZES.smoke, speakersFlags = [] } = {}) {
  const jars = packagedApps(run);
  const { db, urls } = await startDatabases(run);
  const subgraphs = await startSubgraphs(run, urls, jars,
    { speakers: [...SYSTEM_SUBGRAPH_FLAGS, ...speakersFlags], topics: SYSTEM_SUBGRAPH_FLAGS });
  await load(generate(sizes), { speakers: subgraphs.speakers.graphqlUrl, topics: subgraphs.topics.graphqlUrl });
  const supergraphFile = join(run.workDir, 'supergraph.graphql');
  await composeSupergraph({ speakers: subgraphs.speakers.graphqlUrl, topics: subgraphs.topics.graphqlUrl }, supergraphFile);
  const gateway = gatewayTargets({ benchDir, supergraphFile, gatewayJar: jars.gateway, authFlags: run.issuer.gatewayFlags })
    .find((target) => target.id === 'plenum');
  await startGateways(run, [gateway]);
  gateway.baseUrl = gateway.url.replace(/\/graphql$/, '');
  return { db, subgraphs, gateway };
}
