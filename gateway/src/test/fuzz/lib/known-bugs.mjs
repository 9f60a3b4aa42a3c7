// Differences the fuzzer found where Plenum and both references disagree, already reported: findings whose
// shrunk repro (spaces squeezed out, as in `{product(id:"1"){sku:name}}`) matches an entry do not fail the run.
// Each entry: fixture, the pattern of its repros, who is wrong ('plenum': a Plenum bug not fixed yet;
// 'references': Apollo Gateway and Hive Gateway share a bug), a minimal repro and the answers.
// Remove a 'plenum' entry when its bug is fixed.
export const KNOWN_DIFFERENCES = [
  {
    fixture: 'keys',
    wrong: 'references',
    matches: /\bsku:name\b/,
    // an alias named like the key field, with a fetch from inventory after it: both references answer the key
    repro: '{ product(id: "1") { sku: name warehouse { region { id } } } }',
    answers: 'plenum {"product":{"sku":"string649",...}}; apollo and hive {"product":{"sku":"string-149116",...}}',
  },
];

/** The known difference a shrunk repro is, if any. */
export function knownBug(fixture, text) {
  const query = squeeze(text);
  return KNOWN_DIFFERENCES.find((known) => known.fixture === fixture && known.matches.test(query));
}

function squeeze(text) {
  return text.replace(/\s+/g, ' ').replace(/\s*([{}():,!$=@])\s*/g, '$1').trim();
}
