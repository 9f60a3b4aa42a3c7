// Plenum bugs the fuzzer found that are reported but not fixed yet: their minimal repros do not fail the run.
// One entry per bug: fixture, the shrunk repro (as fuzz.mjs prints it), what Plenum answers vs. the references.
// Remove an entry when its bug is fixed (the run then reports it as agreeing again).
export const KNOWN_BUGS = [];

export function isKnownBug(fixture, text) {
  const query = text.replace(/\s+/g, ' ').trim();
  return KNOWN_BUGS.some((bug) => bug.fixture === fixture && bug.query.replace(/\s+/g, ' ').trim() === query);
}
