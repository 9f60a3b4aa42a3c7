// Differential fuzzer (issue 17): for each supergraph fixture, generated subgraphs answer Plenum, Apollo Gateway
// and Hive Gateway; seeded variants of the fixture's operations go to all three and their answers are compared.
// Usage: node fuzz.mjs [--ci] [--seed S] [--count N] [--jar quarkus-run.jar] [case...]
//   --ci: the build's run (fixed seed, few variants per fixture). Exits 1 on a failure not in lib/known-bugs.mjs.
import { mkdirSync, openSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadFixtures, withSubgraphUrls } from './lib/fixtures.mjs';
import { buildModel } from './lib/model.mjs';
import { generateVariants } from './lib/mutate.mjs';
import { startPlenum } from './lib/plenum.mjs';
import { hash, prng } from './lib/random.mjs';
import { startApollo, startHive } from './lib/references.mjs';
import { progress, report } from './lib/report.mjs';
import { requestOf, shrink } from './lib/shrink.mjs';
import { startSubgraphServer } from './lib/subgraphs.mjs';
import { AGREE, REVIEW, judge, stillHolds } from './lib/verdict.mjs';
import { knownBug } from './lib/known-bugs.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const CI_SEED = 17;
const CI_COUNT = 10;
// shrinking tries per finding; the build shrinks reviews (which cannot fail it) less to stay quick
const SHRINK_TRIES = 300;
const CI_REVIEW_SHRINK_TRIES = 40;

function parseArgs(argv) {
  const options = { seed: Date.now() % 100000, count: 200, jar: join(here, '../../../target/quarkus-app/quarkus-run.jar'), cases: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--ci') Object.assign(options, { seed: CI_SEED, count: CI_COUNT, ci: true });
    else if (arg === '--seed') options.seed = Number(argv[++i]);
    else if (arg === '--count') options.count = Number(argv[++i]);
    else if (arg === '--jar') options.jar = argv[++i];
    else options.cases.push(arg);
  }
  return options;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const { fixtures, skipped } = loadFixtures(join(here, '../resources/supergraphs'), options.cases);
  console.log(`fuzz: seed ${options.seed}, ${options.count} variants per fixture, ${fixtures.length} fixtures`
    + (skipped.length ? ` (skipped: ${skipped.join('; ')})` : ''));
  if (!fixtures.length) throw new Error(`no fixture to fuzz among ${options.cases.join(', ')}`);
  const server = await startSubgraphServer();
  let served = fixtures[0].supergraph; // until the first fixture's subgraphs are up
  server.route('/supergraph', (_, response) => response.writeHead(200, { 'content-type': 'text/plain' }).end(served));
  const logDir = join(here, '../../../target/fuzz');
  mkdirSync(logDir, { recursive: true });
  const plenum = await startPlenum({ jar: options.jar, supergraphUrl: `${server.base}/supergraph`, logFile: openSync(join(logDir, 'plenum.log'), 'w') });
  const results = [];
  try {
    for (const fixture of fixtures) {
      const model = buildModel(fixture);
      const supergraph = withSubgraphUrls(fixture.supergraph, server.mount(fixture, model));
      served = supergraph;
      await plenum.awaitSchema(supergraph);
      results.push(await fuzzFixture(fixture, model, supergraph, plenum, options));
      progress(results.at(-1));
    }
  } finally {
    await plenum.stop();
    await server.close();
  }
  const failed = report(results, Date.now() - started);
  process.exit(failed ? 1 : 0);
}

async function fuzzFixture(fixture, model, supergraph, plenum, options) {
  const started = Date.now();
  const gateways = { plenum, apollo: await startApollo(supergraph), hive: await startHive(supergraph) };
  try {
    const rng = prng(hash(options.seed, fixture.name));
    const { variants, invalidBases } = generateVariants(model.apiSchema, fixture.operations, rng, options.count);
    const { counts, findings } = await judgeAll(fixture, model, gateways, variants, options);
    return { fixture: fixture.name, variants: variants.length, invalidBases, counts, findings, millis: Date.now() - started };
  } finally {
    await gateways.apollo.stop();
    await gateways.hive.stop();
  }
}

/** Counts per verdict, and the findings by shrunk repro (each with how many variants shrank to it). */
async function judgeAll(fixture, model, gateways, variants, options) {
  const counts = { [AGREE]: 0, agreedErrors: 0, failure: 0, unstable: 0, [REVIEW]: 0, known: 0 };
  const findings = new Map();
  for (const variant of variants) {
    const verdict = await judge(gateways, requestOf(variant));
    if (verdict.kind === AGREE) {
      counts[AGREE]++;
      // many agreements on errors would mean the generated data or variants are broken, not the gateways
      if (verdict.answers.plenum.endsWith('+errors')) counts.agreedErrors++;
      continue;
    }
    const tries = options.ci && verdict.kind === REVIEW ? CI_REVIEW_SHRINK_TRIES : SHRINK_TRIES;
    const finding = await minimize(model, gateways, variant, verdict, tries);
    const known = verdict.kind !== REVIEW && knownBug(fixture.name, finding);
    counts[known ? 'known' : verdict.kind]++;
    if (!findings.has(finding.text)) {
      const plan = await gateways.plenum.plan(requestOf(finding));
      findings.set(finding.text, { ...finding, known, plan, first: { text: variant.text, answers: verdict.answers, errors: verdict.errors }, count: 0 });
    }
    findings.get(finding.text).count++;
  }
  return { counts, findings: [...findings.values()] };
}

/** The smallest request with the same verdict and its answers. */
async function minimize(model, gateways, variant, verdict, tries) {
  const small = await shrink(model.apiSchema, variant, stillHolds(gateways, verdict.kind), tries);
  const final = await judge(gateways, requestOf(small));
  return { kind: verdict.kind, text: small.text, variables: small.variables, answers: final.answers, errors: final.errors };
}

await main();
