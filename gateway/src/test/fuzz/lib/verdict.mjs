// Compares the gateways' answers to one request: data (objects compared without key order) and whether errors
// came back.

export const AGREE = 'agree';
export const FAILURE = 'failure'; // the references agree, Plenum answers otherwise
export const UNSTABLE = 'unstable'; // Plenum answered two runs of the same request differently
export const REVIEW = 'review'; // the references disagree with each other

const UNSTABLE_REPEATS = 4;

/** Sends the request to each gateway (Plenum twice) and classifies the answers. */
export async function judge(gateways, request) {
  const bodies = await Promise.all([
    gateways.plenum.query(request), gateways.plenum.query(request), gateways.apollo.query(request), gateways.hive.query(request),
  ]);
  const [plenum, again, apollo, hive] = bodies.map(summary);
  const answers = { plenum, apollo, hive };
  const errors = Object.fromEntries(['plenum', 'plenum again', 'apollo', 'hive'].map((name, i) => [name, firstError(bodies[i])]));
  if (plenum !== again) return { kind: UNSTABLE, answers: { ...answers, 'plenum again': again }, errors };
  if (apollo !== hive) return { kind: REVIEW, answers, errors };
  return { kind: plenum === apollo ? AGREE : FAILURE, answers, errors };
}

/** The first error message of an answer, to print beside a finding. */
function firstError(body) {
  return body?.errors?.[0]?.message;
}

/** Whether a request still gets the verdict `kind`, asking only the gateways that decide it (for shrinking). */
export function stillHolds(gateways, kind) {
  const ask = (gateway, request) => gateway.query(request).then(summary);
  const checks = {
    [REVIEW]: async (request) => {
      const [apollo, hive] = await Promise.all([ask(gateways.apollo, request), ask(gateways.hive, request)]);
      return apollo !== hive;
    },
    [FAILURE]: async (request) => {
      const [plenum, apollo, hive] = await Promise.all([gateways.plenum, gateways.apollo, gateways.hive].map((g) => ask(g, request)));
      return apollo === hive && plenum !== apollo;
    },
    [UNSTABLE]: async (request) => {
      const runs = await Promise.all(Array.from({ length: UNSTABLE_REPEATS }, () => ask(gateways.plenum, request)));
      return new Set(runs).size > 1;
    },
  };
  return checks[kind];
}

/** One line per answer: canonical data, and "+errors" when errors came back. */
function summary(body) {
  if (body?.transportError) return `no answer (${body.transportError})`;
  const errors = Array.isArray(body?.errors) && body.errors.length > 0;
  return canonical(body?.data ?? null) + (errors ? ' +errors' : '');
}

function canonical(value) {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
