// Differences the fuzzer found where Plenum and both references disagree, already reported: a finding matching
// an entry (fixture, shrunk repro with spaces squeezed out as in `{product(id:"1"){sku:name ...on T{id}}}`, and Plenum's
// first error message where given) does not fail the run.
// `wrong`: 'plenum' is a Plenum bug not fixed yet (remove the entry with the fix); 'references' is a bug both
// references share, or a difference Plenum makes on purpose.
export const KNOWN_DIFFERENCES = [
  {
    fixture: 'keys',
    wrong: 'references',
    // an alias named like the key field, with a fetch from inventory after it: both references answer the key
    repro: '{ product(id: "1") { sku: name warehouse { region { id } } } }',
    answers: 'plenum {"product":{"sku":"string649",...}}; apollo and hive {"product":{"sku":"string-149116",...}}',
    matches: /\bsku:name\b/,
  },
  {
    fixture: 'interface-object',
    wrong: 'references',
    // __typename in a fragment on an implementation, with a field from an @interfaceObject subgraph: both
    // references drop the fragment for the Users that the accounts subgraph names
    repro: '{ premiumAccounts { ... on User { __typename active } } }',
    answers: 'plenum [{},{"__typename":"User","active":true},{}]; apollo and hive [{},{},{}]',
    matches: /\.\.\.on User\{__typename/,
  },
  {
    fixture: 'unresolvable-interface-object',
    wrong: 'references',
    // on purpose (issue 12, golden plan field-only-an-unresolvable-interface-object-has): a field no subgraph can
    // reach fails the plan instead of vanishing
    repro: '{ node { score } }',
    answers: 'plenum data null, QUERY_PLANNING_FAILED; apollo and hive {"node":null}',
    matches: /node\{score\}/,
    plenumError: /^No subgraph can resolve Node\.score from subgraph a/,
  },
];

/** The known difference a finding is, if any. */
export function knownBug(fixture, { text, errors }) {
  const query = squeeze(text);
  return KNOWN_DIFFERENCES.find((known) => known.fixture === fixture && known.matches.test(query)
    && (!known.plenumError || known.plenumError.test(errors.plenum ?? '')));
}

function squeeze(text) {
  return text.replace(/\s+/g, ' ').replace(/\s*([{}():,!$=@])\s*/g, '$1').replace(/\.\.\. /g, '...').trim();
}
