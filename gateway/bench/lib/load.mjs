// Load from wrk: fixed connections for a fixed time, the figures from graphql.lua's done().
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(new URL('../graphql.lua', import.meta.url));

/**
 * Runs wrk against `url` for `seconds`; resolves to { requests, rps, p50Ms, p99Ms, errors, ... }.
 * `unique` (optional) makes every request body unique, `valuesFile` (optional) puts its next line in each (see graphql.lua).
 */
export function runWrk({ url, bodyFile, unique, valuesFile, connections, threads, seconds }) {
  const args = ['-t', String(threads), '-c', String(connections), '-d', `${seconds}s`, '--timeout', '10s', '-s', SCRIPT, url];
  const env = { ...process.env, BENCH_BODY_FILE: bodyFile };
  if (unique) env.BENCH_UNIQUE = unique;
  else delete env.BENCH_UNIQUE;
  if (valuesFile) env.BENCH_VALUES_FILE = valuesFile;
  else delete env.BENCH_VALUES_FILE;
  return new Promise((resolve, reject) => {
    execFile('wrk', args, { env, maxBuffer: 1 << 20 }, (error, stdout, stderr) => {
      const line = stdout.split('\n').find((l) => l.startsWith('BENCH_RESULT '));
      if (error || !line) {
        reject(new Error(`wrk ${args.join(' ')} failed: ${error?.message ?? ''}\n${stdout}\n${stderr}`));
        return;
      }
      const r = JSON.parse(line.slice('BENCH_RESULT '.length));
      resolve({
        requests: r.requests,
        rps: r.requests / (r.durationMicros / 1e6),
        p50Ms: r.p50Micros / 1000,
        p99Ms: r.p99Micros / 1000,
        maxMs: r.maxMicros / 1000,
        errors: r.failedAnswers + r.socketErrors,
      });
    });
  });
}
