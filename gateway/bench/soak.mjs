// Soak by hand: our gateway under steady load on the nested query for a number of minutes; latency percentiles and
// the gateway's resident memory per interval, then whether they stayed flat (as the fault run's short soak checks).
// Usage: node soak.mjs MINUTES [INTERVAL_SECONDS]   (run.sh --soak MINUTES installs and builds what this needs first)
import * as procs from './lib/processes.mjs';
import { QUERIES, requestBody } from './lib/queries.mjs';
import { judgeSoak, soak } from './lib/soak.mjs';
import { SYSTEM_SUBGRAPH_FLAGS, log, newRun, startSystem } from './lib/system.mjs';

const minutes = Number(process.argv[2] ?? 10);
const intervalSeconds = Number(process.argv[3] ?? 30);
if (!(minutes > 0) || !(intervalSeconds > 0)) {
  console.error('usage: soak.mjs MINUTES [INTERVAL_SECONDS]');
  process.exit(2);
}

await procs.runMain(async () => {
  const run = newRun();
  log(`Soak run of ${minutes} min; logs in ${run.logDir}; the subgraphs with ${SYSTEM_SUBGRAPH_FLAGS.join(' ')} (default 8 s)`);
  const { gateway } = await startSystem(run);
  const rows = await soak({ url: gateway.url, body: requestBody(QUERIES.find((q) => q.id === 'nested')), workDir: run.workDir,
    gatewayPid: gateway.proc.pid, seconds: minutes * 60, intervalSeconds, log });
  const { checks, failures } = judgeSoak(rows);
  checks.forEach((text) => log(text));
  return failures;
});
