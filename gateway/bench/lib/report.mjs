// The Markdown report: a table per query, ratios against each peer, subgraph calls and the targets.

const fixed = (value, digits = 0) => (value === undefined || Number.isNaN(value) ? 'n/a' : value.toFixed(digits));
const ratio = (value) => (Number.isFinite(value) ? `${value.toFixed(2)}×` : 'n/a');

export function median(values) {
  const sorted = values.filter((v) => v !== undefined && !Number.isNaN(v)).sort((a, b) => a - b);
  if (!sorted.length) return undefined;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Another gateway than ours: not the subgraph straight, not a variant of our own. */
const isPeer = (t) => !t.ours && !t.variantOf && t.id !== 'direct';

/** Medians over the rounds of one query and target (errors summed, memory the highest seen). */
export function summarize(runs) {
  return {
    rounds: runs.length,
    rps: median(runs.map((r) => r.rps)),
    p50Ms: median(runs.map((r) => r.p50Ms)),
    p99Ms: median(runs.map((r) => r.p99Ms)),
    errors: runs.reduce((sum, r) => sum + r.errors, 0),
    requests: runs.reduce((sum, r) => sum + r.requests, 0),
    gatewayRssMb: Math.max(...runs.map((r) => r.gateway?.peakRssMb ?? NaN)),
    gatewayCpu: median(runs.map((r) => r.gateway?.cpuPercent)),
    callsPerRequest: median(runs.map((r) => r.callsPerRequest)),
    subgraphCpu: median(runs.map((r) => r.subgraphs.cpuPercent)),
    databaseCpu: median(runs.map((r) => r.databases.cpuPercent)),
    wrkCpu: median(runs.map((r) => r.wrkCpuPercent)),
    subgraphMeanMs: Object.fromEntries(Object.keys(runs[0].subgraphMeanMs).map((name) =>
      [name, median(runs.map((r) => r.subgraphMeanMs[name]))])),
  };
}

/** The targets, each { text, met }. */
export function evaluateTargets(summary, targets, probes) {
  const ours = targets.find((t) => t.ours);
  const peers = targets.filter(isPeer);
  const results = [];
  if (!ours) return results;
  const nested = summary.nested;
  if (nested?.[ours.id]) {
    const fastest = peers.map((p) => ({ peer: p, s: nested[p.id] })).filter((x) => x.s).sort((a, b) => b.s.rps - a.s.rps)[0];
    if (fastest) {
      const speedup = nested[ours.id].rps / fastest.s.rps;
      results.push({ met: speedup >= 4, text: `Nested query: ${fixed(nested[ours.id].rps)} req/s = ${ratio(speedup)} the fastest peer (${fastest.peer.label}, ${fixed(fastest.s.rps)} req/s); target ≥ 4×` });
      const p99 = nested[ours.id].p99Ms / fastest.s.p99Ms;
      results.push({ met: p99 <= 1 / 3, text: `Nested query: p99 ${fixed(nested[ours.id].p99Ms, 1)} ms = ${ratio(p99)} that peer's ${fixed(fastest.s.p99Ms, 1)} ms; target ≤ 0.33×` });
    }
  }
  const single = summary.single;
  // against the subgraph straight, every request must reach it: our gateway without fetch de-duplication if measured
  const plain = targets.find((t) => t.variantOf === ours.id) ?? ours;
  if (single?.[plain.id] && single.direct) {
    const share = single[plain.id].rps / single.direct.rps;
    results.push({ met: share >= 0.5, text: `Single-subgraph query: ${plain.label} ${fixed(single[plain.id].rps)} req/s = ${ratio(share)} the subgraph-direct ceiling (${fixed(single.direct.rps)} req/s); target ≥ 0.5×` });
  }
  const rss = Math.max(...Object.values(summary).map((perTarget) => perTarget[ours.id]?.gatewayRssMb ?? 0));
  results.push({ met: rss <= 256, text: `Gateway RSS under load: peak ${fixed(rss)} MB; target ≤ 256 MB` });
  const p = probes[ours.id];
  if (p) {
    const flat = p.nestedSmall === p.nested && p.deepSmall === p.deep;
    results.push({ met: flat, text: `Subgraph requests per operation do not grow with list sizes: nested ${p.nestedSmall} (first: 5) / ${p.nested} (first: 20), deep ${p.deepSmall} (first: 1) / ${p.deep} (first: 3)` });
  }
  return results;
}

/** The subgraphs' mean time per request they served, e.g. "speakers 1.2 / topics 3.4". */
function subgraphMs(s) {
  return Object.entries(s.subgraphMeanMs).filter(([, ms]) => ms > 0).map(([name, ms]) => `${name} ${fixed(ms, 1)}`).join(' / ') || 'n/a';
}

function renderSet(lines, { title, description, queries, targets, summary, probes, checks }) {
  const ours = targets.find((t) => t.ours);
  const peers = targets.filter(isPeer);
  lines.push(`## ${title}`, '', `Subgraphs: ${description}.`, '');
  for (const query of queries) {
    const perTarget = summary[query.id];
    if (!perTarget) continue;
    lines.push(`### ${query.title} (${title.toLowerCase()})`, '', '```graphql', query.query, '```', '');
    lines.push('| Target | req/s | p50 ms | p99 ms | errors | peak RSS MB | CPU % | subgraph calls/req | subgraph ms/call | subgraphs CPU % | DBs CPU % |');
    lines.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const target of targets) {
      const s = perTarget[target.id];
      if (!s) continue;
      const name = target.ours || target.variantOf ? `**${target.label}**` : target.label;
      lines.push(`| ${name} | ${fixed(s.rps)} | ${fixed(s.p50Ms, 2)} | ${fixed(s.p99Ms, 2)} | ${s.errors} | ${fixed(s.gatewayRssMb)} | ${fixed(s.gatewayCpu)} | ${fixed(s.callsPerRequest, 2)} | ${subgraphMs(s)} | ${fixed(s.subgraphCpu)} | ${fixed(s.databaseCpu)} |`);
    }
    const mine = ours && perTarget[ours.id];
    if (mine) {
      lines.push('', `${ours.label} against each peer, same run:`, '');
      lines.push('| Peer | req/s (ours ÷ peer) | p99 (ours ÷ peer) | RSS (ours ÷ peer) |', '|---|---:|---:|---:|');
      for (const peer of peers) {
        const s = perTarget[peer.id];
        if (s) lines.push(`| ${peer.label} | ${ratio(mine.rps / s.rps)} | ${ratio(mine.p99Ms / s.p99Ms)} | ${ratio(mine.gatewayRssMb / s.gatewayRssMb)} |`);
      }
      if (perTarget.direct) lines.push('', `Against the subgraph straight (ceiling): ${ratio(mine.rps / perTarget.direct.rps)} its req/s.`);
    }
    lines.push('');
  }
  lines.push(`### Subgraph requests per operation (${title.toLowerCase()})`, '');
  lines.push('One request at a time, counted on the subgraphs. A smaller first page must not change the count.', '');
  lines.push('| Target | single | nested first: 5 | nested first: 20 | deep first: 1 | deep first: 3 | mutation |', '|---|---:|---:|---:|---:|---:|---:|');
  for (const target of targets) {
    const p = probes[target.id];
    if (p) lines.push(`| ${target.label} | ${p.single ?? 'n/a'} | ${p.nestedSmall ?? 'n/a'} | ${p.nested ?? 'n/a'} | ${p.deepSmall ?? 'n/a'} | ${p.deep ?? 'n/a'} | ${p.mutation ?? 'n/a'} |`);
  }
  lines.push('', `### Correctness (${title.toLowerCase()})`, '');
  for (const check of checks) lines.push(`- ${check}`);
  lines.push('', `### Targets of issue 5 (${title.toLowerCase()})`, '');
  for (const t of evaluateTargets(summary, targets, probes)) lines.push(`- ${t.met ? 'met' : '**missed**'}: ${t.text}`);
  lines.push('');
}

export function render({ conditions, sets }) {
  const lines = [];
  lines.push('# Gateway benchmark', '');
  lines.push(`${conditions.mode} run, ${conditions.date}, commit ${conditions.commit}.`, '');
  lines.push('## Conditions', '');
  for (const [key, value] of Object.entries(conditions.details)) lines.push(`- ${key}: ${value}`);
  lines.push('');
  lines.push('Columns: requests per second, latency percentiles, answers that were not HTTP 200 or held GraphQL `errors` '
    + '(plus socket errors), the highest resident memory of the gateway process seen while measured, its CPU '
    + '(100% = one core), subgraph requests per client request (from the subgraphs\' own request counters), the '
    + 'subgraphs\' mean time per request they served, and the CPU of the two subgraph processes together and of the '
    + 'databases (PostgreSQL and the MongoDB-wire server). Medians over the rounds.', '');
  for (const set of sets) renderSet(lines, set);
  return lines.join('\n');
}
