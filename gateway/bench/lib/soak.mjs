// Steady load on one query for a while, one wrk run per interval: latency percentiles and the gateway's resident
// memory per interval, and whether they stayed flat.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runWrk } from './load.mjs';
import { processTree, rssMb } from './processes.mjs';

/** Rows { interval, rps, p50Ms, p99Ms, maxMs, errors, rssMb } (RSS at the end of each interval), printed as a table. */
export async function soak({ url, body, workDir, gatewayPid, seconds, intervalSeconds, connections = 16, log }) {
  const bodyFile = join(workDir, 'soak.json');
  writeFileSync(bodyFile, body);
  const rows = [];
  log(`soak: ${seconds} s of steady load (wrk, ${connections} connections) in ${intervalSeconds} s intervals`);
  log('  interval | req/s | p50 ms | p99 ms | max ms | errors | gateway RSS MB');
  for (let interval = 1; interval * intervalSeconds <= seconds; interval++) {
    const r = await runWrk({ url, bodyFile, connections, threads: 1, seconds: intervalSeconds });
    const row = { interval, rps: r.rps, p50Ms: r.p50Ms, p99Ms: r.p99Ms, maxMs: r.maxMs, errors: r.errors,
      rssMb: rssMb(processTree(gatewayPid)) };
    rows.push(row);
    log(`  ${String(interval).padStart(8)} | ${row.rps.toFixed(0).padStart(5)} | ${row.p50Ms.toFixed(1).padStart(6)} | `
      + `${row.p99Ms.toFixed(1).padStart(6)} | ${row.maxMs.toFixed(0).padStart(6)} | ${String(row.errors).padStart(6)} | ${row.rssMb.toFixed(0)}`);
  }
  return rows;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * Flatness, the first interval counted as warm-up: no errors, the last interval's RSS at most `rssFactor` times the
 * first steady one's, the median p99 of the later half at most `p99Factor` times that of the earlier half.
 * Returns { checks, failures } as lines of text.
 */
export function judgeSoak(rows, { rssFactor = 1.5, p99Factor = 3 } = {}) {
  const steady = rows.slice(1);
  const first = steady[0];
  const last = steady[steady.length - 1];
  const half = Math.ceil(steady.length / 2);
  const earlyP99 = median(steady.slice(0, half).map((r) => r.p99Ms));
  const lateP99 = median(steady.slice(steady.length - half).map((r) => r.p99Ms));
  const errors = rows.reduce((sum, r) => sum + r.errors, 0);
  const results = [
    [errors === 0, `${errors} failed answers over ${rows.length} intervals`],
    [last.rssMb <= rssFactor * first.rssMb, `gateway RSS ${first.rssMb.toFixed(0)} MB in the first steady interval, `
      + `${last.rssMb.toFixed(0)} MB in the last (bound ${rssFactor}×)`],
    [lateP99 <= p99Factor * earlyP99, `median p99 ${earlyP99.toFixed(1)} ms in the earlier half, ${lateP99.toFixed(1)} ms `
      + `in the later half (bound ${p99Factor}×)`],
  ];
  return {
    checks: results.map(([, text]) => `soak: ${text}`),
    failures: results.filter(([ok]) => !ok).map(([, text]) => `soak: ${text}`),
  };
}
