// The run's figures and findings, printed; returns how many findings fail the run.

export function report(results, millis) {
  let failing = 0;
  for (const result of results) {
    for (const finding of result.findings) {
      const fails = finding.kind !== 'review' && !finding.known;
      if (fails) failing++;
      printFinding(result.fixture, finding, fails);
    }
  }
  console.log('\nfixture                          variants  agree (with errors)  failure  unstable  review  known      ms');
  const total = { variants: 0, agree: 0, agreedErrors: 0, failure: 0, unstable: 0, review: 0, known: 0 };
  for (const { fixture, variants, invalidBases, counts, millis: ms } of results) {
    total.variants += variants;
    for (const kind of Object.keys(counts)) total[kind] += counts[kind];
    console.log(`${fixture.padEnd(32)} ${row(variants, counts)}  ${String(ms).padStart(6)}`
      + (invalidBases ? `  (${invalidBases} operations invalid against the API schema, not used)` : ''));
  }
  console.log(`${'total'.padEnd(32)} ${row(total.variants, total)}  ${String(millis).padStart(6)}`);
  console.log(failing ? `\n${failing} failing finding(s)` : '\nno failing findings');
  return failing;
}

/** One line as a fixture finishes, for long runs. */
export function progress({ fixture, variants, counts, millis }) {
  const kinds = Object.entries(counts).filter(([, n]) => n > 0).map(([kind, n]) => `${n} ${kind}`);
  console.log(`${fixture}: ${variants} variants, ${kinds.join(', ')} (${(millis / 1000).toFixed(1)} s)`);
}

function row(variants, counts) {
  return [variants, counts.agree, `(${counts.agreedErrors})`, counts.failure, counts.unstable, counts.review, counts.known]
    .map((n, i) => String(n).padStart([8, 6, 13, 8, 9, 7, 6][i])).join(' ');
}

function printFinding(fixture, finding, fails) {
  const title = fails ? 'FAILURE' : finding.known ? `known, wrong: ${finding.known.wrong}` : 'review';
  console.log(`\n=== ${title} (${finding.kind}) in ${fixture}, ${finding.count} variant(s) shrink to:`);
  console.log(finding.text.trim());
  if (Object.keys(finding.variables).length) console.log(`variables: ${JSON.stringify(finding.variables)}`);
  printAnswers(finding.answers, finding.errors);
  if (fails) {
    // a shrunk repro may lose a flaky verdict: show what was seen first too
    console.log(`first seen on:\n${indent(finding.first.text.trim())}`);
    printAnswers(finding.first.answers, finding.first.errors);
  }
  console.log(`Plenum's plan:\n${indent(finding.plan)}`);
}

function printAnswers(answers, errors) {
  for (const [gateway, answer] of Object.entries(answers)) {
    console.log(`  ${gateway.padEnd(12)} ${answer}` + (errors[gateway] ? ` (first error: ${errors[gateway]})` : ''));
  }
}

function indent(text) {
  return String(text).split('\n').map((line) => `  ${line}`).join('\n');
}
