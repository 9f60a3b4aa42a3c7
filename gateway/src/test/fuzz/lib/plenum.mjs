// One Plenum process for the whole run: it polls its supergraph from the local server, so changing fixture is a
// schema reload (well under a second) instead of a JVM start (about 4 s). The loaded schema is recognised by the
// SHA-256 the gateway publishes in its metrics.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createServer } from 'node:net';

const READY_TIMEOUT_MS = 60000;
// far above any answer over local subgraphs: beyond it Plenum is taken not to answer at all
const QUERY_TIMEOUT_MS = 20000;
// a plan is only printed: not worth waiting for long
const PLAN_TIMEOUT_MS = 3000;

export async function startPlenum({ jar, supergraphUrl, logFile }) {
  const port = await freePort();
  const args = [
    '-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-Xmx256m',
    `-Dquarkus.http.port=${port}`, '-Dquarkus.http.host=127.0.0.1',
    `-Dplenum.gateway.supergraph-url=${supergraphUrl}`, '-Dplenum.gateway.poll-interval=100ms',
    '-Dplenum.gateway.expose-query-plan=true', '-Dplenum.gateway.demand-control.mode=off',
    // variants may be deeper and have more aliases than the production limits allow
    '-Dplenum.gateway.limits.max-depth=0', '-Dplenum.gateway.limits.max-aliases=0', '-Dplenum.gateway.limits.max-root-fields=0',
    // one failed fetch must not turn the following requests into errors too
    '-Dplenum.gateway.resilience.circuit-breaker.enabled=false',
    '-Dquarkus.shutdown.timeout=1s', '-Dquarkus.log.category."org.plenum.gateway.requests".level=WARN',
    '-jar', jar,
  ];
  const child = spawn('java', args, { stdio: ['ignore', logFile, logFile] });
  const base = `http://127.0.0.1:${port}`;
  const plenum = {
    name: 'plenum',
    query: (request) => post(`${base}/graphql`, request, {}, QUERY_TIMEOUT_MS).then((answer) => answer.body),
    plan: (request) => post(`${base}/graphql`, request, { 'Plenum-Expose-Query-Plan': 'true' }, PLAN_TIMEOUT_MS)
      .then((answer) => answer.body.extensions?.queryPlan ?? `(no plan: ${JSON.stringify(answer.body.errors ?? answer.body.transportError)})`),
    /** Waits until the gateway serves this supergraph. */
    awaitSchema: (sdl) => awaitSchema(base, child, sha256(sdl)),
    stop: () => stop(child),
  };
  return plenum;
}

/** The answer, or for a failed exchange (e.g. the connection closed without an answer) a body saying so. */
async function post(url, request, headers, timeoutMillis) {
  let response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
      body: JSON.stringify(request),
      signal: AbortSignal.timeout(timeoutMillis),
    });
  } catch (error) {
    return { status: 0, body: { transportError: String(error.cause?.message ?? error.message) } };
  }
  const text = await response.text();
  try {
    return { status: response.status, body: JSON.parse(text) };
  } catch {
    return { status: response.status, body: { errors: [{ message: `HTTP ${response.status}: ${text.slice(0, 200)}` }] } };
  }
}

async function awaitSchema(base, child, sha) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Plenum exited with ${child.exitCode}`);
    const metrics = await fetch(`${base}/q/metrics`).then((r) => r.text()).catch(() => '');
    if (metrics.includes(`sha256="${sha}"`)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`Plenum did not load the supergraph ${sha.slice(0, 12)} within ${READY_TIMEOUT_MS / 1000}s`);
}

function sha256(text) {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

async function stop(child) {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10000);
  await exited;
  clearTimeout(timer);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}
